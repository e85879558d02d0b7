/**
 * 6. Queue throughput: jobs per second with the built-in stylist unpaced.
 *
 * The real server (`main.ts`) in its own process on a SQLite file, the
 * per-shopper limits lifted (`JOBS_PER_MINUTE`, `CONCURRENT_JOBS`) so the
 * queue, not the rate limit, is what is measured. This process posts every
 * job at once (20 requests in flight), 10 jobs a shopper, and watches each
 * job's stream as the reveal page would. Throughput is jobs ÷ (last
 * `complete` − first POST); the queue wait is 202 → the worker's first
 * event ("Wardrobe loaded…").
 */
import { TestClient } from "../tests/helpers/client.ts";
import { readEvents } from "../tests/helpers/sse_client.ts";
import { startServerProcess } from "../tests/helpers/server_process.ts";
import { pool, type Result, summarize } from "./stats.ts";

const REQUEST = {
  mode: "occasion",
  occasions: ["casual"],
  include_reasoning: false,
  parallel: false,
};
const JOBS_PER_SHOPPER = 10;

export async function throughput({ quick }: { quick: boolean }) {
  const count = quick ? 40 : 200;
  await using server = await startServerProcess("main.ts", {
    JOBS_PER_MINUTE: "1000000",
    CONCURRENT_JOBS: "1000000",
  });
  const shoppers = await pool(
    Array.from(
      { length: Math.ceil(count / JOBS_PER_SHOPPER) },
      () => new TestClient(server.url),
    ),
    10,
    async (shopper) => {
      await shopper.get("/api/wardrobe"); // session and sample wardrobe
      return shopper;
    },
  );
  const started = performance.now();
  const cpu = await server.cpuSeconds();
  const runs: Promise<{ waited: number; done: number }>[] = [];
  await pool(
    Array.from({ length: count }, (_, i) => shoppers[i % shoppers.length]),
    20,
    async (shopper) => {
      const jobId = await shopper.generate(REQUEST);
      const accepted = performance.now();
      const res = await shopper.stream(jobId);
      const run = (async () => {
        let waited = NaN;
        let done = NaN;
        for await (const event of readEvents(res.body!)) {
          if (event.id === 2) waited = performance.now() - accepted;
          if (event.event === "complete") done = performance.now();
          if (event.event === "error") {
            throw new Error(
              `Job "${jobId}" failed: ${JSON.stringify(event.data)}`,
            );
          }
        }
        return { waited, done };
      })();
      run.catch(() => {}); // handled now, reported when awaited below
      runs.push(run);
    },
  );
  const results = await Promise.all(runs);
  const last = Math.max(...results.map((r) => r.done));
  const seconds = (last - started) / 1000;
  const busy = (await server.cpuSeconds() - cpu) / seconds;
  const rate = count / seconds;
  return [
    {
      id: "queue_throughput",
      metric: "Queue throughput, built-in stylist unpaced",
      unit: "jobs/s",
      value: rate,
      note: `${count} jobs in ${seconds.toFixed(1)} s; server CPU ${
        busy.toFixed(2)
      } cores, ${(1000 * busy * seconds / count).toFixed(0)} ms a job`,
    },
    {
      id: "queue_wait",
      metric: "  202 → worker's first event, under that load",
      unit: "ms",
      summary: summarize(results.map((r) => r.waited)),
    },
  ] satisfies Result[];
}

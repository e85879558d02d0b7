/**
 * 6. Queue throughput: jobs per second with the built-in stylist unpaced,
 *    with the job threads and with `JOB_THREADS=0` (every job in the server
 *    thread, the baseline), and how fast the server answers a status read
 *    while those jobs run.
 *
 * The real server (`main.ts`) in its own process on a SQLite file, the
 * per-shopper limits lifted (`JOBS_PER_MINUTE`, `CONCURRENT_JOBS`) so the
 * queue, not the rate limit, is what is measured. This process posts every
 * job at once (20 requests in flight), 10 jobs a shopper, and watches each
 * job's stream as the reveal page would. Throughput is jobs ÷ (last
 * `complete` − first POST); the queue wait is 202 → the worker's first
 * event ("Wardrobe loaded…"). Meanwhile one more shopper reads its own
 * job's status (`GET /api/jobs/:id`, what the polling fallback does) every
 * 20 ms until the last job completes.
 */
import { TestClient } from "../tests/helpers/client.ts";
import { readEvents } from "../tests/helpers/sse_client.ts";
import process from "node:process";
import {
  startServerProcess,
  type ThreadCpu,
} from "../tests/helpers/server_process.ts";
import { pool, type Result, summarize } from "./stats.ts";
import { delay } from "../lib/delay.ts";

const REQUEST = {
  mode: "occasion",
  occasions: ["casual"],
  include_reasoning: false,
  parallel: false,
};
const JOBS_PER_SHOPPER = 10;
const POLL_EVERY_MS = 20;

type Run = {
  rate: number;
  seconds: number;
  /** Cores used over the run, by thread, and by this (client) process. */
  busy: ThreadCpu & { client: number };
  waited: number[];
  reads: number[];
};

export async function throughput(
  { quick }: { quick: boolean },
): Promise<Result[]> {
  const count = quick ? 40 : 100;
  const threaded = await run(count, {});
  const results: Result[] = [];
  const note = ({ busy, seconds }: Run) => {
    const server = busy.server + busy.jobs + busy.other;
    return `${count} jobs in ${seconds.toFixed(1)} s, ${
      (1000 * server * seconds / count).toFixed(0)
    } ms of server CPU a job; cores: server thread ${
      busy.server.toFixed(2)
    }, job threads ${busy.jobs.toFixed(2)}, other server threads ${
      busy.other.toFixed(2)
    }, bench client ${busy.client.toFixed(2)}`;
  };
  if (quick) {
    return [{
      id: "queue_throughput",
      metric: "Queue throughput, built-in stylist unpaced",
      unit: "jobs/s",
      value: threaded.rate,
      note: note(threaded),
    }];
  }
  const baseline = await run(count, { JOB_THREADS: "0" });
  const reads = summarize(threaded.reads);
  results.push(
    {
      id: "queue_throughput",
      metric: "Queue throughput, built-in stylist unpaced",
      unit: "jobs/s",
      value: threaded.rate,
      goal: `≥ 1.6 × JOB_THREADS=0 (${(1.6 * baseline.rate).toFixed(1)})`,
      pass: threaded.rate >= 1.6 * baseline.rate,
      note: `${note(threaded)}; ${
        (threaded.rate / baseline.rate).toFixed(2)
      } × the baseline`,
    },
    {
      id: "queue_wait",
      metric: "  202 → worker's first event, under that load",
      unit: "ms",
      summary: summarize(threaded.waited),
    },
    {
      id: "status_read_under_load",
      metric: `  GET /api/jobs/:id while the ${count} jobs run`,
      unit: "ms",
      summary: reads,
      goal: "p99 ≤ 50",
      pass: reads.p99 <= 50,
    },
    {
      id: "queue_throughput_threads0",
      metric: "Queue throughput, JOB_THREADS=0",
      unit: "jobs/s",
      value: baseline.rate,
      note: note(baseline),
    },
    {
      id: "queue_wait_threads0",
      metric: "  202 → worker's first event, JOB_THREADS=0",
      unit: "ms",
      summary: summarize(baseline.waited),
    },
    {
      id: "status_read_under_load_threads0",
      metric: "  GET /api/jobs/:id, JOB_THREADS=0",
      unit: "ms",
      summary: summarize(baseline.reads),
    },
  );
  return results;
}

async function run(count: number, env: Record<string, string>): Promise<Run> {
  await using server = await startServerProcess("main.ts", {
    JOBS_PER_MINUTE: "1000000",
    CONCURRENT_JOBS: "1000000",
    ...env,
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
  // The reader's own job, finished before the load starts: a status read
  // is then the whole job, as the polling fallback's last read is.
  const reader = new TestClient(server.url);
  const readJob = await reader.generate(REQUEST);
  for await (const _ of readEvents((await reader.stream(readJob)).body!));

  const started = performance.now();
  const cpu = await server.threadCpuSeconds();
  const client = process.cpuUsage();
  const runs: Promise<{ waited: number; done: number }>[] = [];
  let finished = false;
  const reads: number[] = [];
  const reading = (async () => {
    while (!finished) {
      const t0 = performance.now();
      const res = await reader.get(`/api/jobs/${readJob}`);
      if (res.status !== 200) {
        throw new Error(`Status read answered ${res.status}`);
      }
      reads.push(performance.now() - t0);
      await delay(POLL_EVERY_MS);
    }
  })();
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
  const results = await Promise.all(runs).finally(() => finished = true);
  await reading;
  const last = Math.max(...results.map((r) => r.done));
  const seconds = (last - started) / 1000;
  const end = await server.threadCpuSeconds();
  const used = process.cpuUsage(client);
  const busy = {
    server: (end.server - cpu.server) / seconds,
    jobs: (end.jobs - cpu.jobs) / seconds,
    other: (end.other - cpu.other) / seconds,
    client: (used.user + used.system) / 1e6 / seconds,
  };
  return {
    rate: count / seconds,
    seconds,
    busy,
    waited: results.map((r) => r.waited),
    reads,
  };
}

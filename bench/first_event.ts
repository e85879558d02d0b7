/**
 * 1. POST generate → first SSE event at the client.
 *
 * The real server (`main.ts`) in its own process on a SQLite file, the
 * built-in stylist unpaced, with its job threads and again with
 * `JOB_THREADS=0` beside it; a client that does what the reveal page does: POST the request, open the stream
 * from the 202's job id, and stop the clock when the first event ("Queued…",
 * written in the job's creating commit) is parsed. Each job runs to the end
 * before the next starts, so every sample sees an idle server; a shopper
 * makes at most 10 jobs (the per-minute limit), a new one is made first.
 */
import { TestClient } from "../tests/helpers/client.ts";
import { startServerProcess } from "../tests/helpers/server_process.ts";
import { readSse } from "../tests/helpers/sse_client.ts";
import { type Result, summarize } from "./stats.ts";

const REQUEST = {
  mode: "occasion",
  occasions: ["work"],
  include_reasoning: false,
  parallel: false,
};
const JOBS_PER_SHOPPER = 10;
const WARM_UP = 5;

export async function firstEvent(
  { quick }: { quick: boolean },
): Promise<Result[]> {
  const count = quick ? 20 : 150;
  const threaded = summarize(await samples(count, {}));
  const result: Result = {
    id: "post_to_first_event",
    metric: "POST generate → first SSE event",
    unit: "ms",
    summary: threaded,
    goal: "p50 ≤ 20, p99 ≤ 50",
    pass: threaded.p50 <= 20 && threaded.p99 <= 50,
    note: "server process, idle; 2 round trips",
  };
  if (quick) return [result];
  return [result, {
    id: "post_to_first_event_threads0",
    metric: "  the same, JOB_THREADS=0",
    unit: "ms",
    summary: summarize(await samples(count, { JOB_THREADS: "0" })),
  }];
}

async function samples(
  count: number,
  env: Record<string, string>,
): Promise<number[]> {
  await using server = await startServerProcess("main.ts", env);
  const samples: number[] = [];
  let shopper: TestClient | undefined;
  for (let i = 0; i < WARM_UP + count; i++) {
    if (i % JOBS_PER_SHOPPER === 0) {
      shopper = new TestClient(server.url);
      await shopper.get("/api/wardrobe"); // session and sample wardrobe
    }
    const started = performance.now();
    const jobId = await shopper!.generate(REQUEST);
    const res = await shopper!.stream(jobId);
    let first: number | undefined;
    for await (const frame of readSse(res.body!)) {
      if (frame.kind === "event") first ??= performance.now();
    }
    if (first === undefined) throw new Error(`No event for job "${jobId}"`);
    if (i >= WARM_UP) samples.push(first - started);
  }
  return samples;
}

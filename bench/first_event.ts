/**
 * 1. POST generate → first SSE event at the client.
 *
 * The whole app in this process (tests/helpers/server.ts: real HTTP on
 * loopback, real queue and worker, the built-in stylist unpaced), a client
 * that does what the reveal page does: POST the request, open the stream
 * from the 202's job id, and stop the clock when the first event ("Queued…",
 * written in the job's creating commit) is parsed. Each job runs to the end
 * before the next starts, so every sample sees an idle server; a shopper
 * makes at most 10 jobs (the per-minute limit), a new one is made first.
 */
import { startTestServer } from "../tests/helpers/server.ts";
import { readSse } from "../tests/helpers/sse_client.ts";
import type { TestClient } from "../tests/helpers/client.ts";
import { type Result, summarize } from "./stats.ts";

const REQUEST = {
  mode: "occasion",
  occasions: ["work"],
  include_reasoning: false,
  parallel: false,
};
const JOBS_PER_SHOPPER = 10;
const WARM_UP = 5;

export async function firstEvent({ quick }: { quick: boolean }) {
  const count = quick ? 20 : 150;
  await using server = await startTestServer();
  const samples: number[] = [];
  let shopper: TestClient | undefined;
  for (let i = 0; i < WARM_UP + count; i++) {
    if (i % JOBS_PER_SHOPPER === 0) {
      shopper = server.client();
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
  const summary = summarize(samples);
  return [{
    id: "post_to_first_event",
    metric: "POST generate → first SSE event",
    unit: "ms",
    summary,
    goal: "p50 ≤ 20, p99 ≤ 50",
    pass: summary.p50 <= 20 && summary.p99 <= 50,
    note: "in-process app, idle; 2 round trips",
  }] satisfies Result[];
}

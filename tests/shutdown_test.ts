/**
 * A deploy, as it happens: `main.ts` gets SIGTERM in the middle of a job.
 * It must stop taking jobs, end its streams (so EventSource reconnects),
 * hand the unfinished job back within DRAIN_MS and exit 0; the next
 * instance on the same store must carry the job on at once, not after the
 * lease runs out, with an event log that has no gap and no repeat.
 */
import assert from "node:assert/strict";
import type { Job } from "../lib/jobs/job.ts";
import { TestClient } from "./helpers/client.ts";
import { waitFor } from "./helpers/wait_for.ts";
import { startServerProcess } from "./helpers/server_process.ts";
import { readEvents, type SseEvent } from "./helpers/sse_client.ts";

const LEASE_MS = 30_000;
const DRAIN_MS = 300;

function startServer(kvPath: string, threads: string) {
  return startServerProcess("main.ts", {
    DENO_KV_PATH: kvPath,
    SESSION_SECRET: "shutdown-test-secret",
    // Slow enough that a job is mid-way when the signal comes.
    STYLIST_LOCAL_DELAY_MS: "1500",
    JOB_LEASE_MS: String(LEASE_MS),
    DRAIN_MS: String(DRAIN_MS),
    SWEEP_INTERVAL_MS: "200",
    JOB_THREADS: threads,
  });
}

for (const threads of ["1", "0"]) {
  Deno.test(`[shutdown] SIGTERM mid-job (JOB_THREADS=${threads}): streams end, the job is handed back, exit 0; the next instance carries on at once`, async () => {
    const dir = await Deno.makeTempDir({ prefix: "stylist-shutdown-" });
    const kvPath = `${dir}/stylist.kv`;
    try {
      const first = await startServer(kvPath, threads);
      const shopper = new TestClient(first.url);
      const jobId = await shopper.generate({
        mode: "occasion",
        occasions: ["work"],
      });
      const seen: SseEvent[] = [];
      const stream = await shopper.stream(jobId);
      const streamed = (async () => {
        for await (const event of readEvents(stream.body!)) seen.push(event);
      })();
      await waitFor(() => seen.some((e) => e.event === "outfit"), {
        timeoutMs: 20_000,
        what: "the first outfit",
      });

      const signalled = Date.now();
      await first.kill("SIGTERM");
      const { code } = await first.status;
      const took = Date.now() - signalled;
      assert.equal(code, 0, `exit code; stderr: ${first.errors.join("\n")}`);
      assert.ok(took < DRAIN_MS + 3_000, `stopped in ${took} ms`);
      await streamed; // the stream ended cleanly: no hang, no error
      assert.ok(!seen.some((e) => e.event === "complete"), "caught mid-job");

      // Handed back: the lease released at once, the attempt not counted.
      {
        using kv = await Deno.openKv(kvPath);
        const { value: job } = await kv.get<Job>(["jobs", jobId]);
        assert.equal(job?.status, "running");
        assert.equal(job?.lease?.until, 0);
        assert.equal(job?.attempts, 0);
      }

      await using second = await startServer(kvPath, threads);
      const restarted = Date.now();
      const resumed = new TestClient(second.url);
      resumed.cookie = shopper.cookie;
      const lastSeen = seen.at(-1)!.id;
      const rest: SseEvent[] = [];
      const res = await resumed.stream(jobId, { lastEventId: lastSeen });
      let nextAt = 0;
      for await (const event of readEvents(res.body!)) {
        nextAt ||= Date.now();
        rest.push(event);
      }
      console.log(
        `JOB_THREADS=${threads}: stopped ${took} ms after SIGTERM; the job's next event ${
          nextAt - restarted
        } ms after the restart (lease ${LEASE_MS} ms)`,
      );
      assert.ok(
        nextAt - restarted < 5_000,
        `the job's next event came ${
          nextAt - restarted
        } ms after the restart (lease ${LEASE_MS} ms)`,
      );
      const all = [...seen, ...rest];
      assert.deepEqual(all.map((e) => e.id), all.map((_, i) => i + 1));
      assert.deepEqual(
        all.filter((e) => e.event === "outfit").map((e) =>
          (e.data as { outfit_number: number }).outfit_number
        ),
        [1, 2, 3],
      );
      assert.equal(all.at(-1)?.event, "complete");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
}

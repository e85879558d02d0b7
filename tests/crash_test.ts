/**
 * The real thing: `main.ts` as a server process over a KV file, killed with
 * SIGKILL in the middle of its jobs and started again. Every job must end,
 * with an event log that has no gap and no repeat, and outfits finished
 * before the crash must be the ones the shopper keeps.
 */
import assert from "node:assert/strict";
import type { JobView } from "../lib/jobs/job.ts";
import { TestClient } from "./helpers/client.ts";
import { waitFor } from "./helpers/wait_for.ts";
import { startServerProcess } from "./helpers/server_process.ts";

/** main.ts on a free port over `kvPath`, paced so a crash lands mid-job. */
function startServer(kvPath: string) {
  return startServerProcess("main.ts", {
    DENO_KV_PATH: kvPath,
    SESSION_SECRET: "crash-test-secret",
    STYLIST_LOCAL_DELAY_MS: "250",
    JOB_LEASE_MS: "600",
    SWEEP_INTERVAL_MS: "100",
  });
}

async function status(client: TestClient, jobId: string): Promise<JobView> {
  const res = await client.get(`/api/jobs/${jobId}`);
  assert.equal(res.status, 200);
  return res.body;
}

Deno.test("[crash] kill -9 mid-job, restart: every job ends, logs stay contiguous", async () => {
  const dir = await Deno.makeTempDir({ prefix: "stylist-crash-" });
  const kvPath = `${dir}/stylist.kv`;
  try {
    await using first = await startServer(kvPath);
    const shoppers = [new TestClient(first.url), new TestClient(first.url)];
    const jobs: { client: TestClient; id: string }[] = [];
    for (const client of shoppers) {
      for (const occasion of ["work", "brunch"]) {
        const id = await client.generate({
          mode: "occasion",
          occasions: [occasion],
        });
        jobs.push({ client, id });
      }
    }
    // Crash once the first outfits are out and the jobs are mid-way.
    let before: JobView[] = [];
    await waitFor(async () => {
      before = await Promise.all(jobs.map((j) => status(j.client, j.id)));
      return before.some((job) => job.outfits.length >= 1);
    }, { timeoutMs: 20_000, what: "a first outfit" });
    await first.kill("SIGKILL");
    assert.ok(
      before.some((job) => job.status !== "complete"),
      "the crash caught jobs unfinished",
    );

    await using second = await startServer(kvPath);
    for (const job of jobs) job.client = retarget(job.client, second.url);
    const after = await Promise.all(jobs.map(async (job, i) => {
      await waitFor(
        async () => (await status(job.client, job.id)).status === "complete",
        { timeoutMs: 30_000, what: `job ${i + 1} to complete` },
      );
      return {
        view: await status(job.client, job.id),
        events: await job.client.events(job.id, 0),
      };
    }));

    for (const [i, { view, events }] of after.entries()) {
      const ids = events.map((e) => e.id);
      assert.deepEqual(ids, ids.map((_, k) => k + 1), `job ${i + 1}: ids`);
      const outfitEvents = events.filter((e) => e.event === "outfit");
      assert.deepEqual(
        outfitEvents.map((e) =>
          (e.data as { outfit_number: number }).outfit_number
        ),
        [1, 2, 3],
        `job ${i + 1}: every outfit once`,
      );
      assert.equal(events.filter((e) => e.event === "complete").length, 1);
      assert.equal(view.outfits.length, 3);
      assert.deepEqual(
        view.outfits.slice(0, before[i].outfits.length),
        before[i].outfits,
        `job ${i + 1}: outfits from before the crash are kept`,
      );
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

/** The same shopper (same cookie) talking to the restarted server. */
function retarget(client: TestClient, url: string): TestClient {
  const moved = new TestClient(url);
  moved.cookie = client.cookie;
  return moved;
}

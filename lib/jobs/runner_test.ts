import assert from "node:assert/strict";
import { JobFeeds } from "./feed.ts";
import { JobRunner, type JobWork, MAX_ATTEMPTS } from "./runner.ts";
import { cancelJob, claimJob, getJob, listEvents } from "./store.ts";
import { storeWithJobs } from "./test_jobs.ts";

function runnerFor(kv: Deno.Kv, work: JobWork, leaseMs = 30_000) {
  return new JobRunner({
    kv,
    work,
    feeds: new JobFeeds(),
    leaseMs,
    describeFailure: (err) => ({
      message: `Failed: ${(err as Error).message}`,
      logged: false,
    }),
    gaveUpMessage: "Given up.",
  });
}

/** Waits for `signal` to abort, or for `ms`. */
function aborted(signal: AbortSignal, ms = 10_000): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve(true);
    }, { once: true });
  });
}

const complete: JobWork = (writer) =>
  writer.append({ type: "complete", data: { result: { outfits: [] } } });

Deno.test("[runner] a job runs once, however often and by however many runners it is asked", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  let runs = 0;
  const work: JobWork = async (writer) => {
    runs++;
    await new Promise((resolve) => setTimeout(resolve, 20));
    await complete(writer, new AbortController().signal);
  };
  const a = runnerFor(store.kv, work);
  const b = runnerFor(store.kv, work);
  await Promise.all([a.run(jobId), a.run(jobId), b.run(jobId)]);
  assert.equal(runs, 1);
  assert.equal((await getJob(store.kv, jobId))!.job.status, "complete");
});

Deno.test("[runner] a cancel stops the work at once, through the shared watch", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  let stoppedAfter = -1;
  const runner = runnerFor(store.kv, async (_writer, signal) => {
    const started = performance.now();
    await aborted(signal);
    stoppedAfter = performance.now() - started;
    signal.throwIfAborted();
  });
  const running = runner.run(jobId);
  await new Promise((resolve) => setTimeout(resolve, 50));
  await cancelJob(store.kv, jobId, "shopper");
  await running;
  assert.ok(stoppedAfter >= 0 && stoppedAfter < 1_000, `${stoppedAfter} ms`);
  const events = await listEvents(store.kv, jobId);
  // Only the cancel's own event ends it: the runner adds no error of its own.
  assert.deepEqual(events.map((e) => e.type), ["progress", "error"]);
});

Deno.test("[runner] a failure ends the job with an error that keeps what was finished", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const runner = runnerFor(store.kv, async (writer) => {
    await writer.progress(50, "Half way", 2);
    throw new Error("connection reset");
  });
  await runner.run(jobId);
  const { job } = (await getJob(store.kv, jobId))!;
  assert.equal(job.status, "failed");
  assert.equal(job.error, "Failed: connection reset");
  assert.equal(job.lease, undefined);
});

Deno.test("[runner] draining lets a quick job finish and hands a slow one back, uncounted", async () => {
  using store = await storeWithJobs(2);
  const [quick, slow] = store.ids;
  const runner = runnerFor(store.kv, async (writer, signal) => {
    if (writer.job.id === quick) {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return await complete(writer, signal);
    }
    await aborted(signal);
    signal.throwIfAborted();
  });
  const jobs = [runner.run(quick), runner.run(slow)];
  await new Promise((resolve) => setTimeout(resolve, 10));
  await runner.drain(200);
  await Promise.all(jobs);
  assert.equal((await getJob(store.kv, quick))!.job.status, "complete");
  const { job } = (await getJob(store.kv, slow))!;
  assert.equal(job.status, "running");
  assert.equal(job.lease?.until, 0, "its lease released at once");
  assert.equal(job.attempts, 0, "the hand-back is not an attempt");
  // The next runner takes it straight away.
  assert.ok(await claimJob(store.kv, slow, { leaseMs: 1_000 }));
  // A drained runner takes no more jobs.
  assert.equal(runner.closed, true);
  await runner.run(slow);
});

Deno.test("[runner] a job whose workers keep dying is given up on, with what it had", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    assert.ok(
      await claimJob(store.kv, jobId, {
        leaseMs: 1,
        now: Date.now() - 60_000 + i * 1_000,
      }),
    );
  }
  let ran = false;
  await runnerFor(store.kv, () => {
    ran = true;
    return Promise.resolve();
  }).run(jobId);
  assert.equal(ran, false);
  const { job } = (await getJob(store.kv, jobId))!;
  assert.equal(job.status, "failed");
  assert.equal(job.error, "Given up.");
});

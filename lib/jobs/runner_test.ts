import assert from "node:assert/strict";
import { JobFeeds } from "./feed.ts";
import { JobRunner, type JobWork, MAX_ATTEMPTS } from "./runner.ts";
import { cancelJob, claimJob, getJob, listEvents } from "./store.ts";
import { storeWithJobs } from "./test_jobs.ts";
import { delay } from "../delay.ts";

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

/** Waits for `signal` to abort (or 10 s, so a broken runner fails). */
const aborted = (signal: AbortSignal) => delay(10_000, signal);

/** A promise the test settles when it is ready: a gate, or a signal. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => open = resolve);
  return { open, opened };
}

const complete: JobWork = (writer) =>
  writer.append({ type: "complete", data: { result: { outfits: [] } } });

Deno.test("[runner] a job runs once, however often and by however many runners it is asked", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  let runs = 0;
  const working = gate();
  const finish = gate();
  const work: JobWork = async (writer) => {
    runs++;
    working.open();
    await finish.opened;
    await complete(writer, new AbortController().signal);
  };
  const a = runnerFor(store.kv, work);
  const first = a.run(jobId);
  await working.opened;
  // While it runs: asked again here, and by two other runners at once.
  const again = a.run(jobId);
  await Promise.all([
    runnerFor(store.kv, work).run(jobId),
    runnerFor(store.kv, work).run(jobId),
  ]);
  finish.open();
  await Promise.all([first, again]);
  assert.equal(runs, 1);
  assert.equal((await getJob(store.kv, jobId))!.job.status, "complete");
});

Deno.test("[runner] a cancel stops the work at once, through the shared watch", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  let stoppedAfter = -1;
  const working = gate();
  const runner = runnerFor(store.kv, async (_writer, signal) => {
    const started = performance.now();
    working.open();
    await aborted(signal);
    stoppedAfter = performance.now() - started;
    signal.throwIfAborted();
  });
  const running = runner.run(jobId);
  await working.opened;
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
  const started = { [quick]: gate(), [slow]: gate() };
  const runner = runnerFor(store.kv, async (writer, signal) => {
    started[writer.job.id].open();
    if (writer.job.id === quick) {
      // Still at work when the drain begins; done well within its grace.
      await delay(30);
      return await complete(writer, signal);
    }
    await aborted(signal);
    signal.throwIfAborted();
  });
  const jobs = [runner.run(quick), runner.run(slow)];
  await Promise.all([started[quick].opened, started[slow].opened]);
  await runner.drain(1_000);
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

Deno.test("[runner] a job that fails during the drain does not stop the others being handed back", async () => {
  using store = await storeWithJobs(2);
  const [failing, slow] = store.ids;
  // The store fails the failing job's next read (a storage error).
  let failNext = false;
  const kv = new Proxy(store.kv, {
    get(target, name) {
      const value = Reflect.get(target, name, target);
      if (name === "get") {
        return (key: Deno.KvKey, ...rest: unknown[]) => {
          if (failNext && key[1] === failing) {
            failNext = false;
            return Promise.reject(new Error("storage error"));
          }
          return target.get(key, ...rest as []);
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const started = gate();
  const runner = runnerFor(kv, async (_writer, signal) => {
    started.open();
    await aborted(signal);
    signal.throwIfAborted();
  });
  const running = runner.run(slow);
  await started.opened;
  failNext = true;
  const failed = runner.run(failing);
  await runner.drain(100);
  await assert.rejects(failed, /storage error/);
  await running;
  const { job } = (await getJob(store.kv, slow))!;
  assert.equal(job.lease?.until, 0, "handed back all the same");
});

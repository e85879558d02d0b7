/**
 * The safety net under the queue. Every few seconds it walks the index of
 * unfinished jobs and runs any job that nobody is working on:
 *
 * - a running job whose lease lapsed (its worker crashed or was killed): it is
 *   claimed again and carries on from the outfits it already has, or is
 *   failed with them once its attempts are used up;
 * - a queued job the queue has not delivered within the grace period, which
 *   is every job when the store has no queue (KV Connect, where `enqueue`
 *   and `listenQueue` are unavailable): the sweep is then the dispatcher.
 *
 * Any number of instances may sweep one store: `claimJob` lets exactly one
 * of them take a job, so a job found twice still runs once.
 */
import { keys } from "../kv.ts";
import { isTerminal } from "./job.ts";
import type { JobRunner } from "./runner.ts";
import { getJob } from "./store.ts";

export type SweeperOptions = {
  kv: Deno.Kv;
  runner: JobRunner;
  /** Time between sweeps. */
  intervalMs: number;
  /** How long a queued job is left to the queue before the sweep runs it. */
  queuedGraceMs: number;
};

export type JobSweeper = {
  /** One sweep now; resolves once the jobs it found are started. */
  sweep(): Promise<void>;
  /** Stops sweeping; the jobs it started are the runner's to finish. */
  stop(): Promise<void>;
};

export function startJobSweeper(options: SweeperOptions): JobSweeper {
  const { kv, runner, intervalMs, queuedGraceMs } = options;
  const started = new Map<string, Promise<void>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let current: Promise<void> = Promise.resolve();

  async function sweepOnce(): Promise<void> {
    const now = Date.now();
    const index = kv.list<number>({ prefix: keys.activeJobs() });
    for await (const entry of index) {
      const jobId = String(entry.key.at(-1));
      if (stopped || runner.closed) return;
      if (started.has(jobId)) continue;
      const found = await getJob(kv, jobId);
      if (!found || isTerminal(found.job.status)) {
        // The record expired, or a writer ended the job without the index.
        await kv.atomic().check(entry).delete(entry.key).commit();
        continue;
      }
      const { job } = found;
      const due = job.status === "queued"
        ? Date.parse(job.created_at) + queuedGraceMs <= now
        : (job.lease?.until ?? 0) < now;
      if (!due) continue;
      const run = runner.run(jobId)
        .catch((err) => console.error(`Sweep: job "${jobId}" failed:`, err))
        .finally(() => started.delete(jobId));
      started.set(jobId, run);
    }
  }

  function sweep(): Promise<void> {
    current = current.then(sweepOnce).catch((err) => {
      if (!stopped) console.error("Job sweep failed:", err);
    });
    return current;
  }

  async function loop() {
    await sweep();
    if (!stopped) timer = setTimeout(loop, intervalMs);
  }
  loop();

  return {
    sweep,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}

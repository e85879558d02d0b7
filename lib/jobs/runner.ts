/**
 * The generic half of running a job, apart from what the job does: claim it
 * (so a duplicate delivery or a second instance does nothing), keep its
 * lease (the writer's heartbeat), stop the work the moment it is cancelled
 * or taken over (through the thread's shared watch on the job), end it with
 * an error that keeps what was finished, give up on a job whose workers keep
 * dying, and, on shutdown, let running jobs finish for a grace period and
 * hand the rest back so the next instance takes them at once.
 *
 * What a job does is the `work` function (for Stylist: workers/outfit_worker.ts),
 * which only writes its events; it never sees a lease or a claim.
 */
import { delay } from "../delay.ts";
import type { JobFeeds } from "./feed.ts";
import { isTerminal } from "./job.ts";
import { claimJob, type JobEntry } from "./store.ts";
import { JobLostError, JobWriter } from "./writer.ts";

/** Does a claimed job's work, writing its events; throws to fail it. */
export type JobWork = (
  writer: JobWriter,
  signal: AbortSignal,
) => Promise<void>;

export type RunnerOptions = {
  kv: Deno.Kv;
  work: JobWork;
  /** One watch per job per thread: the runner's and the streams'. */
  feeds: JobFeeds;
  leaseMs: number;
  reasoningFlushMs?: number;
  /** Claims a job may take (first run plus retries after crashes). */
  maxAttempts?: number;
  /** What a failure tells the shopper (the technical cause is logged). */
  describeFailure: (err: unknown) => { message: string; logged: boolean };
  /** Said when a job's workers kept dying and it is given up on. */
  gaveUpMessage: string;
};

/** A job whose worker died this many times is not retried again. */
export const MAX_ATTEMPTS = 3;

/** The reason a job's work is stopped when a shutdown hands it back. */
class HandedBack extends Error {
  override name = "HandedBack";
}

export class JobRunner {
  #options: RunnerOptions;
  #running = new Map<string, { abort: AbortController; done: Promise<void> }>();
  #closed = false;

  constructor(options: RunnerOptions) {
    this.#options = options;
  }

  /** Whether the runner has stopped taking jobs (a shutdown began). */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Runs one job to its end, unless another worker holds it, it has ended,
   * or this runner is shutting down. Resolves when the job is done here.
   */
  run(jobId: string): Promise<void> {
    if (this.#closed) return Promise.resolve();
    const existing = this.#running.get(jobId);
    if (existing) return existing.done;
    const abort = new AbortController();
    const done = this.#run(jobId, abort).finally(() =>
      this.#running.delete(jobId)
    );
    this.#running.set(jobId, { abort, done });
    return done;
  }

  /**
   * Stops taking jobs, gives the running ones up to `graceMs` to finish,
   * then hands back the rest. Resolves when no job is running here.
   */
  async drain(graceMs: number): Promise<void> {
    this.#closed = true;
    // Settled, not all: one job's failure must not stop the others being
    // handed back.
    const all = () =>
      Promise.allSettled([...this.#running.values()].map((r) => r.done));
    const finished = new AbortController();
    await Promise.race([all(), delay(graceMs, finished.signal)]);
    finished.abort();
    for (const { abort } of this.#running.values()) {
      abort.abort(new HandedBack("The instance is shutting down"));
    }
    await all();
  }

  async #run(jobId: string, abort: AbortController): Promise<void> {
    const { kv, leaseMs, reasoningFlushMs, feeds } = this.#options;
    const claimed = await claimJob(kv, jobId, { leaseMs });
    if (!claimed) return;
    const writer = new JobWriter(kv, claimed, { leaseMs, reasoningFlushMs });
    // A cancel must stop the work now, not at its next write.
    const subscription = feeds.subscribe(kv, jobId);
    this.#watchForLoss(subscription, claimed, abort);
    try {
      const max = this.#options.maxAttempts ?? MAX_ATTEMPTS;
      if (claimed.job.attempts > max) {
        // Its workers keep dying on it: whatever kills them would kill the next.
        console.error(
          `Job "${jobId}" gave up after ${claimed.job.attempts - 1} attempts`,
        );
        await this.#fail(writer, this.#options.gaveUpMessage);
        return;
      }
      await this.#options.work(writer, abort.signal);
    } catch (err) {
      const reason = abort.signal.reason;
      if (reason instanceof HandedBack) {
        await writer.handBack().catch((lost) => {
          if (!(lost instanceof JobLostError)) throw lost;
        });
        return;
      }
      if (err instanceof JobLostError || abort.signal.aborted) return;
      const { message, logged } = this.#options.describeFailure(err);
      if (logged) console.error(`Job "${jobId}" failed:`, err);
      await this.#fail(writer, message);
    } finally {
      writer.close();
      subscription.close();
      if (!abort.signal.aborted) abort.abort();
    }
  }

  #watchForLoss(
    subscription: ReturnType<JobFeeds["subscribe"]>,
    claimed: JobEntry,
    abort: AbortController,
  ) {
    const token = claimed.job.lease!.token;
    const jobId = claimed.job.id;
    (async () => {
      let version = -1;
      for (;;) {
        const change = await subscription.change(version);
        if (!change) return;
        version = change.version;
        // A feed already open (a stream was watching) may still hold the
        // head from before this claim: only what came after counts.
        if (
          change.head &&
          (change.versionstamp ?? "") < claimed.versionstamp
        ) continue;
        const head = change.head;
        if (!head || isTerminal(head.status) || head.lease !== token) {
          // The work's own final write lands here too; by then it is done,
          // so the abort changes nothing. The feed watches only the job's
          // head, so the reason carries no snapshot.
          if (!abort.signal.aborted) {
            abort.abort(new JobLostError(jobId, null));
          }
          return;
        }
      }
    })().catch(() => {});
  }

  /** Ends the job with an error that keeps whatever was finished. */
  async #fail(writer: JobWriter, error: string): Promise<void> {
    try {
      await writer.flush().catch(() => {});
      await writer.append({
        type: "error",
        data: { error, partial: { outfits: writer.job.outfits } },
      });
    } catch (lost) {
      if (!(lost instanceof JobLostError)) throw lost;
    }
  }
}

/**
 * The worker's pen for one claimed job. It serialises commits, renews the
 * lease with every write and, when the stylist goes quiet (a slow first
 * token, a retry's back-off), with a bare heartbeat commit, so a job is only
 * ever up for grabs when its worker has really stopped. It batches
 * reasoning deltas so a chatty model costs a commit every ~100 ms rather than
 * one per token, and notices when the job was taken away (cancelled, or
 * reclaimed after the lease lapsed) so the worker can stop.
 */
import type { NewJobEvent, TokenUsage } from "../schemas.ts";
import type { Job } from "./job.ts";
import { isTerminal } from "./job.ts";
import { appendEvents, getJob, type JobEntry } from "./store.ts";

/** Thrown when the job is no longer this writer's to write. */
export class JobLostError extends Error {
  override name = "JobLostError";
  constructor(jobId: string, readonly job: Job | null) {
    super(`Job "${jobId}" is no longer held by this worker`);
  }
}

export type JobWriterOptions = {
  leaseMs: number;
  /** How long reasoning deltas may wait to be written together. */
  reasoningFlushMs?: number;
};

export class JobWriter {
  #kv: Deno.Kv;
  #entry: JobEntry;
  #options: Required<JobWriterOptions>;
  #reasoning = "";
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #failure: unknown;
  #usage: TokenUsage | undefined;
  #lastCommit = Date.now();
  #heartbeat: ReturnType<typeof setInterval>;
  /** Closed: the job is not worked on here any more; no renewals. */
  #closed = false;

  constructor(kv: Deno.Kv, entry: JobEntry, options: JobWriterOptions) {
    this.#kv = kv;
    this.#entry = entry;
    this.#options = { reasoningFlushMs: 100, ...options };
    this.#usage = entry.job.usage;
    // Renewing at a third of the lease leaves two chances before it lapses.
    const every = Math.max(1, Math.floor(options.leaseMs / 3));
    this.#heartbeat = setInterval(() => {
      if (Date.now() - this.#lastCommit < every) return;
      // Checked again when its turn comes: a renewal queued behind a
      // hand-back would take the lease straight back.
      this.#enqueue(() =>
        this.#closed ? Promise.resolve() : this.#commit([], { renew: true })
      ).catch(() => {
        // Surfaced by the next append.
      });
    }, every);
  }

  /** Stops the heartbeat; the job is no longer being worked on here. */
  close(): void {
    this.#closed = true;
    clearInterval(this.#heartbeat);
    clearTimeout(this.#flushTimer);
  }

  /** The snapshot as of the last commit. */
  get job(): Job {
    return this.#entry.job;
  }

  /** Writes events in order (any batched reasoning goes first). */
  append(...events: NewJobEvent[]): Promise<void> {
    return this.#enqueue(() => this.#commit(events));
  }

  /** A progress event, skipped when it would tell the client nothing new. */
  progress(progress: number, message: string, current_outfit: number) {
    const job = this.job;
    if (
      progress <= job.progress && message === job.message &&
      current_outfit === job.current_outfit
    ) return Promise.resolve();
    return this.append({
      type: "progress",
      data: {
        progress: Math.max(progress, job.progress),
        message,
        current_outfit,
      },
    });
  }

  /** Adds a model request's token usage; saved with the next commit. */
  addUsage(usage: TokenUsage): void {
    const sum = this.#usage ??
      { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
    this.#usage = {
      prompt_tokens: sum.prompt_tokens + usage.prompt_tokens,
      completion_tokens: sum.completion_tokens + usage.completion_tokens,
      total_tokens: sum.total_tokens + usage.total_tokens,
    };
  }

  /** Buffers reasoning text; it is written within `reasoningFlushMs`. */
  reasoning(delta: string): void {
    this.#reasoning += delta;
    this.#flushTimer ??= setTimeout(() => {
      this.#flushTimer = undefined;
      this.#enqueue(() => this.#commit([])).catch(() => {
        // Surfaced by the next append or by close().
      });
    }, this.#options.reasoningFlushMs);
  }

  /**
   * Gives the job back for another worker to take at once: the lease is
   * released (it lapses now) and this attempt is not counted, in one commit
   * that also writes any buffered reasoning. Used when a shutdown cannot
   * wait for the job to finish.
   */
  async handBack(): Promise<void> {
    this.close();
    await this.#enqueue(() =>
      this.#commit([], {
        renew: true,
        patch: {
          lease: this.job.lease && { ...this.job.lease, until: 0 },
          attempts: Math.max(0, this.job.attempts - 1),
        },
      })
    );
  }

  /** Writes any buffered reasoning now. */
  async flush(): Promise<void> {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    await this.#enqueue(() => this.#commit([]));
  }

  #enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(() => {
      if (this.#failure) throw this.#failure;
      return task();
    });
    this.#queue = run.catch((err) => {
      this.#failure ??= err;
    });
    return run;
  }

  async #commit(
    events: NewJobEvent[],
    { renew = false, patch = {} }: {
      renew?: boolean;
      patch?: Partial<Pick<Job, "lease" | "attempts">>;
    } = {},
  ): Promise<void> {
    if (this.#reasoning) {
      events = [
        { type: "reasoning", data: { delta: this.#reasoning } },
        ...events,
      ];
      this.#reasoning = "";
    }
    if (events.length === 0 && !renew) return;
    if (isTerminal(this.job.status)) {
      throw new JobLostError(this.job.id, this.job);
    }
    const lease = this.job.lease &&
      { ...this.job.lease, until: Date.now() + this.#options.leaseMs };
    for (;;) {
      const next = await appendEvents(this.#kv, this.#entry, events, {
        lease,
        usage: this.#usage,
        ...patch,
      });
      if (next) {
        this.#entry = next;
        this.#lastCommit = Date.now();
        return;
      }
      // Someone else wrote the job. Carry on only if it is still ours.
      const fresh = await getJob(this.#kv, this.job.id);
      if (
        !fresh || isTerminal(fresh.job.status) ||
        fresh.job.lease?.token !== this.job.lease?.token
      ) throw new JobLostError(this.job.id, fresh?.job ?? null);
      this.#entry = fresh;
    }
  }
}

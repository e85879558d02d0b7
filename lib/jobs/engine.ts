/**
 * Where jobs run, behind one small interface: in this thread (`JOB_THREADS=0`,
 * tests on `:memory:`, platforms without Workers), or in Worker threads
 * (lib/jobs/threads.ts), so the thread that serves HTTP and the streams is
 * never the one that styles. Either way a job is taken from the KV queue if
 * there is one, started right after its creating commit if there is not,
 * and found by the sweep if both of those missed it.
 */
import { listenForJobs } from "./queue.ts";
import { JobRunner, type RunnerOptions } from "./runner.ts";
import { type JobSweeper, startJobSweeper } from "./sweeper.ts";

export interface JobEngine {
  /**
   * Starts a job that was committed without a queue message (no queue on
   * this platform); the claim keeps it to one runner.
   */
  dispatch(jobId: string): void;
  /**
   * Stops taking jobs, lets running ones finish for up to `graceMs`, hands
   * back the rest. Resolves when nothing runs any more.
   */
  drain(graceMs: number): Promise<void>;
  /**
   * Sweeps now (a cron's tick), on top of the regular interval; resolves
   * when that sweep is done (in a job thread: once it is asked for).
   */
  sweep(): Promise<void>;
}

export type InProcessOptions = RunnerOptions & {
  /** Whether to take jobs from the KV queue (false: dispatch and sweep). */
  useQueue: boolean;
  /** Whether this runner also sweeps (one sweeper per process is enough). */
  sweep: boolean;
  sweepIntervalMs: number;
};

/**
 * How long a queued job is left to the queue before the sweep runs it: the
 * queue delivers in ~50 ms, so a job still queued after this was missed.
 * Without a queue the sweep takes every job it finds.
 */
const QUEUE_GRACE_MS = 5_000;

export class InProcessEngine implements JobEngine {
  readonly runner: JobRunner;
  readonly sweeper: JobSweeper | null;
  #listening: Promise<void> | null = null;

  constructor(options: InProcessOptions) {
    this.runner = new JobRunner(options);
    if (options.useQueue) {
      this.#listening = listenForJobs(options.kv, this.runner).catch((err) => {
        // The store closing ends the listener: nothing to report then.
        if (!this.runner.closed) console.error("Queue listener failed:", err);
      });
    }
    this.sweeper = options.sweep
      ? startJobSweeper({
        kv: options.kv,
        runner: this.runner,
        intervalMs: options.sweepIntervalMs,
        queuedGraceMs: options.useQueue ? QUEUE_GRACE_MS : 0,
      })
      : null;
  }

  dispatch(jobId: string): void {
    this.runner.run(jobId).catch((err) =>
      console.error(`Job "${jobId}" failed to start:`, err)
    );
  }

  sweep(): Promise<void> {
    return this.sweeper?.sweep() ?? Promise.resolve();
  }

  async drain(graceMs: number): Promise<void> {
    await this.sweeper?.stop();
    await this.runner.drain(graceMs);
  }
}

/**
 * One `kv.watch` per job per thread, shared by everything in the thread that
 * follows the job: every SSE stream of it (ten tabs cost one watch and one
 * `list` of new events per commit, not ten of each), and the runner that
 * must hear at once when the job is cancelled or taken over.
 *
 * The feed keeps the job's latest snapshot and, while some subscriber wants
 * them, its events in memory; each subscriber takes from that copy what it
 * has not seen yet. The last subscriber to leave closes the watch.
 */
import { keys } from "../kv.ts";
import { isTerminal, type Job } from "./job.ts";
import { listEvents } from "./store.ts";
import type { JobEvent } from "../schemas.ts";

/** What a stream sees: the log so far, and whether more can come. */
export type FeedState = {
  events: readonly JobEvent[];
  /** The job ended (or vanished): once these events are sent, stop. */
  ended: boolean;
};

/**
 * What a runner sees: the snapshot after a change (null once it is gone),
 * and its versionstamp, to tell a snapshot older than its own claim.
 */
export type FeedChange = {
  job: Job | null;
  versionstamp: string | null;
  version: number;
};

class JobFeed {
  #events: JobEvent[] = [];
  /** Whether `#events` holds the log from its start (someone reads it). */
  #eventsLoaded = false;
  /** The catch-up under way, if any (see #catchUp). */
  #catching: Promise<void> = Promise.resolve();
  #job: Job | null = null;
  #versionstamp: string | null = null;
  #ended = false;
  /** The watch broke: the log may be incomplete, so nobody new joins. */
  failed = false;
  #version = 0;
  #pulse = Promise.withResolvers<void>();
  #reader: ReadableStreamDefaultReader<[Deno.KvEntryMaybe<Job>]>;
  subscribers = 0;

  constructor(
    readonly kv: Deno.Kv,
    readonly jobId: string,
    counter: { openWatches: number },
  ) {
    this.#reader = kv.watch<[Job]>([keys.job(jobId)]).getReader();
    counter.openWatches++;
    this.#follow()
      .catch((err) => {
        this.failed = true;
        console.error(`Feed of job "${jobId}" failed:`, err);
      })
      .finally(() => {
        counter.openWatches--;
        this.#end();
      });
  }

  get state(): FeedState {
    return { events: this.#events, ended: this.#ended };
  }

  get change(): FeedChange {
    return {
      job: this.#job,
      versionstamp: this.#versionstamp,
      version: this.#version,
    };
  }

  get version(): number {
    return this.#version;
  }

  /** Resolves at the next change after `version` (at once if there was one). */
  changedSince(version: number): Promise<void> {
    return version === this.#version ? this.#pulse.promise : Promise.resolve();
  }

  /** A stream joined: from now on the events are read, from the start. */
  async wantEvents(): Promise<void> {
    if (this.#eventsLoaded) return;
    this.#eventsLoaded = true;
    await this.#catchUp(this.#job?.seq ?? Infinity);
  }

  close(): void {
    this.#reader.cancel().catch(() => {});
  }

  /**
   * Reads the events up to `seq` that the feed does not hold yet. One list
   * at a time: a stream joining while the watch wakes (the first stream of
   * a job, a reconnect) waits for the list under way, then finds nothing
   * left to read, instead of listing the log a second time.
   */
  #catchUp(seq: number): Promise<void> {
    const run = this.#catching.catch(() => {}).then(async () => {
      const last = this.#events.at(-1)?.seq ?? 0;
      if (seq <= last) return;
      this.#events.push(...await listEvents(this.kv, this.jobId, last));
    });
    this.#catching = run;
    return run;
  }

  async #follow() {
    for (;;) {
      const { done, value } = await this.#reader.read();
      if (done) return;
      const job = value[0].value;
      this.#job = job;
      this.#versionstamp = value[0].versionstamp;
      if (!job) return; // expired or deleted while watched
      if (this.#eventsLoaded) await this.#catchUp(job.seq);
      if (isTerminal(job.status)) {
        this.#ended = true;
        this.#notify();
        return;
      }
      this.#notify();
    }
  }

  #end() {
    this.#ended = true;
    this.#notify();
    this.#reader.cancel().catch(() => {});
  }

  #notify() {
    this.#version++;
    this.#pulse.resolve();
    this.#pulse = Promise.withResolvers<void>();
  }
}

/** A subscriber's handle on a job's feed. */
export type Subscription = {
  /**
   * Waits for events after `afterSeq` or the end of the job; resolves with
   * the feed's state, or null once the subscription is closed.
   */
  next(afterSeq: number): Promise<FeedState | null>;
  /**
   * Waits for a change of the job after `afterVersion` (the first call, with
   * -1, resolves once the watch has read the job); null once closed.
   */
  change(afterVersion: number): Promise<FeedChange | null>;
  close(): void;
};

/** The thread's feeds, keyed by job id (a thread serves one KV store). */
export class JobFeeds {
  #feeds = new Map<string, JobFeed>();
  /** Live count of open watches (one per watched job), for tests and monitoring. */
  openWatches = 0;
  /** Every open stream's subscription, so a shutdown can end them all. */
  #streams = new Set<() => void>();
  /** A shutdown began: streams that join now end at once. */
  #streamsClosed = false;

  /**
   * Follows a job. `events: false` is for a runner, which needs only the
   * snapshot: the feed then reads no events for it.
   */
  subscribe(
    kv: Deno.Kv,
    jobId: string,
    { events = true }: { events?: boolean } = {},
  ): Subscription {
    // A stream that arrives during a shutdown (its request was already in
    // the handler) ends at once, or it would hold the server open.
    if (events && this.#streamsClosed) return CLOSED;
    let feed = this.#feeds.get(jobId);
    if (!feed || feed.failed) {
      feed = new JobFeed(kv, jobId, this);
      this.#feeds.set(jobId, feed);
    }
    feed.subscribers++;
    const closed = Promise.withResolvers<null>();
    let open = true;
    const active = feed;
    const loaded = events ? active.wantEvents() : Promise.resolve();
    const close = () => {
      if (!open) return;
      open = false;
      this.#streams.delete(close);
      closed.resolve(null);
      if (--active.subscribers === 0) {
        if (this.#feeds.get(jobId) === active) this.#feeds.delete(jobId);
        active.close();
      }
    };
    if (events) this.#streams.add(close);
    return {
      next: async (afterSeq) => {
        await loaded;
        while (open) {
          const version = active.version;
          const state = active.state;
          const fresh = (state.events.at(-1)?.seq ?? 0) > afterSeq;
          if (fresh || state.ended) return state;
          await Promise.race([active.changedSince(version), closed.promise]);
        }
        return null;
      },
      change: async (afterVersion) => {
        while (open) {
          const now = active.change;
          if (now.version > Math.max(0, afterVersion)) return now;
          await Promise.race([
            active.changedSince(now.version),
            closed.promise,
          ]);
        }
        return null;
      },
      close,
    };
  }

  /**
   * Ends every stream, now and from now on (a shutdown): clients reconnect
   * elsewhere or after the restart. Runners keep their watch, so a cancel
   * during the drain still stops a job at once.
   */
  closeStreams(): void {
    this.#streamsClosed = true;
    for (const close of [...this.#streams]) close();
  }
}

/** What a stream gets once streams are closed: nothing, and the end. */
const CLOSED: Subscription = {
  next: () => Promise.resolve(null),
  change: () => Promise.resolve(null),
  close: () => {},
};

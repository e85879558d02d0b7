/**
 * One `kv.watch` per job per process, shared by every stream of that job.
 *
 * A job watched by ten tabs (or a shopper's phone and laptop) costs one
 * watch and one `list` of new events per commit, not ten of each: the feed
 * keeps the job's events in memory while anyone is subscribed, and each
 * subscriber sends from that copy whatever it has not sent yet. The last
 * subscriber to leave closes the watch and drops the copy.
 */
import { keys } from "../kv.ts";
import { isTerminal, type Job } from "./job.ts";
import { listEvents } from "./store.ts";
import type { JobEvent } from "../schemas.ts";

/** What a subscriber sees: the log so far, and whether more can come. */
export type FeedState = {
  events: readonly JobEvent[];
  /** The job ended (or vanished): once these events are sent, stop. */
  ended: boolean;
};

class JobFeed {
  #events: JobEvent[] = [];
  #ended = false;
  /** The watch broke: the log may be incomplete, so nobody new joins. */
  failed = false;
  #version = 0;
  #pulse = Promise.withResolvers<void>();
  #reader: ReadableStreamDefaultReader<[Deno.KvEntryMaybe<Job>]>;
  subscribers = 0;

  constructor(kv: Deno.Kv, jobId: string, counter: { openWatches: number }) {
    this.#reader = kv.watch<[Job]>([keys.job(jobId)]).getReader();
    counter.openWatches++;
    this.#follow(kv, jobId)
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

  get version(): number {
    return this.#version;
  }

  /** Resolves at the next change after `version` (at once if there was one). */
  changedSince(version: number): Promise<void> {
    return version === this.#version ? this.#pulse.promise : Promise.resolve();
  }

  close(): void {
    this.#reader.cancel().catch(() => {});
  }

  async #follow(kv: Deno.Kv, jobId: string) {
    for (;;) {
      const { done, value } = await this.#reader.read();
      if (done) return;
      const job = value[0].value;
      if (!job) return; // expired or deleted while watched
      const seq = this.#events.at(-1)?.seq ?? 0;
      if (job.seq > seq) this.#events.push(...await listEvents(kv, jobId, seq));
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
  close(): void;
};

/** The app's feeds, keyed by job id (an app serves one KV store). */
export class JobFeeds {
  #feeds = new Map<string, JobFeed>();
  /** Live count of open watches (one per watched job), for tests and monitoring. */
  openWatches = 0;

  subscribe(kv: Deno.Kv, jobId: string): Subscription {
    let feed = this.#feeds.get(jobId);
    if (!feed || feed.failed) {
      feed = new JobFeed(kv, jobId, this);
      this.#feeds.set(jobId, feed);
    }
    feed.subscribers++;
    const closed = Promise.withResolvers<null>();
    let open = true;
    const active = feed;
    return {
      next: async (afterSeq) => {
        while (open) {
          const version = active.version;
          const state = active.state;
          const fresh = (state.events.at(-1)?.seq ?? 0) > afterSeq;
          if (fresh || state.ended) return state;
          await Promise.race([active.changedSince(version), closed.promise]);
        }
        return null;
      },
      close: () => {
        if (!open) return;
        open = false;
        closed.resolve(null);
        if (--active.subscribers === 0) {
          this.#feeds.delete(jobId);
          active.close();
        }
      },
    };
  }
}

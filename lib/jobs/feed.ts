/**
 * One `kv.watch` per job per thread, shared by everything in the thread that
 * follows the job: every SSE stream of it (ten tabs cost one watch and one
 * `list` of new events per commit, not ten of each), and the runner that
 * must hear at once when the job is cancelled or taken over.
 *
 * The feed keeps the job's latest snapshot and, while some stream follows
 * it, its events in memory. On each change it hands every stream what that
 * stream has not had yet, at once and in one chunk, encoded once for all the
 * streams at the same point (`sse.ts`): a stream is a sink the feed pushes
 * to, not a loop of its own that wakes, waits and re-encodes per commit. The
 * last subscriber to leave closes the watch.
 */
import { keys } from "../kv.ts";
import { headOf, isTerminal, type JobHead } from "./job.ts";
import { getJob, listEvents } from "./store.ts";
import type { JobEvent } from "../schemas.ts";
import { FrameLog } from "./sse.ts";

/** A stream, as the feed sees it (see `JobFeeds.follow`). */
export type StreamSink = {
  /** The sequence number of the last event it has (the resume point). */
  lastSent: number;
  /** Sends the frames of the events after `lastSent` (a shared buffer). */
  send(chunk: Uint8Array): void;
  /**
   * Nothing more comes: the job ended or vanished, the watch broke or the
   * server is shutting down. Called once, after the last `send`.
   */
  end(): void;
};

/**
 * What a runner sees: the job's head after a change (null once it is gone),
 * and its versionstamp, to tell a head older than its own claim.
 */
export type FeedChange = {
  head: JobHead | null;
  versionstamp: string | null;
  version: number;
};

class JobFeed {
  #events: JobEvent[] = [];
  #frames = new FrameLog();
  #sinks = new Set<StreamSink>();
  /** Streams waiting for the log to be read before their first send. */
  #joining = new Set<StreamSink>();
  /** Whether `#events` holds the log from its start (someone reads it). */
  #eventsLoaded = false;
  /** The catch-up under way, if any (see #catchUp). */
  #catching: Promise<void> = Promise.resolve();
  #head: JobHead | null = null;
  #versionstamp: string | null = null;
  #ended = false;
  /** The watch broke: the log may be incomplete, so nobody new joins. */
  failed = false;
  #version = 0;
  #pulse = Promise.withResolvers<void>();
  /** The shopper whose job it is, once a stream of theirs has joined. */
  owner: string | null = null;
  #reader: ReadableStreamDefaultReader<[Deno.KvEntryMaybe<JobHead>]>;
  subscribers = 0;

  constructor(
    readonly kv: Deno.Kv,
    readonly jobId: string,
    counter: { openWatches: number },
  ) {
    // The head, not the snapshot: each commit wakes every watch of the job,
    // in the server thread and the job thread, and the snapshot is ~40
    // times the head's size to decode (the largest allocation per commit
    // at 1,000 streams, issue #23).
    this.#reader = kv.watch<[JobHead]>([keys.jobHead(jobId)]).getReader();
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

  /** The watch has read the job, and it has not ended. */
  get running(): boolean {
    return !this.failed && !this.#ended && this.#head !== null &&
      !isTerminal(this.#head.status);
  }

  get change(): FeedChange {
    return {
      head: this.#head,
      versionstamp: this.#versionstamp,
      version: this.#version,
    };
  }

  /** Resolves at the next change after `version` (at once if there was one). */
  changedSince(version: number): Promise<void> {
    return version === this.#version ? this.#pulse.promise : Promise.resolve();
  }

  /**
   * A stream joined: from now on the events are read, from the start.
   * Resolves once the log is read up to the snapshot last seen, for this
   * stream or the one whose read is under way.
   */
  #wantEvents(): Promise<void> {
    if (this.#eventsLoaded) return this.#catching;
    this.#eventsLoaded = true;
    return this.#catchUp(this.#head?.seq ?? Infinity);
  }

  close(): void {
    this.#reader.cancel().catch(() => {});
  }

  /**
   * A stream joins: once the log is read it gets what it lacks, then
   * everything new as it comes.
   */
  async addSink(sink: StreamSink): Promise<void> {
    this.#joining.add(sink);
    try {
      await this.#wantEvents();
    } catch (err) {
      if (!this.#joining.delete(sink)) return;
      console.error(`Stream of job "${this.jobId}" failed:`, err);
      sink.end();
      return;
    }
    // It left while the log was read.
    if (!this.#joining.delete(sink)) return;
    this.#sinks.add(sink);
    this.#deliverTo(sink);
  }

  /** The stream left (or was ended): nothing more is sent to it. */
  removeSink(sink: StreamSink): void {
    this.#joining.delete(sink);
    this.#sinks.delete(sink);
  }

  /** Every stream gets what is new; once the job has ended, they end. */
  #deliver(): void {
    for (const sink of this.#sinks) this.#deliverTo(sink);
  }

  #deliverTo(sink: StreamSink): void {
    try {
      // The feed holds the log from its start and sequence numbers run
      // 1, 2, 3… without a gap, so what is new starts at index lastSent.
      const chunk = this.#frames.chunkFrom(this.#events, sink.lastSent);
      if (chunk) {
        sink.lastSent = this.#events.length;
        sink.send(chunk);
      }
    } catch (err) {
      // One stream that cannot take its frames must not stop the others.
      console.error(`Stream of job "${this.jobId}" failed:`, err);
      this.#sinks.delete(sink);
      sink.end();
      return;
    }
    if (this.#ended) {
      this.#sinks.delete(sink);
      sink.end();
    }
  }

  /**
   * Reads the events up to `seq` that the feed does not hold yet. One list
   * at a time: a stream joining while the watch wakes (the first stream of
   * a job, a reconnect) waits for the list under way, then finds nothing
   * left to read, instead of listing the log a second time.
   */
  #catchUp(seq: number, carried: readonly JobEvent[] = []): Promise<void> {
    const run = this.#catching.catch(() => {}).then(async () => {
      const last = this.#events.at(-1)?.seq ?? 0;
      if (seq <= last) return;
      if (carried[0]?.seq === last + 1 && carried.at(-1)!.seq === seq) {
        this.#events.push(...carried);
        return;
      }
      this.#events.push(...await readEvents(this.kv, this.jobId, last, seq));
    });
    this.#catching = run;
    return run;
  }

  async #follow() {
    for (;;) {
      const { done, value } = await this.#reader.read();
      if (done) return;
      let head = value[0].value;
      let versionstamp = value[0].versionstamp;
      if (!head) {
        // No head: a job written before heads were (its next commit writes
        // one and wakes this watch), or one that is gone. The snapshot says.
        const entry = await getJob(this.kv, this.jobId);
        head = entry && headOf(entry.job);
        versionstamp = entry?.versionstamp ?? null;
      }
      this.#head = head;
      this.#versionstamp = versionstamp;
      if (!head) return; // expired or deleted while watched
      if (this.#eventsLoaded) await this.#catchUp(head.seq, head.events);
      if (isTerminal(head.status)) {
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
    this.#deliver();
    this.#version++;
    this.#pulse.resolve();
    this.#pulse = Promise.withResolvers<void>();
  }
}

/** Keys one `getMany` may read. */
const GET_MANY_MAX = 10;

/**
 * The events after `after`: at least up to `seq`, and, as a `list` would,
 * any committed since. A commit adds one event or a few, and their keys
 * are known: a `getMany` of the next ten spares the server thread a ranged
 * `list` (its iterator, stream and cursor) per commit per job, the largest
 * allocation of its own left at 1,000 streams. Reading past `seq` keeps
 * what a wake-up brings as large as before: events committed while the
 * watch woke go out in the same chunk, not one wake-up later. Ten found,
 * or one up to `seq` missing, and the log is listed instead.
 */
export async function readEvents(
  kv: Deno.Kv,
  jobId: string,
  after: number,
  seq: number,
): Promise<JobEvent[]> {
  if (seq - after > GET_MANY_MAX) return await listEvents(kv, jobId, after);
  const wanted = Array.from(
    { length: GET_MANY_MAX },
    (_, i) => keys.jobEvent(jobId, after + 1 + i),
  );
  const entries = await kv.getMany<JobEvent[]>(wanted);
  const found = entries.findIndex((entry) => entry.value === null);
  if (found === -1 || found < seq - after) {
    return await listEvents(kv, jobId, after);
  }
  return entries.slice(0, found).map((entry) => entry.value!);
}

/** A runner's handle on a job's feed. */
export type Subscription = {
  /**
   * Waits for a change of the job after `afterVersion` (the first call, with
   * -1, resolves once the watch has read the job); null once closed.
   */
  change(afterVersion: number): Promise<FeedChange | null>;
  close(): void;
};

/**
 * What a stream needs to know of a job before it joins: whose it is, and
 * where its log ends if it has ended (a client already past that end is
 * told there is nothing more).
 */
export type StreamedJob = { owner: string; endedAt: number | null };

/** The thread's feeds, keyed by job id (a thread serves one KV store). */
export class JobFeeds {
  #feeds = new Map<string, JobFeed>();
  /** Live count of open watches (one per watched job), for tests and monitoring. */
  openWatches = 0;
  /** Every open stream's way to end, so a shutdown can end them all. */
  #streams = new Set<() => void>();
  /** A shutdown began: streams that join now end at once. */
  #streamsClosed = false;
  /** Reads of a job under way for `streamedJob`, shared by those asking. */
  #reads = new Map<string, Promise<StreamedJob | null>>();

  /**
   * Follows a job for a runner, which needs only the snapshot: the feed
   * reads no events for it.
   */
  subscribe(kv: Deno.Kv, jobId: string): Subscription {
    const { feed, release } = this.#acquire(kv, jobId);
    const closed = Promise.withResolvers<null>();
    let open = true;
    return {
      change: async (afterVersion) => {
        while (open) {
          const now = feed.change;
          if (now.version > Math.max(0, afterVersion)) return now;
          await Promise.race([feed.changedSince(now.version), closed.promise]);
        }
        return null;
      },
      close: () => {
        if (!open) return;
        open = false;
        closed.resolve(null);
        release();
      },
    };
  }

  /**
   * Follows a job for a stream: `sink` gets the events after `after` (its
   * resume point), then each new one, until it is ended. Returns the function
   * that lets go (the client left); after `end` it does nothing.
   */
  follow(
    kv: Deno.Kv,
    jobId: string,
    sink:
      & {
        after: number;
        /** Whose job it is, as the caller checked (see `streamedJob`). */
        owner: string;
      }
      & Pick<StreamSink, "send" | "end">,
  ): () => void {
    // A stream that arrives during a shutdown (its request was already in
    // the handler) ends at once, or it would hold the server open.
    if (this.#streamsClosed) {
      sink.end();
      return () => {};
    }
    const { feed, release } = this.#acquire(kv, jobId);
    feed.owner ??= sink.owner;
    let open = true;
    const close = () => {
      if (!open) return;
      open = false;
      this.#streams.delete(end);
      feed.removeSink(watched);
      release();
    };
    const end = () => {
      close();
      sink.end();
    };
    // The feed ends the stream through this, which lets go of the feed too.
    const watched: StreamSink = { lastSent: sink.after, send: sink.send, end };
    this.#streams.add(end);
    feed.addSink(watched);
    return close;
  }

  /**
   * The job as a stream needs it (null if there is none). A thousand tabs
   * reconnecting after a deploy would read it a thousand times, each read
   * queued behind the others in the store while events wait to go out, so:
   * while streams here follow it and it runs, the feed already knows, and
   * tabs that ask at once (a shopper's, all reconnecting) share one read.
   */
  streamedJob(kv: Deno.Kv, jobId: string): Promise<StreamedJob | null> {
    const feed = this.#feeds.get(jobId);
    if (feed?.running && feed.owner !== null) {
      return Promise.resolve({ owner: feed.owner, endedAt: null });
    }
    let read = this.#reads.get(jobId);
    if (!read) {
      read = getJob(kv, jobId).then((entry) =>
        entry && {
          owner: entry.job.user_id,
          endedAt: isTerminal(entry.job.status) ? entry.job.seq : null,
        }
      ).finally(() => this.#reads.delete(jobId));
      this.#reads.set(jobId, read);
    }
    return read;
  }

  /**
   * Ends every stream, now and from now on (a shutdown): clients reconnect
   * elsewhere or after the restart. Runners keep their watch, so a cancel
   * during the drain still stops a job at once.
   */
  closeStreams(): void {
    this.#streamsClosed = true;
    for (const end of [...this.#streams]) end();
  }

  /** The job's feed, one more subscriber on it, and the way to leave. */
  #acquire(kv: Deno.Kv, jobId: string) {
    let feed = this.#feeds.get(jobId);
    if (!feed || feed.failed) {
      feed = new JobFeed(kv, jobId, this);
      this.#feeds.set(jobId, feed);
    }
    feed.subscribers++;
    const active = feed;
    let left = false;
    const release = () => {
      if (left) return;
      left = true;
      if (--active.subscribers === 0) {
        if (this.#feeds.get(jobId) === active) this.#feeds.delete(jobId);
        active.close();
      }
    };
    return { feed: active, release };
  }
}

/**
 * A job's event log as Server-Sent Events, pushed by `kv.watch`.
 *
 * The watch is on the job's snapshot key: every commit that appends events
 * also rewrites the snapshot, so each wake-up lists the events after the last
 * ones seen. Streams of the same job share that watch and that list through
 * the job's feed (`jobs/feed.ts`). The SSE `id:` is the event's sequence
 * number, which is what makes `Last-Event-ID` resume exact: no gap, no
 * duplicate.
 */
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import type { JobFeeds } from "./jobs/feed.ts";

/** Tells EventSource how long to wait before reconnecting. */
export const RETRY_MS = 2_000;
export const HEARTBEAT_MS = 15_000;

export type JobStreamOptions = {
  kv: Deno.Kv;
  jobId: string;
  /** Send only events after this sequence number. */
  lastEventId: number;
  feeds: JobFeeds;
  heartbeatMs?: number;
};

/**
 * The resume point a client asked for: `Last-Event-ID` (set by EventSource on
 * reconnect) wins over `?lastEventId=`; none means from the start. Returns
 * null for a value that is not a sequence number.
 */
export function resumePoint(
  header: string | undefined,
  query: string | undefined,
): number | null {
  const raw = header ?? query;
  if (raw === undefined || raw === "") return 0;
  return /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

export function streamJobEvents(
  c: Context,
  options: JobStreamOptions,
): Response {
  const { kv, jobId, feeds, heartbeatMs = HEARTBEAT_MS } = options;
  c.header("X-Accel-Buffering", "no");
  return streamSSE(c, async (stream) => {
    let lastSent = options.lastEventId;
    const feed = feeds.subscribe(kv, jobId);
    // The client may leave while nothing is happening: let go of the feed
    // at once, so idle streams do not keep watches open.
    stream.onAbort(() => feed.close());
    const heartbeat = setInterval(() => {
      stream.write(": heartbeat\n\n");
    }, heartbeatMs);
    try {
      await stream.write(`retry: ${RETRY_MS}\n\n`);
      for (;;) {
        const state = await feed.next(lastSent);
        if (!state || stream.aborted) return;
        for (const event of state.events) {
          if (event.seq <= lastSent) continue;
          await stream.writeSSE({
            id: String(event.seq),
            event: event.type,
            data: JSON.stringify(event.data),
          });
          lastSent = event.seq;
        }
        if (state.ended) return;
      }
    } finally {
      clearInterval(heartbeat);
      feed.close();
    }
  });
}

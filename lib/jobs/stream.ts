/**
 * A job's event log as Server-Sent Events, pushed by `kv.watch`.
 *
 * The watch is on the job's head key (its last sequence number, status and
 * claim): every commit that appends events also rewrites the head, so each
 * wake-up lists the events after the last ones seen. Streams of the same job share that watch, that list and the
 * encoded frames through the job's feed (`feed.ts`), which pushes each
 * stream what it lacks. The SSE `id:` is the event's sequence number, which
 * is what makes `Last-Event-ID` resume exact: no gap, no duplicate.
 */
import type { Context } from "hono";
import type { JobFeeds } from "./feed.ts";
import { HEARTBEAT_FRAME, RETRY_FRAME } from "./sse.ts";

export { RETRY_MS } from "./sse.ts";
export const HEARTBEAT_MS = 15_000;

export type JobStreamOptions = {
  kv: Deno.Kv;
  jobId: string;
  /** The shopper whose job it is (the caller has checked). */
  owner: string;
  /** Send only events after this sequence number. */
  lastEventId: number;
  feeds: JobFeeds;
  heartbeatMs?: number;
  /** Called once the stream ends, whichever side ended it. */
  onClose?: () => void;
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

/**
 * The response: a plain `ReadableStream` the feed pushes frames into. Not
 * hono's `streamSSE`, whose three chained streams per response cost a
 * thousand open tabs ~20 MB more and a copy per write. No backpressure is
 * needed: a job's log is small and finite, so a slow reader's queue is at
 * most that log.
 */
export function streamJobEvents(
  c: Context,
  options: JobStreamOptions,
): Response {
  const { kv, jobId, feeds, heartbeatMs = HEARTBEAT_MS } = options;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let unfollow: (() => void) | undefined;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearInterval(heartbeat);
    unfollow?.();
    options.onClose?.();
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(RETRY_FRAME);
      heartbeat = setInterval(
        () => controller.enqueue(HEARTBEAT_FRAME),
        heartbeatMs,
      );
      unfollow = feeds.follow(kv, jobId, {
        after: options.lastEventId,
        owner: options.owner,
        send: (chunk) => controller.enqueue(chunk),
        // The job ended, or the server is shutting down: the client
        // reconnects or is done.
        end: () => {
          stop();
          try {
            controller.close();
          } catch {
            // Already cancelled by the client.
          }
        },
      });
      // Ended before `follow` returned (a shutdown under way).
      if (stopped) unfollow();
    },
    // The client left: let go of the feed at once, so idle streams do not
    // keep watches open.
    cancel: stop,
  });
  c.header("Content-Type", "text/event-stream");
  c.header("Cache-Control", "no-cache");
  c.header("X-Accel-Buffering", "no");
  return c.body(body);
}

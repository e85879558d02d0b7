/**
 * A job's event log as Server-Sent Events, pushed by `kv.watch`.
 *
 * The watch is on the job's snapshot key: every commit that appends events
 * also rewrites the snapshot, so each wake-up lists the events after the last
 * ones seen. Streams of the same job share that watch and that list through
 * the job's feed (`feed.ts`). The SSE `id:` is the event's sequence
 * number, which is what makes `Last-Event-ID` resume exact: no gap, no
 * duplicate.
 */
import type { Context } from "hono";
import type { JobEvent } from "../schemas.ts";
import type { JobFeeds } from "./feed.ts";

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
  const feed = feeds.subscribe(kv, jobId);
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    clearInterval(heartbeat);
    feed.close();
    options.onClose?.();
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      send(`retry: ${RETRY_MS}\n\n`);
      heartbeat = setInterval(() => send(": heartbeat\n\n"), heartbeatMs);
      (async () => {
        let lastSent = options.lastEventId;
        for (;;) {
          // Null once the client left or the server is shutting down.
          const state = await feed.next(lastSent);
          if (!state) return;
          // Everything new in one chunk: one write per wake-up, not per event.
          // The feed holds the log from its start and sequence numbers run
          // 1, 2, 3… without a gap, so what is new starts at index lastSent.
          const { events } = state;
          let frames = "";
          for (let i = lastSent; i < events.length; i++) {
            frames += frameOf(events[i]);
          }
          lastSent = Math.max(lastSent, events.length);
          if (frames) send(frames);
          if (state.ended) return;
        }
      })()
        .catch((err) => console.error(`Stream of job "${jobId}" failed:`, err))
        .finally(() => {
          stop();
          try {
            controller.close(); // the client reconnects or is done
          } catch {
            // Already cancelled by the client.
          }
        });
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

const encoder = new TextEncoder();

/**
 * Each event's SSE frame, made once however many streams of the job send it
 * (the feed hands every stream the same event objects, so ten tabs cost one
 * `JSON.stringify`). The format is hono's `writeSSE`: the JSON has no line
 * breaks, so its data is one line.
 */
const frames = new WeakMap<JobEvent, string>();

function frameOf(event: JobEvent): string {
  let frame = frames.get(event);
  if (frame === undefined) {
    frame = `event: ${event.type}\ndata: ${
      JSON.stringify(event.data)
    }\nid: ${event.seq}\n\n`;
    frames.set(event, frame);
  }
  return frame;
}

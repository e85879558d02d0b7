/**
 * A job's event log as Server-Sent Events, pushed by `kv.watch`.
 *
 * One watch per stream, on the job's snapshot key: every commit that appends
 * events also rewrites the snapshot, so each wake-up lists the events after
 * the last one sent. The SSE `id:` is the event's sequence number, which is
 * what makes `Last-Event-ID` resume exact: no gap, no duplicate.
 */
import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { keys } from "./kv.ts";
import { isTerminal, type Job } from "./jobs/job.ts";
import { listEvents } from "./jobs/store.ts";

/** Tells EventSource how long to wait before reconnecting. */
export const RETRY_MS = 2_000;
export const HEARTBEAT_MS = 15_000;

/** Live count of open watches, for tests and monitoring. */
export class StreamStats {
  openWatches = 0;
}

export type JobStreamOptions = {
  kv: Deno.Kv;
  jobId: string;
  /** Send only events after this sequence number. */
  lastEventId: number;
  stats: StreamStats;
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
  const { kv, jobId, stats, heartbeatMs = HEARTBEAT_MS } = options;
  c.header("X-Accel-Buffering", "no");
  return streamSSE(c, async (stream) => {
    let lastSent = options.lastEventId;
    const watch = kv.watch<[Job]>([keys.job(jobId)]).getReader();
    stats.openWatches++;
    // The watch only notices a vanished client at the next write; cancel it
    // as soon as the request is gone so idle streams do not pile up.
    const stop = () => watch.cancel().catch(() => {});
    stream.onAbort(stop);
    const heartbeat = setInterval(() => {
      stream.write(": heartbeat\n\n");
    }, heartbeatMs);
    try {
      await stream.write(`retry: ${RETRY_MS}\n\n`);
      for (;;) {
        const { done, value } = await watch.read();
        if (done || stream.aborted) return;
        const job = value[0].value;
        if (!job) return; // expired or deleted while watched
        if (job.seq > lastSent) {
          for (const event of await listEvents(kv, jobId, lastSent)) {
            await stream.writeSSE({
              id: String(event.seq),
              event: event.type,
              data: JSON.stringify(event.data),
            });
            lastSent = event.seq;
          }
        }
        if (isTerminal(job.status) && lastSent >= job.seq) return;
      }
    } finally {
      clearInterval(heartbeat);
      await stop();
      stats.openWatches--;
    }
  });
}

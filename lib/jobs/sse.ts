/**
 * The bytes of a job's event stream. Each event's frame is made once, and
 * what a wake-up brings is encoded once for every stream at the same point
 * of the log: the streams of one job share one buffer (Deno's HTTP server
 * copies what it writes and leaves the chunk as it was).
 */
import type { JobEvent } from "../schemas.ts";

const encoder = new TextEncoder();

/** Tells EventSource how long to wait before reconnecting. */
export const RETRY_MS = 2_000;
export const RETRY_FRAME = encoder.encode(`retry: ${RETRY_MS}\n\n`);
export const HEARTBEAT_FRAME = encoder.encode(": heartbeat\n\n");

/**
 * An event's frame, in hono's `writeSSE` format: the JSON has no line
 * breaks, so its data is one line. The SSE `id:` is the sequence number,
 * which is what makes `Last-Event-ID` resume exact.
 */
export function frameOf(event: JobEvent): string {
  return `event: ${event.type}\ndata: ${
    JSON.stringify(event.data)
  }\nid: ${event.seq}\n\n`;
}

/**
 * The frames of a log that grows at its end, as one chunk per starting
 * point: for `from`, the events at index `from` up to the end as it now is.
 * A chunk is kept until the log grows, so ten streams of one job that woke
 * together cost one encoding and one buffer.
 */
export class FrameLog {
  #frames: string[] = [];
  #chunks = new Map<number, Uint8Array>();
  #chunksUpTo = 0;

  chunkFrom(events: readonly JobEvent[], from: number): Uint8Array | null {
    if (from >= events.length) return null;
    if (this.#chunksUpTo !== events.length) {
      this.#chunks.clear();
      this.#chunksUpTo = events.length;
    }
    let chunk = this.#chunks.get(from);
    if (!chunk) {
      let text = "";
      for (let i = from; i < events.length; i++) {
        text += this.#frames[i] ??= frameOf(events[i]);
      }
      chunk = encoder.encode(text);
      this.#chunks.set(from, chunk);
    }
    return chunk;
  }
}

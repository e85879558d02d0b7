/**
 * Server-Sent Events from a response body, read lean: the model's reply is
 * hundreds of reads of a few bytes (a delta every ~12 ms), and the SDK's own
 * stream decoder costs ~5 KB of garbage per read on its way to the parsed
 * chunk (a ReadableStream wrapped in an async iterator, byte buffers joined
 * and sliced per line, a line decoder, three async generators). With 100
 * jobs streaming at once that garbage was the job thread's largest
 * allocation and its heap grew with it (issue #23). Here each read lands in
 * one reused buffer, is decoded straight to text, and only the events'
 * `data` strings are made.
 *
 * Parsing follows the WHATWG EventSource rules that matter for a reply:
 * lines end in LF, CRLF or CR (also across reads), a blank line dispatches,
 * `data` lines join with "\n", a leading space after the colon is dropped,
 * comments (`:`) and unknown fields are skipped.
 */

export type SseMessage = { event: string | null; data: string };

/** Bytes one read may fill; a streamed model reply sends far less at a time. */
const READ_BYTES = 16 * 1024;

/** The body's chunks; a view is only valid until the next one is asked for. */
export async function* readBody(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<Uint8Array> {
  let byob: ReadableStreamBYOBReader | null = null;
  try {
    byob = body.getReader({ mode: "byob" });
  } catch {
    // Not a byte stream: read it as it comes.
  }
  if (!byob) {
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  // Deno reads a fetch body into a fresh 64 KiB buffer per read unless
  // given one: the same memory goes back in each time.
  let buffer = new ArrayBuffer(READ_BYTES);
  try {
    for (;;) {
      const { done, value } = await byob.read(new Uint8Array(buffer));
      if (done) return;
      yield value;
      buffer = value.buffer as ArrayBuffer;
    }
  } finally {
    byob.releaseLock();
  }
}

/**
 * Streamed text split into lines by the EventSource rules (LF, CRLF or CR,
 * also across pushes), each handed to {@link SseLines.line}: a subclass says
 * what a line means and what it completes.
 */
export abstract class SseLines<T> {
  #pending = "";
  /** The last text ended in CR: an LF starting the next is the same break. */
  #afterCr = false;

  /** Parses `text`; returns what its lines completed, in order. */
  push(text: string): T[] {
    const out: T[] = [];
    if (this.#afterCr && text.startsWith("\n")) text = text.slice(1);
    this.#afterCr = false;
    let start = 0;
    // The next LF and CR at or after `start`, each found once per text.
    let lf = text.indexOf("\n");
    let cr = text.indexOf("\r");
    for (;;) {
      if (lf !== -1 && lf < start) lf = text.indexOf("\n", start);
      if (cr !== -1 && cr < start) cr = text.indexOf("\r", start);
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (end === -1) break;
      const line = start === 0 && this.#pending
        ? this.#pending + text.slice(0, end)
        : text.slice(start, end);
      if (start === 0) this.#pending = "";
      this.line(line, out);
      start = end + 1;
      if (text.charCodeAt(end) === 13) {
        if (start === text.length) this.#afterCr = true;
        else if (text.charCodeAt(start) === 10) start++;
      }
    }
    if (start < text.length) {
      this.#pending = start === 0 ? this.#pending + text : text.slice(start);
    }
    return out;
  }

  /** Takes one line (without its break); pushes onto `out` what it completes. */
  protected abstract line(line: string, out: T[]): void;
}

/**
 * A non-blank, non-comment line's field and value: the value is what follows
 * the first colon, less one leading space; a line without a colon is a field
 * with an empty value.
 */
export function fieldOf(line: string): { field: string; value: string } {
  const colon = line.indexOf(":");
  if (colon === -1) return { field: line, value: "" };
  const from = line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1;
  return { field: line.slice(0, colon), value: line.slice(from) };
}

/** An incremental SSE parser: feed it text, take the events it completed. */
export class SseParser extends SseLines<SseMessage> {
  #data: string[] = [];
  #event: string | null = null;

  protected line(line: string, out: SseMessage[]): void {
    if (line === "") {
      if (this.#data.length > 0) {
        out.push({ event: this.#event, data: this.#data.join("\n") });
      }
      this.#data = [];
      this.#event = null;
      return;
    }
    if (line.charCodeAt(0) === 58) return; // ":" a comment
    const { field, value } = fieldOf(line);
    if (field === "data") this.#data.push(value);
    else if (field === "event") this.#event = value;
  }
}

/**
 * A Server-Sent Events reader over `fetch`, for tests and benchmarks. Unlike
 * EventSource it can send cookies and stop after N events, and it reports
 * comments (heartbeats) and `retry:` lines so tests can see them.
 */
import {
  fieldOf,
  readBody,
  SseLines,
} from "../../lib/stylist/providers/sse_reader.ts";

export type SseFrame =
  | { kind: "event"; event: string; data: string; id?: string }
  | { kind: "comment"; text: string }
  | { kind: "retry"; ms: number };

/** The frames of a stream, comments and `retry` included. */
class FrameParser extends SseLines<SseFrame> {
  #event = "";
  #data: string[] = [];
  #id: string | undefined;

  protected line(line: string, out: SseFrame[]): void {
    if (line === "") {
      if (this.#data.length) {
        out.push({
          kind: "event",
          event: this.#event || "message",
          data: this.#data.join("\n"),
          id: this.#id,
        });
      }
      this.#event = "";
      this.#data = [];
      this.#id = undefined;
      return;
    }
    if (line.startsWith(":")) {
      out.push({ kind: "comment", text: line.slice(1).trim() });
      return;
    }
    const { field, value } = fieldOf(line);
    if (field === "event") this.#event = value;
    else if (field === "data") this.#data.push(value);
    else if (field === "id") this.#id = value;
    else if (field === "retry" && /^\d+$/.test(value)) {
      out.push({ kind: "retry", ms: Number(value) });
    }
  }
}

/**
 * Parses an event stream as the HTML spec does, with the app's own line
 * splitter (lib/stylist/providers/sse_reader.ts). The fan-out benchmark runs
 * a thousand of these in one thread, so what they cost shows up as delivery:
 * the body is read into one reused buffer (Deno's fresh 64 KiB a read made
 * the client's GC half its CPU) and each chunk is decoded and scanned once.
 */
export async function* readSse(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
): AsyncGenerator<SseFrame> {
  const decoder = new TextDecoder();
  const parser = new FrameParser();
  try {
    for await (const chunk of readBody(body)) {
      yield* parser.push(decoder.decode(chunk, { stream: true }));
    }
  } finally {
    await body.cancel().catch(() => {});
  }
}

export type SseEvent = { event: string; data: unknown; id: number };

/** Only the events, with `data` parsed as JSON and `id` as a number. */
export async function* readEvents(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
): AsyncGenerator<SseEvent> {
  for await (const frame of readSse(body)) {
    if (frame.kind !== "event") continue;
    yield {
      event: frame.event,
      data: JSON.parse(frame.data),
      id: Number(frame.id),
    };
  }
}

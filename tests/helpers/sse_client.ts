/**
 * A Server-Sent Events reader over `fetch`, for tests and benchmarks. Unlike
 * EventSource it can send cookies and stop after N events, and it reports
 * comments (heartbeats) and `retry:` lines so tests can see them.
 */
import { readBody } from "../../lib/stylist/providers/sse_reader.ts";

export type SseFrame =
  | { kind: "event"; event: string; data: string; id?: string }
  | { kind: "comment"; text: string }
  | { kind: "retry"; ms: number };

/**
 * Parses an event stream as the HTML spec does (LF, CR or CRLF lines). The
 * fan-out benchmark runs a thousand of these in one thread, so what they cost
 * shows up as delivery: the body is read into one reused buffer (Deno's
 * fresh 64 KiB a read made the client's GC half its CPU) and each chunk is
 * decoded and scanned once.
 */
export async function* readSse(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
): AsyncGenerator<SseFrame> {
  const decoder = new TextDecoder();
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let id: string | undefined;
  try {
    for await (const chunk of readBody(body)) {
      buffer += decoder.decode(chunk, { stream: true });
      let start = 0;
      let cr = buffer.indexOf("\r");
      let lf = buffer.indexOf("\n");
      for (;;) {
        if (cr >= 0 && cr < start) cr = buffer.indexOf("\r", start);
        if (lf >= 0 && lf < start) lf = buffer.indexOf("\n", start);
        let end: number;
        let next: number;
        if (cr >= 0 && (lf < 0 || cr < lf)) {
          // A CR that ends the chunk may be the first half of a CRLF.
          if (cr === buffer.length - 1) break;
          end = cr;
          next = lf === cr + 1 ? cr + 2 : cr + 1;
        } else if (lf >= 0) {
          end = lf;
          next = lf + 1;
        } else break;
        const line = buffer.slice(start, end);
        start = next;
        if (line === "") {
          if (data.length) {
            yield {
              kind: "event",
              event: event || "message",
              data: data.join("\n"),
              id,
            };
          }
          event = "";
          data = [];
          id = undefined;
          continue;
        }
        const colon = line.indexOf(":");
        if (colon === 0) {
          yield { kind: "comment", text: line.slice(1).trim() };
          continue;
        }
        const field = colon < 0 ? line : line.slice(0, colon);
        const raw = colon < 0
          ? ""
          : line.slice(line[colon + 1] === " " ? colon + 2 : colon + 1);
        if (field === "event") event = raw;
        else if (field === "data") data.push(raw);
        else if (field === "id") id = raw;
        else if (field === "retry" && /^\d+$/.test(raw)) {
          yield { kind: "retry", ms: Number(raw) };
        }
      }
      buffer = buffer.slice(start);
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

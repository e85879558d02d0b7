/**
 * A Server-Sent Events reader over `fetch`, for tests and benchmarks. Unlike
 * EventSource it can send cookies and stop after N events, and it reports
 * comments (heartbeats) and `retry:` lines so tests can see them.
 */
export type SseFrame =
  | { kind: "event"; event: string; data: string; id?: string }
  | { kind: "comment"; text: string }
  | { kind: "retry"; ms: number };

/** Parses an event stream as the HTML spec does (LF, CR or CRLF lines). */
export async function* readSse(
  body: ReadableStream<Uint8Array<ArrayBuffer>>,
): AsyncGenerator<SseFrame> {
  let buffer = "";
  let event = "";
  let data: string[] = [];
  let id: string | undefined;
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += value;
      let match: RegExpExecArray | null;
      while ((match = /\r\n|\r(?!$)|\n/.exec(buffer))) {
        const line = buffer.slice(0, match.index);
        buffer = buffer.slice(match.index + match[0].length);
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
        const raw = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "event") event = raw;
        else if (field === "data") data.push(raw);
        else if (field === "id") id = raw;
        else if (field === "retry" && /^\d+$/.test(raw)) {
          yield { kind: "retry", ms: Number(raw) };
        }
      }
    }
  } finally {
    await reader.cancel().catch(() => {});
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

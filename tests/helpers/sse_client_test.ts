/**
 * The tests' and benchmarks' SSE reader parses a stream the way a browser's
 * EventSource does, however the bytes are split into chunks: the fan-out
 * benchmark's delivery figures and every stream test rest on it.
 */
import assert from "node:assert/strict";
import { readSse, type SseFrame } from "./sse_client.ts";

const STREAM = "retry: 3000\r\n" +
  ": heartbeat\n" +
  'id: 1\r\nevent: progress\r\ndata: {"p":1}\r\n\r\n' +
  "id: 2\revent: outfit\rdata:first line\rdata: café — ✓\r\r" +
  "data\n\n" +
  "event: ignored-without-data\n\n" +
  "id: 3\ndata: last\n\n";

const FRAMES: SseFrame[] = [
  { kind: "retry", ms: 3000 },
  { kind: "comment", text: "heartbeat" },
  { kind: "event", event: "progress", data: '{"p":1}', id: "1" },
  { kind: "event", event: "outfit", data: "first line\ncafé — ✓", id: "2" },
  { kind: "event", event: "message", data: "", id: undefined },
  { kind: "event", event: "message", data: "last", id: "3" },
];

async function framesOf(chunks: Uint8Array[]): Promise<SseFrame[]> {
  const body = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      for (const chunk of chunks) {
        controller.enqueue(chunk as Uint8Array<ArrayBuffer>);
      }
      controller.close();
    },
  });
  const frames: SseFrame[] = [];
  for await (const frame of readSse(body)) frames.push(frame);
  return frames;
}

Deno.test("the SSE reader reads LF, CR and CRLF lines, comments and retry", async () => {
  const bytes = new TextEncoder().encode(STREAM);
  assert.deepEqual(await framesOf([bytes]), FRAMES);
});

Deno.test("the SSE reader gives the same frames wherever a chunk ends", async () => {
  const bytes = new TextEncoder().encode(STREAM);
  // Every split point, including inside a CRLF and inside a multi-byte
  // character.
  for (let at = 1; at < bytes.length; at++) {
    const frames = await framesOf([bytes.subarray(0, at), bytes.subarray(at)]);
    assert.deepEqual(frames, FRAMES, `split at byte ${at}`);
  }
  const oneByteChunks = Array.from(bytes, (_, i) => bytes.subarray(i, i + 1));
  assert.deepEqual(await framesOf(oneByteChunks), FRAMES);
});

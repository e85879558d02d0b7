import assert from "node:assert/strict";
import { compactBody, compactFetch } from "./compact_fetch.ts";

const encoder = new TextEncoder();

/** A server that writes `parts` one at a time; `cut` then breaks the body. */
function serveParts(parts: string[], { cut = false } = {}) {
  const cancelled = Promise.withResolvers<void>();
  const server = Deno.serve({ port: 0, onListen() {} }, () => {
    let i = 0;
    return new Response(
      new ReadableStream<Uint8Array>({
        async pull(controller) {
          // One part a macrotask, so each arrives as a read of its own.
          await new Promise((resolve) => setTimeout(resolve, 2));
          if (i < parts.length) controller.enqueue(encoder.encode(parts[i++]));
          else if (cut) controller.error(new Error("cut"));
          else controller.close();
        },
        cancel: () => cancelled.resolve(),
      }),
      { headers: { "content-type": "text/event-stream" } },
    );
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}/`,
    cancelled: cancelled.promise,
    [Symbol.asyncDispose]: () => server.shutdown(),
  };
}

Deno.test("[compact fetch] each chunk owns no more memory than its bytes, and the bytes are the same", async () => {
  const parts = Array.from({ length: 20 }, (_, i) => `data: ${i}\n\n`);
  await using server = serveParts(parts);
  // What Deno does by itself, which is why this module exists.
  const plain = await fetch(server.url);
  const plainReader = plain.body!.getReader();
  const first = await plainReader.read();
  assert.ok(first.value!.buffer.byteLength >= 64 * 1024);
  await plainReader.cancel();

  const res = await compactFetch(server.url);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "text/event-stream");
  let text = "";
  const decoder = new TextDecoder();
  for await (const chunk of res.body!) {
    assert.equal(chunk.buffer.byteLength, chunk.byteLength);
    text += decoder.decode(chunk, { stream: true });
  }
  assert.equal(text, parts.join(""));
});

Deno.test("[compact fetch] a body cut mid-read fails as Deno's own does", async () => {
  await using server = serveParts(["a", "b"], { cut: true });
  const plain = await fetch(server.url).then((res) => res.text()).then(
    () => null,
    (err) => err,
  );
  const compact = await compactFetch(server.url).then((res) => res.text())
    .then(() => null, (err) => err);
  assert.ok(plain instanceof TypeError, `plain: ${plain}`);
  assert.ok(compact instanceof TypeError, `compact: ${compact}`);
  assert.equal(compact.message, plain.message);
});

Deno.test("[compact fetch] cancelling the body cancels the request, and an abort reaches the reader", async () => {
  await using server = serveParts(Array.from({ length: 1000 }, () => "x"));
  const res = await compactFetch(server.url);
  const reader = res.body!.getReader();
  await reader.read();
  await reader.cancel();
  await server.cancelled;

  const abort = new AbortController();
  const aborted = await compactFetch(server.url, { signal: abort.signal });
  const read = aborted.body!.getReader();
  await read.read();
  abort.abort();
  await assert.rejects(() => read.read(), { name: "AbortError" });
});

Deno.test("[compact fetch] a stream that is not a byte stream is left as it is", () => {
  const stream = new ReadableStream<Uint8Array>({
    start: (controller) => controller.close(),
  });
  assert.equal(compactBody(stream), null);
});

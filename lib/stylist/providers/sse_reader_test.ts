import assert from "node:assert/strict";
import { readBody, type SseMessage, SseParser } from "./sse_reader.ts";

/** Feeds `parts` in order and returns every event they complete. */
function parse(parts: string[]): SseMessage[] {
  const parser = new SseParser();
  return parts.flatMap((part) => parser.push(part));
}

Deno.test("[sse] events split anywhere across reads come out whole, in order", () => {
  const wire =
    'data: {"a":1}\n\nevent: error\ndata: {"b":2}\n\ndata: [DONE]\n\n';
  const expected = [
    { event: null, data: '{"a":1}' },
    { event: "error", data: '{"b":2}' },
    { event: null, data: "[DONE]" },
  ];
  // Every split point, and one character at a time.
  for (let i = 0; i <= wire.length; i++) {
    assert.deepEqual(
      parse([wire.slice(0, i), wire.slice(i)]),
      expected,
      `${i}`,
    );
  }
  assert.deepEqual(parse([...wire]), expected);
});

Deno.test("[sse] CRLF and CR end lines too, even when a CRLF is split between reads", () => {
  const expected = [{ event: null, data: "x" }, { event: null, data: "y" }];
  assert.deepEqual(parse(["data: x\r\n\r\ndata: y\r\n\r\n"]), expected);
  assert.deepEqual(parse(["data: x\r", "\n\r", "\ndata: y\r\r"]), expected);
  assert.deepEqual(parse(["data: x\r\r", "data: y\n\n"]), expected);
});

Deno.test("[sse] comments and unknown fields are skipped; data lines join; one leading space goes", () => {
  assert.deepEqual(
    parse([": keep-alive\n\nid: 3\nretry: 5\ndata:one\ndata:  two\n\n\n"]),
    [{ event: null, data: "one\n two" }],
  );
  // A blank line with no data dispatches nothing; an unfinished event waits.
  assert.deepEqual(parse(["event: x\n\n", "data: half"]), []);
});

Deno.test("[sse] a fetch body is read into one reused buffer", async () => {
  const replies = ["data: 0\n\n"];
  await using server = Deno.serve(
    { port: 0, hostname: "127.0.0.1", onListen() {} },
    () => {
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const next = replies.shift();
          if (next === undefined) return controller.close();
          // One write per read on the client: each in its own tick.
          await new Promise((resolve) => setTimeout(resolve, 5));
          controller.enqueue(new TextEncoder().encode(next));
        },
      });
      return new Response(body);
    },
  );
  const url = `http://127.0.0.1:${server.addr.port}/`;
  // What Deno does by itself, which is why readBody passes its own buffer.
  const plain = await fetch(url).then((res) => res.body!.getReader());
  assert.ok((await plain.read()).value!.buffer.byteLength >= 64 * 1024);
  await plain.cancel();
  replies.push("data: 1\n\n", "data: 2\n\n", "data: 3\n\n");
  const res = await fetch(url);
  const sizes: number[] = [];
  let text = "";
  const decoder = new TextDecoder();
  for await (const bytes of readBody(res.body!)) {
    // Read now: the next read takes the buffer back (detaching it here).
    sizes.push(bytes.buffer.byteLength);
    text += decoder.decode(bytes, { stream: true });
  }
  assert.equal(text, "data: 1\n\ndata: 2\n\ndata: 3\n\n");
  assert.deepEqual(sizes, [16 * 1024, 16 * 1024, 16 * 1024]);
});

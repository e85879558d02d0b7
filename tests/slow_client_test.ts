/**
 * Slow clients are cut off: a body that stops arriving gets a 408 within
 * the deadline, instead of holding a handler and its buffers for as long
 * as the client likes. Spoken over a raw TCP socket, as such a client
 * would.
 */
import assert from "node:assert/strict";
import { startTestServer } from "./helpers/server.ts";

/** What the server sends until `done` says it is enough (or `ms` pass). */
async function readUntil(
  conn: Deno.Conn,
  done: (text: string) => boolean,
  ms: number,
): Promise<string> {
  let text = "";
  const decoder = new TextDecoder();
  const buffer = new Uint8Array(4096);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), ms);
  });
  try {
    while (!done(text)) {
      const n = await Promise.race([conn.read(buffer), timeout]);
      if (n === "timeout") return `${text}[nothing more after ${ms} ms]`;
      if (n === null) return text;
      text += decoder.decode(buffer.subarray(0, n));
    }
    return text;
  } finally {
    clearTimeout(timer);
  }
}

Deno.test({
  name:
    "[slow] an upload body that stalls is answered 408 and its connection closed",
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    await using server = await startTestServer({ bodyTimeoutMs: 500 });
    const { port } = new URL(server.url);
    const conn = await Deno.connect({
      hostname: "127.0.0.1",
      port: Number(port),
    });
    try {
      await conn.write(new TextEncoder().encode(
        "PUT /api/wardrobe/items/white-oxford-shirt/photo HTTP/1.1\r\n" +
          `Host: 127.0.0.1:${port}\r\n` +
          "Content-Type: image/jpeg\r\nContent-Length: 40000\r\n\r\n" +
          "\xff\xd8\xff\xe0 a few bytes, then nothing",
      ));
      // Answered while the client still owes 39,970 bytes.
      const answer = await readUntil(conn, (t) => t.endsWith("}"), 5_000);
      assert.match(answer, /^HTTP\/1\.1 408 /, answer.slice(0, 200));
      assert.match(answer, /connection: close/i);
      assert.match(answer, /did not arrive within 0\.5 s/);
      // Deno.serve (2.9) keeps reading the rest of the body before it
      // closes the socket: the handler is free, the connection is not.
    } finally {
      try {
        conn.close();
      } catch {
        // Already closed by the server.
      }
    }
  },
});

Deno.test("[slow] a body that arrives in time, in pieces, is read whole", async () => {
  await using server = await startTestServer({ bodyTimeoutMs: 2_000 });
  const shopper = server.client();
  await shopper.get("/api/wardrobe");
  const item = JSON.stringify({
    name: "Slow scarf",
    category: "accessory",
    colors: ["rust"],
    formality: 2,
    seasons: ["autumn"],
  });
  const bytes = new TextEncoder().encode(item);
  const res = await shopper.fetch("/api/wardrobe/items", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: new ReadableStream({
      async start(controller) {
        for (let i = 0; i < bytes.length; i += 20) {
          controller.enqueue(bytes.slice(i, i + 20));
          await new Promise((r) => setTimeout(r, 20));
        }
        controller.close();
      },
    }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  assert.equal((await res.json()).name, "Slow scarf");
});

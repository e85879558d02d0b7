/**
 * The one-machine deployment behind nginx (deploy/nginx.conf, as shipped):
 * what Deno.serve cannot cut (a connection that never sends a request, or
 * trickles its headers) the proxy does, event streams still arrive as they
 * are written, and the client address the app counts is the proxy's view of
 * it, not a header the client chose. Ignored where nginx is not installed.
 */
import assert from "node:assert/strict";
import { hasNginx, startNginx } from "./helpers/nginx.ts";
import { startTestServer } from "./helpers/server.ts";
import { readEvents } from "./helpers/sse_client.ts";
import { TestClient } from "./helpers/client.ts";

const ignore = !(await hasNginx());
/** The shipped `client_header_timeout`, and what the tests allow beyond it. */
const HEADER_TIMEOUT_MS = 10_000;
const GRACE_MS = 5_000;

/**
 * Resolves with how long the peer took to close `conn` (or fails after
 * `ms`), calling `tick` every second meanwhile.
 */
async function closedWithin(
  conn: Deno.Conn,
  ms: number,
  tick: () => Promise<unknown> = async () => {},
): Promise<number> {
  const started = Date.now();
  const buffer = new Uint8Array(1024);
  const closed = (async () => {
    for (;;) {
      const n = await conn.read(buffer).catch(() => null);
      if (n === null) return Date.now() - started;
    }
  })();
  const ticking = setInterval(() => tick().catch(() => {}), 1_000);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      closed,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`still open after ${ms} ms`)),
          ms,
        );
      }),
    ]);
  } finally {
    clearInterval(ticking);
    clearTimeout(timer);
  }
}

Deno.test({
  name:
    "[proxy] a connection that sends nothing, or trickles its headers, is closed by the shipped nginx config",
  ignore,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    await using server = await startTestServer();
    await using proxy = await startNginx(server.url);
    const connect = () =>
      Deno.connect({ hostname: "127.0.0.1", port: proxy.port });
    const silent = await connect();
    const trickling = await connect();
    const header = new TextEncoder().encode(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${proxy.port}\r\nX-Slow: ${
        "a".repeat(100)
      }`,
    );
    let sent = 0;
    // A byte a second: each read is quick, the header never completes.
    const trickle = () => trickling.write(header.subarray(sent, ++sent));
    try {
      const [silentMs, tricklingMs] = await Promise.all([
        closedWithin(silent, HEADER_TIMEOUT_MS + GRACE_MS),
        closedWithin(trickling, HEADER_TIMEOUT_MS + GRACE_MS, trickle),
      ]);
      assert.ok(silentMs >= HEADER_TIMEOUT_MS - 1_000, `${silentMs} ms`);
      assert.ok(tricklingMs >= HEADER_TIMEOUT_MS - 1_000, `${tricklingMs} ms`);
      assert.ok(sent >= 5, `only ${sent} bytes trickled`);
    } finally {
      silent.close();
      trickling.close();
    }
  },
});

Deno.test({
  name:
    "[proxy] through nginx, a job's events arrive while it runs, not when it ends",
  ignore,
  async fn() {
    await using server = await startTestServer({ localDelayMs: 600 });
    await using proxy = await startNginx(server.url);
    const shopper = new TestClient(proxy.url);
    const job = await shopper.generate({
      mode: "occasion",
      occasions: ["brunch"],
    });
    const res = await shopper.stream(job);
    assert.equal(res.status, 200);
    const events = readEvents(res.body!);
    let first;
    for await (const event of events) {
      if (event.event === "outfit") {
        first = event;
        break;
      }
    }
    assert.ok(first, "an outfit event came through");
    // The job has two outfits (1.2 s) to go: the event was not held back.
    const status = await shopper.get(`/api/jobs/${job}`);
    assert.equal(status.body.status, "running");
  },
});

Deno.test({
  name:
    "[proxy] a client's own X-Forwarded-For does not dodge the per-address job limit",
  ignore,
  async fn() {
    await using server = await startTestServer({
      limits: { jobsPerMinutePerAddress: 2, jobsPerMinute: 100 },
      addressHeader: "x-forwarded-for",
    });
    await using proxy = await startNginx(server.url);
    const statuses = [];
    for (const spoofed of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) {
      // No cookie and a new address each time, as a script would send.
      const res = await fetch(`${proxy.url}/api/outfits/generate`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-forwarded-for": spoofed,
        },
        body: JSON.stringify({ mode: "occasion", occasions: ["brunch"] }),
      });
      await res.body?.cancel();
      statuses.push(res.status);
    }
    assert.deepEqual(statuses, [202, 202, 429]);
  },
});

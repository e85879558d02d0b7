/**
 * A request body must arrive within `ms` of the handler asking for it: a
 * client that declares a body and then sends it a byte at a time (or not
 * at all) would hold a connection, a handler and its buffers for as long
 * as it likes. The body is read here, with a deadline, up to one byte past
 * what the app accepts at all (the body limit then answers 413), and
 * handed on as bytes; too slow, the answer is 408 and the connection is
 * closed.
 *
 * Connections that send no request at all, or trickle its headers, never
 * reach the app: Deno.serve (2.9) has no header or idle timeout to set.
 */
import type { MiddlewareHandler } from "hono";
import { concatBytes } from "./bytes.ts";
import { delay } from "./delay.ts";

export function bodyDeadline(
  ms: number,
  maxBytes: number,
): MiddlewareHandler {
  return async function bodyDeadline(c, next) {
    const body = c.req.raw.body;
    if (!body || ms <= 0) return await next();
    const reader = body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    const stop = new AbortController();
    const late = delay(ms, stop.signal).then((ran) => ran && "late" as const);
    try {
      while (size <= maxBytes) {
        const read = await Promise.race([reader.read(), late]);
        if (read === "late") {
          reader.cancel().catch(() => {});
          c.header("Connection", "close");
          return c.json({
            error: `The request body did not arrive within ${ms / 1000} s`,
          }, 408);
        }
        if (!read || read.done) break;
        chunks.push(read.value);
        size += read.value.length;
      }
    } finally {
      stop.abort();
    }
    c.req.raw = new Request(c.req.raw, { body: concatBytes(chunks) });
    await next();
  };
}

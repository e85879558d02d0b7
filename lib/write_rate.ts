/**
 * How fast one shopper, and one client address, may change things: a token
 * bucket each, holding half a minute's worth, refilled evenly. A person
 * editing a wardrobe never notices; a script sending a hundred uploads in a
 * fifth of a second gets 429 + Retry-After after the first few dozen. The
 * address counts every shopper behind it, so a fresh cookie per request
 * buys nothing. Job starts have their own limits (lib/jobs/limits.ts).
 *
 * Kept in memory, per server process: a platform that spreads one client
 * over several instances lets it through each of them.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./define.ts";
import { clientAddress } from "./client_address.ts";

export type WriteLimits = {
  /** Writes one shopper may make a minute, on average (0: no limit). */
  perShopper: number;
  /** Writes one client address may make a minute, on average (0: no limit). */
  perAddress: number;
};

export const DEFAULT_WRITE_LIMITS: WriteLimits = {
  perShopper: 60,
  perAddress: 180,
};

/** Buckets idle long enough to be full again are forgotten past this many. */
const MAX_BUCKETS = 10_000;

type Bucket = { tokens: number; at: number };

class Buckets {
  readonly #buckets = new Map<string, Bucket>();
  readonly #capacity: number;
  readonly #perMs: number;

  constructor(perMinute: number) {
    this.#capacity = Math.max(1, perMinute / 2);
    this.#perMs = perMinute / 60_000;
  }

  /** 0 when a write may go now (and takes it), else the seconds to wait. */
  take(key: string, now: number): number {
    const last = this.#buckets.get(key);
    const tokens = last
      ? Math.min(this.#capacity, last.tokens + (now - last.at) * this.#perMs)
      : this.#capacity;
    if (tokens < 1) return Math.ceil((1 - tokens) / this.#perMs / 1000);
    this.#buckets.delete(key); // re-inserted last: the map stays in use order
    this.#buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.#buckets.size > MAX_BUCKETS) this.#forgetFull(now);
    return 0;
  }

  #forgetFull(now: number) {
    for (const [key, bucket] of this.#buckets) {
      const refilled = bucket.tokens + (now - bucket.at) * this.#perMs;
      if (refilled >= this.#capacity) this.#buckets.delete(key);
      if (this.#buckets.size <= MAX_BUCKETS / 2) return;
    }
  }
}

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** For `/api/*`, after the session: a state-changing request spends a token. */
export function writeRate(
  limits: WriteLimits,
  addressHeader?: string,
): MiddlewareHandler<AppEnv> {
  const shoppers = limits.perShopper > 0
    ? new Buckets(limits.perShopper)
    : null;
  const addresses = limits.perAddress > 0
    ? new Buckets(limits.perAddress)
    : null;
  return async function writeRate(c, next) {
    if (!WRITES.has(c.req.method)) return await next();
    const now = Date.now();
    const address = addresses && clientAddress(c, addressHeader);
    const wait = Math.max(
      shoppers?.take(c.get("userId"), now) ?? 0,
      address ? addresses.take(address, now) : 0,
    );
    if (wait > 0) {
      c.header("Retry-After", String(wait));
      return c.json({
        error:
          "That's a lot of changes at once. Please wait a moment and try again.",
        retry_after_s: wait,
      }, 429);
    }
    await next();
  };
}

/**
 * Retry timing for model calls: how long to wait before the next request, and
 * a wait that ends the moment the caller gives up. Kept apart from the
 * transport so the arithmetic can be read (and tested) on its own.
 */

export type BackoffOptions = {
  /** First retry waits up to this long; each further retry doubles it. */
  backoffBaseMs: number;
  /** Ceiling for both our backoff and a server's retry-after. */
  maxRetryDelayMs: number;
};

/**
 * The wait a response asks for: `retry-after-ms` (OpenAI's, precise) first,
 * then `retry-after` as seconds or as an HTTP date. Undefined when absent or
 * unparseable.
 *
 * @example
 * ```ts
 * retryAfterMs(new Headers({ "retry-after": "2" })); // 2000
 * ```
 */
export function retryAfterMs(
  headers: Headers | undefined,
  now: number = Date.now(),
): number | undefined {
  const ms = headers?.get("retry-after-ms")?.trim();
  if (ms) {
    const value = Number(ms);
    if (Number.isFinite(value)) return Math.max(0, value);
  }
  const after = headers?.get("retry-after")?.trim();
  if (!after) return undefined;
  const seconds = Number(after);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Delay before retry number `retry` (0 for the first). A server's hint is
 * honoured as given, up to the cap; otherwise exponential backoff with full
 * jitter, so many jobs failing together do not come back in lockstep.
 *
 * @example
 * ```ts
 * retryDelayMs(2, { backoffBaseMs: 500, maxRetryDelayMs: 10_000 }); // 0..2000
 * ```
 */
export function retryDelayMs(
  retry: number,
  options: BackoffOptions,
  hintMs?: number,
  random: () => number = Math.random,
): number {
  if (hintMs !== undefined) return Math.min(hintMs, options.maxRetryDelayMs);
  const ceiling = Math.min(
    options.maxRetryDelayMs,
    options.backoffBaseMs * 2 ** retry,
  );
  return Math.floor(random() * ceiling);
}

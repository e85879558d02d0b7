/**
 * A request the app refuses for a reason the shopper can act on: a list
 * that is full (409), too many writers at once (503, try again shortly).
 * Thrown from deep in the store, answered in one place (lib/app.ts) as
 * `{error: message}` with its status, and `Retry-After` when it has one.
 */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly status: 409 | 503,
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

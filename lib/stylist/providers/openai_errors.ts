/**
 * One error type for everything that can go wrong talking to the model, so
 * callers branch on `kind` and `retryable` instead of on SDK classes, and so
 * the API key can be scrubbed in one place.
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from "openai";
import { retryAfterMs } from "./openai_retry.ts";

export type ModelErrorKind =
  | "rate_limited"
  | "server"
  | "connection"
  | "timeout"
  | "bad_request"
  | "auth"
  | "aborted"
  | "other";

export type ModelErrorInit = {
  kind: ModelErrorKind;
  retryable: boolean;
  status?: number;
  /** HTTP requests made so far, retries included. */
  attempts?: number;
  /** How long the server asked us to wait (retry-after), before any cap. */
  retryAfterMs?: number;
  cause?: unknown;
};

/**
 * A failed model call. `retryable` says whether the failure is worth another
 * request in principle; the streamer only retries it while no text has been
 * yielded.
 *
 * @example
 * ```ts
 * try {
 *   for await (const text of streamer.streamText({ prompt })) show(text);
 * } catch (error) {
 *   if (error instanceof ModelError && error.kind === "aborted") return;
 *   throw error;
 * }
 * ```
 */
export class ModelError extends Error {
  override name = "ModelError";
  readonly kind: ModelErrorKind;
  readonly retryable: boolean;
  readonly status?: number;
  readonly attempts: number;
  readonly retryAfterMs?: number;

  constructor(message: string, init: ModelErrorInit) {
    super(message, init.cause === undefined ? {} : { cause: init.cause });
    this.kind = init.kind;
    this.retryable = init.retryable;
    this.status = init.status;
    this.attempts = init.attempts ?? 1;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/**
 * Maps whatever the SDK or fetch threw onto a ModelError. `secret` (the API
 * key) is scrubbed from the message, and a cause that would print it is
 * dropped: a compatible server may echo the key back in its error body.
 */
export function toModelError(
  error: unknown,
  context: { attempts: number; secret: string },
): ModelError {
  if (error instanceof ModelError) return error;
  const { attempts, secret } = context;
  const make = (message: string, init: ModelErrorInit) =>
    new ModelError(redact(message, secret), {
      ...init,
      attempts,
      cause: mentions(error, secret) ? undefined : error,
    });
  const detail = error instanceof Error ? error.message : String(error);

  // The SDK's error classes share a base, so test the narrow ones first.
  if (error instanceof APIUserAbortError) {
    return make("Model request aborted", { kind: "aborted", retryable: false });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return make(`Model request timed out: ${detail}`, {
      kind: "timeout",
      retryable: true,
    });
  }
  if (error instanceof APIConnectionError) {
    return make(`Cannot reach the model: ${detail}`, {
      kind: "connection",
      retryable: true,
    });
  }
  if (error instanceof APIError) {
    const status = error.status;
    if (status === undefined) {
      // An `error` object inside the event stream, after a 200.
      return make(`Model stream reported an error: ${detail}`, {
        kind: "server",
        retryable: true,
      });
    }
    const init = { status, retryAfterMs: retryAfterMs(error.headers) };
    const message = `Model request failed: ${detail}`;
    if (status === 429) {
      return make(message, { ...init, kind: "rate_limited", retryable: true });
    }
    if (status === 408) {
      return make(message, { ...init, kind: "timeout", retryable: true });
    }
    if (status >= 500) {
      return make(message, { ...init, kind: "server", retryable: true });
    }
    if (status === 401 || status === 403) {
      return make(message, { ...init, kind: "auth", retryable: false });
    }
    if (status >= 400) {
      return make(message, { ...init, kind: "bad_request", retryable: false });
    }
    return make(message, { ...init, kind: "other", retryable: false });
  }
  // fetch reports a body cut mid-read as a TypeError (Deno: "error reading a
  // body from connection"); the SDK passes it through untouched.
  if (error instanceof TypeError) {
    return make(`Model connection dropped: ${detail}`, {
      kind: "connection",
      retryable: true,
    });
  }
  return make(`Model call failed: ${detail}`, {
    kind: "other",
    retryable: false,
  });
}

/** Keys shorter than this are placeholders ("x", "ollama"), not secrets. */
const MIN_SECRET_LENGTH = 4;

export function redact(text: string, secret: string): string {
  return secret.length >= MIN_SECRET_LENGTH
    ? text.replaceAll(secret, "[redacted]")
    : text;
}

function mentions(error: unknown, secret: string): boolean {
  if (secret.length < MIN_SECRET_LENGTH) return false;
  // What a logger would print: message, stack, cause chain, headers, body.
  return Deno.inspect(error, { depth: 6 }).includes(secret);
}

/**
 * The JSON API as islands call it. Kept free of server modules (and of zod)
 * so it bundles small; types come from the shared schemas, values do not.
 */
import type { GenerateRequest } from "../schemas.ts";

export type PageFlags = { debug: boolean; streamOff: boolean };
export type FieldIssue = { path: string; message: string };
export type ApiError = {
  error: string;
  issues?: FieldIssue[];
  /** Too many jobs (429): the shopper may try again after this many seconds. */
  retry_after_s?: number;
};

export function revealUrl(jobId: string, flags: PageFlags): string {
  const params = new URLSearchParams({ job: jobId });
  if (flags.debug) params.set("debug", "true");
  if (flags.streamOff) params.set("stream", "off");
  return `/reveal?${params}`;
}

/** A body that is not JSON (a proxy's error page, say) reads as `{}`. */
function jsonOrEmpty(text: string) {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return {};
  }
}

/** Sends JSON and reads JSON back; a network failure becomes status 0. */
export async function sendJson<T>(
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<
  { status: number; body: T & Partial<ApiError>; headers: Headers }
> {
  try {
    const res = await fetch(path, {
      method,
      headers: {
        ...(body === undefined
          ? { accept: "application/json" }
          : { "content-type": "application/json", accept: "application/json" }),
        ...extraHeaders,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
    return {
      status: res.status,
      body: jsonOrEmpty(await res.text()),
      headers: res.headers,
    };
  } catch {
    return {
      status: 0,
      body: {
        error: "Can't reach Stylist. Check your connection and try again.",
      } as
        & T
        & ApiError,
      headers: new Headers(),
    };
  }
}

/**
 * A key for one shopper submission. `crypto.randomUUID` exists only in secure
 * contexts (https, localhost); on plain http elsewhere the key is 128 random
 * bits from `getRandomValues`, which works everywhere.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(
    crypto.getRandomValues(new Uint8Array(16)),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");
}

/** Said when a 429 carries no sentence of its own (say, from a proxy). */
const TOO_MANY =
  "You're asking for outfits faster than your stylist can make them. Please wait a moment.";

/** Seconds to wait: the body's `retry_after_s`, else `Retry-After`. */
function retryAfterS(body: { retry_after_s?: unknown }, headers: Headers) {
  const header = headers.get("retry-after") ?? "";
  const fromHeader = /^\d+$/.test(header)
    ? Number(header)
    : (Date.parse(header) - Date.now()) / 1000;
  const seconds = typeof body.retry_after_s === "number"
    ? body.retry_after_s
    : fromHeader;
  // Never less than a second, never an hour; a garbled value gets 10 s.
  return Number.isFinite(seconds)
    ? Math.min(3600, Math.max(1, Math.ceil(seconds)))
    : 10;
}

/**
 * Starts a job and goes to its reveal page. Resolves only on failure, with
 * what to tell the shopper (and which fields were wrong, or after how many
 * seconds they may try again). `idempotencyKey` names the submission: send
 * the same key when retrying the same request, and the server starts at
 * most one job for it.
 */
export async function startGeneration(
  request: GenerateRequest,
  flags: PageFlags,
  idempotencyKey: string = newIdempotencyKey(),
): Promise<ApiError> {
  const res = await sendJson<{ job_id: string; retry_after_s?: number }>(
    "POST",
    "/api/outfits/generate",
    request,
    { "idempotency-key": idempotencyKey },
  );
  if (res.status === 202) {
    location.assign(revealUrl(res.body.job_id, flags));
    // Keep the form busy while the browser navigates away.
    return new Promise(() => {});
  }
  if (res.status === 429) {
    return {
      error: res.body.error ?? TOO_MANY,
      retry_after_s: retryAfterS(res.body, res.headers),
    };
  }
  return {
    error: res.body.error ??
      (res.status >= 500
        ? "Something went wrong on our side. Please try again."
        : "Your outfits could not be started. Please try again."),
    issues: res.body.issues,
  };
}

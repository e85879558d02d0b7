/**
 * The JSON API as islands call it. Kept free of server modules (and of zod)
 * so it bundles small; types come from the shared schemas, values do not.
 */
import type { GenerateRequest } from "../schemas.ts";

export type PageFlags = { debug: boolean; streamOff: boolean };
export type FieldIssue = { path: string; message: string };
export type ApiError = { error: string; issues?: FieldIssue[] };

export function revealUrl(jobId: string, flags: PageFlags): string {
  const params = new URLSearchParams({ job: jobId });
  if (flags.debug) params.set("debug", "true");
  if (flags.streamOff) params.set("stream", "off");
  return `/reveal?${params}`;
}

/** Sends JSON and reads JSON back; a network failure becomes status 0. */
export async function sendJson<T>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T & Partial<ApiError> }> {
  try {
    const res = await fetch(path, {
      method,
      headers: body === undefined
        ? { accept: "application/json" }
        : { "content-type": "application/json", accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  } catch {
    return {
      status: 0,
      body: {
        error: "Can't reach Stylist. Check your connection and try again.",
      } as
        & T
        & ApiError,
    };
  }
}

/**
 * Starts a job and goes to its reveal page. Resolves only on failure, with
 * what to tell the shopper (and which fields were wrong).
 */
export async function startGeneration(
  request: GenerateRequest,
  flags: PageFlags,
): Promise<ApiError> {
  const res = await sendJson<{ job_id: string }>(
    "POST",
    "/api/outfits/generate",
    { ...request, include_reasoning: flags.debug },
  );
  if (res.status === 202) {
    location.assign(revealUrl(res.body.job_id, flags));
    // Keep the form busy while the browser navigates away.
    return new Promise(() => {});
  }
  return {
    error: res.body.error ?? `Something went wrong (${res.status})`,
    issues: res.body.issues,
  };
}

/**
 * How many jobs one shopper may start: a rate (jobs per rolling minute) and a
 * number running at once. A model call costs real money and a worker slot, so
 * a held-down generate button must not turn into a hundred jobs.
 *
 * The decision is pure; `createJob` feeds it the shopper's quota record and
 * their running jobs, and commits the updated record with the new job under a
 * versionstamp check, so two racing requests cannot both take the last slot.
 */

export type JobLimits = {
  /** Jobs a shopper may start in any rolling 60 s. */
  jobsPerMinute: number;
  /** Jobs of one shopper that may be queued or running at once. */
  concurrentJobs: number;
};

export const DEFAULT_LIMITS: JobLimits = {
  jobsPerMinute: 10,
  concurrentJobs: 3,
};

/** Kept per shopper: when their recent jobs started (ms since epoch). */
export type JobQuota = { started: number[] };

const WINDOW_MS = 60_000;

/**
 * A job rarely runs longer than this; a shopper at the concurrency limit is
 * told to come back then, since no timestamp says when a slot frees up.
 */
const CONCURRENT_RETRY_S = 15;

export type Admission =
  | { ok: true; quota: JobQuota }
  | { ok: false; retryAfterS: number; error: string };

/** Whether one more job may start now, and the quota to store if it does. */
export function admitJob(
  quota: JobQuota | null,
  running: number,
  limits: JobLimits,
  now: number,
): Admission {
  const started = (quota?.started ?? []).filter((t) => t > now - WINDOW_MS);
  if (running >= limits.concurrentJobs) {
    return {
      ok: false,
      retryAfterS: CONCURRENT_RETRY_S,
      error: limits.concurrentJobs === 1
        ? "Your stylist is still working on your last request. You can ask again as soon as it's done."
        : `Your stylist is already working on ${running} requests. You can ask again as soon as one is done.`,
    };
  }
  if (started.length >= limits.jobsPerMinute) {
    const oldest = started[started.length - limits.jobsPerMinute];
    return {
      ok: false,
      retryAfterS: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)),
      error:
        "That's a lot of outfits in a minute! Take a breath and try again shortly.",
    };
  }
  return { ok: true, quota: { started: [...started, now] } };
}

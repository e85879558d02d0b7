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
  /**
   * Jobs started from one client address in any rolling 60 s, whoever the
   * cookie says they are: dropping the cookie makes a new shopper, not a
   * new address. Room for a household or an office behind one. 0: none.
   */
  jobsPerMinutePerAddress: number;
  /**
   * Jobs queued or running on the whole service at once: what the workers
   * and the model bill can take, whoever asks. 0: no cap.
   */
  maxActiveJobs: number;
  /** Event streams one shopper may hold open at once (tabs, retries). 0: none. */
  streamsPerShopper: number;
};

export const DEFAULT_LIMITS: JobLimits = {
  jobsPerMinute: 10,
  concurrentJobs: 3,
  jobsPerMinutePerAddress: 20,
  maxActiveJobs: 100,
  streamsPerShopper: 10,
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
  return admitRate(started, limits.jobsPerMinute, now);
}

const TOO_MANY_A_MINUTE =
  "That's a lot of outfits in a minute! Take a breath and try again shortly.";

/** One more start in the rolling minute, if `perMinute` allows it. */
function admitRate(
  started: number[],
  perMinute: number,
  now: number,
): Admission {
  if (started.length >= perMinute) {
    const oldest = started[started.length - perMinute];
    return {
      ok: false,
      retryAfterS: Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000)),
      error: TOO_MANY_A_MINUTE,
    };
  }
  return { ok: true, quota: { started: [...started, now] } };
}

/** Whether one more job may start from this client address, and the quota to store if it does. */
export function admitAddress(
  quota: JobQuota | null,
  limits: JobLimits,
  now: number,
): Admission {
  const started = (quota?.started ?? []).filter((t) => t > now - WINDOW_MS);
  return admitRate(started, limits.jobsPerMinutePerAddress, now);
}

/** When the whole service is at `maxActiveJobs`: try again in a moment. */
export function admitService(active: number, limits: JobLimits): Admission {
  if (limits.maxActiveJobs > 0 && active >= limits.maxActiveJobs) {
    return {
      ok: false,
      retryAfterS: CONCURRENT_RETRY_S,
      error:
        "Your stylist is very busy right now. Please try again in a moment.",
    };
  }
  return { ok: true, quota: { started: [] } };
}

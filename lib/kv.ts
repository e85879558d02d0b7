/**
 * Opening Deno KV and naming its keys. Every key the app uses is built
 * here, so the whole storage layout can be read in one place:
 *
 *   ["users", userId]                       { created_at }  wardrobe seeded
 *   ["wardrobe", userId, itemId]            WardrobeItem
 *   ["jobs", jobId]                         Job (the live snapshot)
 *   ["job_events", jobId, seq]              JobEvent (append-only log)
 *   ["active_jobs", userId, jobId]          created_at (ms) while queued or running
 *   ["job_quota", userId]                   JobQuota: when recent jobs started
 *   ["idempotency", userId, key]            { job_id } for Idempotency-Key
 *   ["config", "session_secret"]            generated when SESSION_SECRET is unset
 */

/** Job data (and what indexes it) is temporary; wardrobes are not. */
export const JOB_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Opens the store named by `path`: a SQLite file, `:memory:`, a KV Connect
 * URL, or (undefined) the platform default on Deno Deploy.
 */
export async function openKv(path?: string): Promise<Deno.Kv> {
  if (path && path !== ":memory:" && !/^https?:\/\//.test(path)) {
    const dir = path.replace(/[\\/][^\\/]*$/, "");
    if (dir && dir !== path) await Deno.mkdir(dir, { recursive: true });
  }
  return await Deno.openKv(path);
}

export const keys = {
  user: (userId: string) => ["users", userId] as const,
  wardrobe: (userId: string) => ["wardrobe", userId] as const,
  wardrobeItem: (userId: string, itemId: string) =>
    ["wardrobe", userId, itemId] as const,
  job: (jobId: string) => ["jobs", jobId] as const,
  jobEvents: (jobId: string) => ["job_events", jobId] as const,
  jobEvent: (jobId: string, seq: number) => ["job_events", jobId, seq] as const,
  /** Every unfinished job, for the sweep; per user, for the concurrency limit. */
  activeJobs: (userId?: string) =>
    userId === undefined
      ? ["active_jobs"] as const
      : ["active_jobs", userId] as const,
  activeJob: (userId: string, jobId: string) =>
    ["active_jobs", userId, jobId] as const,
  jobQuota: (userId: string) => ["job_quota", userId] as const,
  idempotency: (userId: string, key: string) =>
    ["idempotency", userId, key] as const,
  sessionSecret: () => ["config", "session_secret"] as const,
};

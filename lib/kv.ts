/**
 * Opening Deno KV and naming its keys. Every key the app uses is built
 * here, so the whole storage layout can be read in one place:
 *
 *   ["users", userId]                       { created_at }  wardrobe seeded
 *   ["wardrobe", userId, itemId]            WardrobeItem
 *   ["jobs", jobId]                         Job (the live snapshot)
 *   ["job_events", jobId, seq]              JobEvent (append-only log)
 *   ["jobs_undelivered", jobId]             queue message that ran out of retries
 *   ["config", "session_secret"]            generated when SESSION_SECRET is unset
 */

/** Job data is temporary; wardrobes are not. */
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
  undelivered: (jobId: string) => ["jobs_undelivered", jobId] as const,
  sessionSecret: () => ["config", "session_secret"] as const,
};

/**
 * Opening Deno KV and naming its keys. Every key the app uses is built
 * here, so the whole storage layout can be read in one place:
 *
 *   ["users", userId]                       { created_at }  wardrobe seeded
 *   ["seen", userId]                        "YYYY-MM-DD": the shopper's last day (lib/unseen_shoppers.ts)
 *   ["wardrobe", userId, itemId]            WardrobeItem
 *   ["jobs", jobId]                         Job (the live snapshot)
 *   ["job_events", jobId, seq]              JobEvent (append-only log)
 *   ["active_jobs", userId, jobId]          created_at (ms) while queued or running
 *   ["job_quota", userId]                   JobQuota: when recent jobs started
 *   ["address_quota", address]              JobQuota: the same, per client address
 *   ["idempotency", userId, key]            { job_id } for Idempotency-Key
 *   ["looks", userId, lookId]               Look: a saved, worn or rated outfit
 *   ["shares", token]                       { user, look_id }: a look shared by link
 *   ["recent_outfits", userId]              { outfits }: the last 30 shown
 *   ["photos", userId, photoId]             Uint8Array: an item's photo
 *   ["places", userId]                      string: the town last asked about
 *   ["geocodes", query]                     { place }: a town found (or not), cached
 *   ["forecasts", lat, lon, day]            { weather, at }: a day's forecast, cached 3 h
 *   ["config", "session_secret"]            generated when SESSION_SECRET is unset
 */

import { delay } from "./delay.ts";
import { Refusal } from "./refusal.ts";
import { tolerateLocks } from "./kv_locks.ts";

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
  // The job threads and the HTTP thread write one file (lib/kv_locks.ts).
  return tolerateLocks(await Deno.openKv(path));
}

export const keys = {
  user: (userId: string) => ["users", userId] as const,
  seen: (userId: string) => ["seen", userId] as const,
  wardrobe: (userId: string) => ["wardrobe", userId] as const,
  wardrobeItem: (userId: string, itemId: string) =>
    ["wardrobe", userId, itemId] as const,
  job: (jobId: string) => ["jobs", jobId] as const,
  /**
   * The few bytes of a job that its watchers need (lib/jobs/job.ts's
   * `JobHead`), written in every commit that writes the snapshot.
   */
  jobHead: (jobId: string) => ["job_heads", jobId] as const,
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
  addressQuota: (address: string) => ["address_quota", address] as const,
  idempotency: (userId: string, key: string) =>
    ["idempotency", userId, key] as const,
  looks: (userId: string) => ["looks", userId] as const,
  look: (userId: string, lookId: string) => ["looks", userId, lookId] as const,
  /** The look's own `share` names the token too; both change together. */
  share: (token: string) => ["shares", token] as const,
  recentOutfits: (userId: string) => ["recent_outfits", userId] as const,
  photos: (userId: string) => ["photos", userId] as const,
  photo: (userId: string, photoId: string) =>
    ["photos", userId, photoId] as const,
  lastPlace: (userId: string) => ["places", userId] as const,
  /** The pieces of a trip's packing list the shopper has ticked. */
  packed: (userId: string, jobId: string) => ["packed", userId, jobId] as const,
  packedTrips: (userId: string) => ["packed", userId] as const,
  /** `query` as lib/weather/forecast.ts normalises it. */
  geocode: (query: string) => ["geocodes", query] as const,
  /** Latitude and longitude to two decimals, as text. */
  forecast: (latitude: string, longitude: string, day: string) =>
    ["forecasts", latitude, longitude, day] as const,
  sessionSecret: () => ["config", "session_secret"] as const,
};

/** How often a read-check-write is tried before giving up. */
const MAX_COMMIT_ATTEMPTS = 12;

/** The first retry waits up to this; each one after, up to twice as long… */
const BACKOFF_BASE_MS = 4;
/** …but never longer than this. */
const BACKOFF_CAP_MS = 200;

/**
 * Too many writers at once for one read-check-write to get through: the
 * client should try again shortly (a 503 with Retry-After, not a 500).
 */
export class ContendedWriteError extends Refusal {
  override name = "ContendedWriteError";
  constructor(readonly what: string) {
    super("Too many changes at once. Please try again in a moment.", 503, 1);
  }
}

/**
 * Runs a read-check-write until it commits: `attempt` reads, builds an
 * atomic operation checked against what it read, and returns its result, or
 * null when the check failed because someone wrote in between. Between
 * tries it waits a random time up to an exponentially growing bound ("full
 * jitter"), so writers that collided do not collide again in lockstep.
 *
 * @example await untilCommitted("save the look", async () => { const e = await kv.get(k); return (await kv.atomic().check(e).set(k, v).commit()).ok ? v : null; })
 */
export async function untilCommitted<T>(
  what: string,
  attempt: () => Promise<T | null>,
): Promise<T> {
  for (let i = 0; i < MAX_COMMIT_ATTEMPTS; i++) {
    const result = await attempt();
    if (result !== null) return result;
    if (i + 1 === MAX_COMMIT_ATTEMPTS) break; // no wait before giving up
    const bound = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** i);
    await delay(Math.random() * bound);
  }
  throw new ContendedWriteError(what);
}

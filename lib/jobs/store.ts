/**
 * Jobs in Deno KV: creation (record + first event + queue message in one
 * commit), claiming by a worker, appending to the event log, and reading it
 * back. Every write checks the snapshot's versionstamp, so two writers can
 * never interleave events or reuse a sequence number.
 */
import { JOB_TTL_MS, keys, untilCommitted } from "../kv.ts";
import type {
  GenerateRequest,
  JobEvent,
  JobMessage,
  NewJobEvent,
} from "../schemas.ts";
import { applyEvent, headOf, isTerminal, type Job } from "./job.ts";
import {
  admitAddress,
  admitJob,
  admitService,
  type JobLimits,
  type JobQuota,
} from "./limits.ts";
import { MESSAGES, PROGRESS } from "./progress.ts";

export type JobEntry = { job: Job; versionstamp: string };

const ttl = { expireIn: JOB_TTL_MS };

/**
 * How long a job's record and log are kept: a day from each write, or until
 * its `keep_until` when that is later (a trip, until a day after it ends).
 */
export function jobTtl(job: Pick<Job, "keep_until">, now = Date.now()) {
  return { expireIn: Math.max(JOB_TTL_MS, (job.keep_until ?? 0) - now) };
}

export type CreateJobOptions = {
  userId: string;
  request: GenerateRequest;
  /** The shopper's limits; omitted, nothing is counted (internal callers). */
  limits?: JobLimits;
  /** Where the request came from, for the per-address rate (lib/client_address.ts). */
  address?: string;
  /** A repeat with the same key returns the job the first request made. */
  idempotencyKey?: string;
  /** False when the store has no queue: the sweep will find the job. */
  enqueue?: boolean;
  /** Keep the job at least until then (ms since epoch): its flow's call. */
  keepUntil?: number;
  /**
   * The flow's first events (consider buying's verdict), logged right after
   * "Getting ready…" in the creating commit, so they reach the shopper
   * before any outfit.
   */
  events?: NewJobEvent[];
};

export type CreateJobResult =
  | { kind: "created" | "replayed"; job: Job }
  /** The idempotency key was first used for a different request. */
  | { kind: "key_reused"; job: Job }
  | { kind: "limited"; error: string; retryAfterS: number };

/**
 * Creates a queued job. Its record, its first `progress` event (and, to
 * consider a purchase, the `verdict` right after it), its place in
 * the active index, the shopper's quota and idempotency key, and the queue
 * message all commit together: a client that gets the 202 can open the stream
 * and see "Getting ready…" at once; a job is never recorded without being enqueued
 * (or enqueued without a record); and two racing requests cannot both take
 * the shopper's last slot or both use one idempotency key.
 */
export async function createJob(
  kv: Deno.Kv,
  options: CreateJobOptions,
): Promise<CreateJobResult> {
  const { userId, limits, idempotencyKey, address } = options;
  const quotaKey = keys.jobQuota(userId);
  const addressKey = address === undefined ? null : keys.addressQuota(address);
  const keyKey = idempotencyKey === undefined
    ? null
    : keys.idempotency(userId, idempotencyKey);
  return await untilCommitted("create the job", async () => {
    const now = Date.now();
    const [quota, used, fromAddress] = await Promise.all([
      kv.get<JobQuota>(quotaKey),
      keyKey && kv.get<IdempotencyRecord>(keyKey),
      addressKey && kv.get<JobQuota>(addressKey),
    ]);
    const replay = used && await replayOf(kv, used.value, options.request);
    if (replay) return replay;
    let admitted: JobQuota | null = null;
    let addressAdmitted: JobQuota | null = null;
    if (limits) {
      const [mine, everyone] = await Promise.all([
        countActiveJobs(kv, userId),
        countActiveJobs(kv, undefined, limits.maxActiveJobs),
      ]);
      const admissions = [
        admitService(everyone, limits),
        admitJob(quota.value, mine, limits, now),
        fromAddress && limits.jobsPerMinutePerAddress > 0
          ? admitAddress(fromAddress.value, limits, now)
          : null,
      ];
      const refused = admissions.find((a) => a && !a.ok);
      if (refused && !refused.ok) return { kind: "limited", ...refused };
      const [, own, byAddress] = admissions;
      admitted = own!.ok ? own!.quota : null;
      addressAdmitted = byAddress?.ok ? byAddress.quota : null;
    }
    const { job, events } = newJob(userId, options, now);
    const message: JobMessage = { jobId: job.id };
    const kept = jobTtl(job, now);
    const op = kv.atomic()
      .check({ key: keys.job(job.id), versionstamp: null })
      .check(quota)
      .set(keys.job(job.id), job, kept)
      .set(keys.jobHead(job.id), headOf(job), kept)
      .set(keys.activeJob(userId, job.id), now, ttl);
    for (const event of events) {
      op.set(keys.jobEvent(job.id, event.seq), event, kept);
    }
    if (options.enqueue ?? true) op.enqueue(message);
    if (admitted) op.set(quotaKey, admitted, { expireIn: QUOTA_TTL_MS });
    if (addressKey && fromAddress && addressAdmitted) {
      // Checked too: two shoppers at one address cannot both take its last start.
      op.check(fromAddress).set(addressKey, addressAdmitted, {
        expireIn: QUOTA_TTL_MS,
      });
    }
    if (keyKey && used) op.check(used).set(keyKey, { job_id: job.id }, ttl);
    // Null when another request of this shopper committed first: decide again.
    return (await op.commit()).ok ? { kind: "created", job } : null;
  });
}

type IdempotencyRecord = { job_id: string };

/**
 * The job an earlier request with this idempotency key made, if it still
 * exists: `replayed` for the same request, `key_reused` for another one. The
 * route asks before it validates anything, so a retry gets its job even if
 * the wardrobe has changed since; `createJob` asks again inside its commit
 * loop, which settles two first uses racing each other.
 */
export async function findReplay(
  kv: Deno.Kv,
  userId: string,
  idempotencyKey: string,
  request: GenerateRequest,
): Promise<CreateJobResult | null> {
  const used = await kv.get<IdempotencyRecord>(
    keys.idempotency(userId, idempotencyKey),
  );
  return await replayOf(kv, used.value, request);
}

async function replayOf(
  kv: Deno.Kv,
  record: IdempotencyRecord | null,
  request: GenerateRequest,
): Promise<CreateJobResult | null> {
  const earlier = record && await getJob(kv, record.job_id);
  if (!earlier) return null;
  const same = JSON.stringify(earlier.job.request) === JSON.stringify(request);
  return { kind: same ? "replayed" : "key_reused", job: earlier.job };
}

/** A job record as the API creates it, with its first events folded in. */
function newJob(
  userId: string,
  { request, events: first = [], keepUntil }: Pick<
    CreateJobOptions,
    "request" | "events" | "keepUntil"
  >,
  now: number,
) {
  const at = new Date(now).toISOString();
  const blank: Job = {
    id: crypto.randomUUID(),
    user_id: userId,
    request,
    status: "queued",
    created_at: at,
    updated_at: at,
    seq: 0,
    progress: 0,
    message: "",
    current_outfit: 0,
    outfits: [],
    reasoning: "",
    attempts: 0,
    ...(keepUntil ? { keep_until: keepUntil } : {}),
  };
  const queued: NewJobEvent = {
    type: "progress",
    data: {
      progress: PROGRESS.queued,
      message: MESSAGES.queued,
      current_outfit: 0,
    },
  };
  const events = [queued, ...first].map((event, i) =>
    ({ ...event, seq: i + 1 }) as JobEvent
  );
  return { job: events.reduce(applyEvent, blank), events };
}

/** A quota only looks back a minute; keep it a little longer than that. */
const QUOTA_TTL_MS = 5 * 60_000;

/**
 * Unfinished jobs, of one shopper or (no `userId`) of everyone, counted up
 * to `most` (0: all): the service-wide cap only needs to know it is reached.
 */
async function countActiveJobs(
  kv: Deno.Kv,
  userId?: string,
  most = 0,
): Promise<number> {
  if (userId === undefined && most <= 0) return 0;
  let count = 0;
  const entries = kv.list(
    { prefix: keys.activeJobs(userId) },
    most > 0 ? { limit: most } : {},
  );
  for await (const _ of entries) count++;
  return count;
}

export async function getJob(
  kv: Deno.Kv,
  jobId: string,
): Promise<JobEntry | null> {
  const entry = await kv.get<Job>(keys.job(jobId));
  return entry.value
    ? { job: entry.value, versionstamp: entry.versionstamp }
    : null;
}

/** The job if `userId` owns it; anyone else is told it does not exist. */
export async function getOwnJob(
  kv: Deno.Kv,
  jobId: string,
  userId: string,
): Promise<Job | null> {
  const entry = await getJob(kv, jobId);
  return entry && entry.job.user_id === userId ? entry.job : null;
}

/**
 * Takes a job for a worker: a queued job, or a running one whose lease has
 * lapsed (its worker died). Returns null when someone else holds it or it has
 * ended, which is what makes a duplicate queue delivery a no-op.
 */
export async function claimJob(
  kv: Deno.Kv,
  jobId: string,
  { leaseMs, now = Date.now() }: { leaseMs: number; now?: number },
): Promise<JobEntry | null> {
  const entry = await getJob(kv, jobId);
  if (!entry) return null;
  const { job } = entry;
  const lapsed = job.status === "running" && (job.lease?.until ?? 0) < now;
  if (job.status !== "queued" && !lapsed) return null;
  const claimed: Job = {
    ...job,
    status: "running",
    attempts: job.attempts + 1,
    lease: { token: crypto.randomUUID(), until: now + leaseMs },
    updated_at: new Date(now).toISOString(),
  };
  const res = await kv.atomic()
    .check({ key: keys.job(jobId), versionstamp: entry.versionstamp })
    .set(keys.job(jobId), claimed, jobTtl(claimed, now))
    .set(keys.jobHead(jobId), headOf(claimed), jobTtl(claimed, now))
    .commit();
  return res.ok ? { job: claimed, versionstamp: res.versionstamp } : null;
}

/**
 * Appends events to the log and folds them into the snapshot, in one commit
 * that only succeeds if the snapshot is still `entry` (returns null if not).
 * `patch` updates bookkeeping fields, such as the lease, in the same commit.
 */
export async function appendEvents(
  kv: Deno.Kv,
  entry: JobEntry,
  events: NewJobEvent[],
  patch: Partial<Pick<Job, "lease" | "usage" | "stylist" | "attempts">> = {},
): Promise<JobEntry | null> {
  let job: Job = { ...entry.job, ...patch };
  const op = kv.atomic().check({
    key: keys.job(job.id),
    versionstamp: entry.versionstamp,
  });
  const kept = jobTtl(job);
  const appended: JobEvent[] = [];
  for (const event of events) {
    const logged = { ...event, seq: job.seq + 1 } as JobEvent;
    job = applyEvent(job, logged);
    op.set(keys.jobEvent(job.id, logged.seq), logged, kept);
    appended.push(logged);
  }
  job.updated_at = new Date().toISOString();
  op.set(keys.job(job.id), job, kept);
  // What the feeds watch (lib/jobs/feed.ts): same commit, same versionstamp.
  op.set(keys.jobHead(job.id), { ...headOf(job), events: appended }, kept);
  if (isTerminal(job.status)) op.delete(keys.activeJob(job.user_id, job.id));
  const res = await op.commit();
  return res.ok ? { job, versionstamp: res.versionstamp } : null;
}

/** The events after `afterSeq`, in order. */
export async function listEvents(
  kv: Deno.Kv,
  jobId: string,
  afterSeq = 0,
): Promise<JobEvent[]> {
  const events: JobEvent[] = [];
  const iter = kv.list<JobEvent>({
    prefix: keys.jobEvents(jobId),
    start: keys.jobEvent(jobId, afterSeq + 1),
  });
  for await (const entry of iter) events.push(entry.value);
  return events;
}

export const CANCELLED_MESSAGE = "Cancelled";

/**
 * Ends `userId`'s job at their request, keeping the outfits already finished.
 * The worker notices through its watch on the job and stops the model.
 * Returns the job as it now stands (unchanged if it had already ended), or
 * null if the user has no such job.
 */
export async function cancelJob(
  kv: Deno.Kv,
  jobId: string,
  userId: string,
): Promise<Job | null> {
  const { job } = await untilCommitted("cancel the job", async () => {
    const entry = await getJob(kv, jobId);
    if (!entry || entry.job.user_id !== userId) return { job: null };
    if (isTerminal(entry.job.status)) return { job: entry.job };
    const next = await appendEvents(kv, entry, [{
      type: "error",
      data: {
        error: CANCELLED_MESSAGE,
        partial: { outfits: entry.job.outfits },
        cancelled: true,
      },
    }]);
    return next && { job: next.job };
  });
  return job;
}

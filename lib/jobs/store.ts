/**
 * Jobs in Deno KV: creation (record + first event + queue message in one
 * commit), claiming by a worker, appending to the event log, and reading it
 * back. Every write checks the snapshot's versionstamp, so two writers can
 * never interleave events or reuse a sequence number.
 */
import { JOB_TTL_MS, keys } from "../kv.ts";
import type {
  GenerateRequest,
  JobEvent,
  JobMessage,
  NewJobEvent,
} from "../schemas.ts";
import { applyEvent, isTerminal, type Job } from "./job.ts";
import { MESSAGES, PROGRESS } from "./progress.ts";

export type JobEntry = { job: Job; versionstamp: string };

const ttl = { expireIn: JOB_TTL_MS };

/**
 * Creates a queued job. Its record, its first `progress` event and the queue
 * message commit together: a client that gets the 202 can open the stream
 * and see "Queued…" at once, and a job is never recorded without being
 * enqueued (or enqueued without a record).
 */
export async function createJob(
  kv: Deno.Kv,
  { userId, request }: { userId: string; request: GenerateRequest },
): Promise<Job> {
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  const blank: Job = {
    id,
    user_id: userId,
    request,
    status: "queued",
    created_at: now,
    updated_at: now,
    seq: 0,
    progress: 0,
    message: "",
    current_outfit: 0,
    outfits: [],
    reasoning: "",
    attempts: 0,
  };
  const first: JobEvent = {
    seq: 1,
    type: "progress",
    data: {
      progress: PROGRESS.queued,
      message: MESSAGES.queued,
      current_outfit: 0,
    },
  };
  const job = applyEvent(blank, first);
  const message: JobMessage = { jobId: id };
  const res = await kv.atomic()
    .check({ key: keys.job(id), versionstamp: null })
    .set(keys.job(id), job, ttl)
    .set(keys.jobEvent(id, first.seq), first, ttl)
    .enqueue(message, { keysIfUndelivered: [keys.undelivered(id)] })
    .commit();
  if (!res.ok) throw new Error(`Cannot create job "${id}": id already taken`);
  return job;
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
    .set(keys.job(jobId), claimed, ttl)
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
  patch: Partial<Pick<Job, "lease" | "usage" | "stylist">> = {},
): Promise<JobEntry | null> {
  let job: Job = { ...entry.job, ...patch };
  const op = kv.atomic().check({
    key: keys.job(job.id),
    versionstamp: entry.versionstamp,
  });
  for (const event of events) {
    const logged = { ...event, seq: job.seq + 1 } as JobEvent;
    job = applyEvent(job, logged);
    op.set(keys.jobEvent(job.id, logged.seq), logged, ttl);
  }
  job.updated_at = new Date().toISOString();
  op.set(keys.job(job.id), job, ttl);
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
  for (;;) {
    const entry = await getJob(kv, jobId);
    if (!entry || entry.job.user_id !== userId) return null;
    if (isTerminal(entry.job.status)) return entry.job;
    const next = await appendEvents(kv, entry, [{
      type: "error",
      data: {
        error: CANCELLED_MESSAGE,
        partial: { outfits: entry.job.outfits },
        cancelled: true,
      },
    }]);
    if (next) return next.job;
  }
}

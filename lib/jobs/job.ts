/**
 * A job's live snapshot and the one function that moves it forward.
 *
 * The event log is the truth; the snapshot in ["jobs", id] is the log folded
 * by `applyEvent`, written in the same atomic commit as the events. That keeps
 * `GET /api/jobs/:id` a single read. Beside it, ["job_heads", id] holds the
 * little `kv.watch` wakes on (`JobHead`).
 */
import type {
  GenerateRequest,
  JobContext,
  JobEvent,
  JobResult,
  JobStatus,
  Outfit,
  TokenUsage,
  Verdict,
} from "../schemas.ts";

export type Job = {
  id: string;
  user_id: string;
  request: GenerateRequest;
  status: JobStatus;
  created_at: string;
  updated_at: string;
  /** Sequence number of the last event in the log. */
  seq: number;
  progress: number;
  message: string;
  current_outfit: number;
  /** Outfits finished so far, in the order they were announced. */
  outfits: Outfit[];
  /** Consider buying: the rules' verdict, known from the start. */
  verdict?: Verdict;
  /** The day, place, forecast and notes the job dresses for. */
  context?: JobContext;
  /** Reasoning written so far (debug jobs only). */
  reasoning: string;
  result?: JobResult;
  error?: string;
  usage?: TokenUsage;
  /** Which stylist ran the job: "local" or a model name. */
  stylist?: string;
  /** Delivery attempts that claimed the job. */
  attempts: number;
  /**
   * Kept at least until then (ms since epoch), not only a day: a trip's
   * reveal page and packing list last until the trip is over.
   */
  keep_until?: number;
  /** The worker that holds the job, and until when (ms since epoch). */
  lease?: { token: string; until: number };
};

/**
 * What a job's watchers need of its snapshot: how far its log goes, whether
 * it has ended, which claim holds it, and what the commit appended.
 * Written beside the snapshot in every commit that writes it (same
 * versionstamp), so a `kv.watch` wakes on the head (~60 bytes and the new
 * events, most of them a progress line) instead of decoding the ~2.4 KB
 * snapshot per commit, in every thread that follows the job.
 */
export type JobHead = {
  seq: number;
  status: JobStatus;
  /** The lease's token (the claim), if a worker holds the job. */
  lease?: string;
  /**
   * The events the commit that wrote this head appended, up to `seq`: a
   * feed that has the log up to the first of them delivers them from the
   * wake-up itself, without a read queued behind every other on the store.
   */
  events?: JobEvent[];
};

export function headOf(job: Job): JobHead {
  return job.lease
    ? { seq: job.seq, status: job.status, lease: job.lease.token }
    : { seq: job.seq, status: job.status };
}

export function isTerminal(status: JobStatus): boolean {
  return status === "complete" || status === "failed" ||
    status === "cancelled";
}

/**
 * The part of a job its events describe: what the server's snapshot and the
 * reveal island both fold the log into, so a page that followed the stream
 * shows what a reload would.
 */
export type JobState = Pick<
  Job,
  | "seq"
  | "status"
  | "progress"
  | "message"
  | "current_outfit"
  | "outfits"
  | "verdict"
  | "context"
  | "reasoning"
  | "result"
  | "error"
  | "lease"
>;

/** Folds one event into the snapshot; pure, so the log can be replayed. */
export function applyEvent<S extends JobState>(job: S, event: JobEvent): S {
  const next: S = { ...job, seq: event.seq };
  switch (event.type) {
    case "progress":
      next.progress = Math.max(job.progress, event.data.progress);
      next.message = event.data.message;
      next.current_outfit = event.data.current_outfit;
      break;
    case "outfit":
      next.outfits = [...job.outfits, event.data.outfit];
      break;
    case "verdict":
      next.verdict = event.data.verdict;
      break;
    case "context":
      next.context = event.data.context;
      break;
    case "reasoning":
      next.reasoning = job.reasoning + event.data.delta;
      break;
    case "complete":
      next.status = "complete";
      next.progress = 100;
      next.result = event.data.result;
      next.lease = undefined;
      break;
    case "error":
      next.status = event.data.cancelled ? "cancelled" : "failed";
      next.error = event.data.error;
      next.lease = undefined;
      break;
  }
  return next;
}

/** What `GET /api/jobs/:id` answers: the snapshot without internals. */
export function jobView(job: Job) {
  return {
    job_id: job.id,
    mode: job.request.mode,
    status: job.status,
    progress: job.progress,
    message: job.message,
    current_outfit: job.current_outfit,
    outfits: job.outfits,
    ...(job.verdict ? { verdict: job.verdict } : {}),
    ...(job.context ? { context: job.context } : {}),
    ...(job.request.include_reasoning ? { reasoning: job.reasoning } : {}),
    ...(job.result ? { result: job.result } : {}),
    ...(job.error ? { error: job.error } : {}),
    last_event_id: job.seq,
    created_at: job.created_at,
    updated_at: job.updated_at,
  };
}
export type JobView = ReturnType<typeof jobView>;

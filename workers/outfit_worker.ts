/**
 * The queue handler that runs a generation job: claim it, load the wardrobe,
 * let the stylist work, and turn what it yields into events on the job's log.
 * Delivery is at-least-once, so a message for a job that is already claimed or
 * finished does nothing.
 */
import { MESSAGES, PROGRESS } from "../lib/jobs/progress.ts";
import { claimJob } from "../lib/jobs/store.ts";
import { watchForLoss } from "../lib/jobs/watch.ts";
import { JobLostError, JobWriter } from "../lib/jobs/writer.ts";
import { JobMessage, type JobResult, OUTFITS_PER_JOB } from "../lib/schemas.ts";
import { type Stylist, StylistError } from "../lib/stylist/types.ts";
import { listWardrobe } from "../lib/wardrobe.ts";
import { rememberShown } from "../lib/looks/recent.ts";
import { loadTaste } from "../lib/looks/taste.ts";
import { styleOutfits } from "./styling.ts";

export type WorkerOptions = {
  kv: Deno.Kv;
  /** Does the styling: the model, or the built-in stylist without a key. */
  stylist: Stylist;
  /** Replaces invalid outfits and finishes after a model failure. */
  fallback?: Stylist;
  leaseMs: number;
  reasoningFlushMs?: number;
  /** Claims a job may take (first run plus retries after crashes). */
  maxAttempts?: number;
};

/** A job whose worker died this many times is not retried again. */
export const MAX_ATTEMPTS = 3;

export const GAVE_UP_MESSAGE =
  "We couldn't finish your outfits this time. Here is what was ready; please try again.";

/** Starts taking jobs from the queue; resolves when the KV store closes. */
export function startOutfitWorker(options: WorkerOptions): Promise<void> {
  return options.kv.listenQueue((message) =>
    handleJobMessage(options, message)
  );
}

export async function handleJobMessage(
  options: WorkerOptions,
  message: unknown,
): Promise<void> {
  const parsed = JobMessage.safeParse(message);
  if (!parsed.success) {
    console.warn("Ignoring a queue message of unknown shape:", message);
    return;
  }
  await runJob(options, parsed.data.jobId);
}

/** Runs one job to `complete` or `error`, unless another worker holds it. */
export async function runJob(
  options: WorkerOptions,
  jobId: string,
): Promise<void> {
  const { kv, leaseMs, reasoningFlushMs } = options;
  const claimed = await claimJob(kv, jobId, { leaseMs });
  if (!claimed) return;
  const writer = new JobWriter(kv, claimed, { leaseMs, reasoningFlushMs });
  const { attempts } = claimed.job;
  const abort = new AbortController();
  // A cancel must stop the model now, not at the worker's next write.
  const stopWatching = watchForLoss(
    kv,
    jobId,
    claimed.job.lease!.token,
    (job) => abort.abort(new JobLostError(jobId, job)),
  );
  try {
    if (attempts > (options.maxAttempts ?? MAX_ATTEMPTS)) {
      // Its workers keep dying on it: whatever kills them would kill the next.
      console.error(`Job "${jobId}" gave up after ${attempts - 1} attempts`);
      throw new StylistError(GAVE_UP_MESSAGE);
    }
    const [wardrobe, taste] = await Promise.all([
      listWardrobe(kv, claimed.job.user_id),
      loadTaste(kv, claimed.job.user_id),
    ]);
    await writer.progress(
      PROGRESS.wardrobeLoaded,
      attempts > 1 ? MESSAGES.resuming : MESSAGES.wardrobeLoaded,
      writer.job.current_outfit,
    );
    const fallback = await styleOutfits({
      writer,
      wardrobe,
      taste,
      signal: abort.signal,
      primary: options.stylist,
      fallback: options.fallback ?? null,
    });
    await writer.progress(
      PROGRESS.finalizing,
      MESSAGES.finalizing,
      OUTFITS_PER_JOB,
    );
    await writer.flush();
    // Before the end is announced: a shopper who asks again at once must
    // already find these outfits remembered.
    await remember(kv, writer);
    await writer.append(
      {
        type: "progress",
        data: {
          progress: PROGRESS.complete,
          message: MESSAGES.complete,
          current_outfit: OUTFITS_PER_JOB,
        },
      },
      { type: "complete", data: { result: resultOf(writer, fallback) } },
    );
  } catch (err) {
    // Cancelled or taken over: what was shown still counts as shown.
    await remember(kv, writer);
    if (err instanceof JobLostError || abort.signal.aborted) return;
    await fail(writer, err);
  } finally {
    writer.close();
    stopWatching();
    abort.abort();
  }
}

/**
 * Notes the outfits the job showed, so asking again gives new ones. Never
 * fails the job: a shopper keeps their outfits even if this write is lost.
 */
async function remember(kv: Deno.Kv, writer: JobWriter): Promise<void> {
  try {
    await rememberShown(kv, writer.job.user_id, writer.job.outfits);
  } catch (err) {
    console.error(`Job "${writer.job.id}": outfits not remembered:`, err);
  }
}

function resultOf(
  writer: JobWriter,
  fallback: JobResult["fallback"],
): JobResult {
  const { outfits, reasoning, request, usage, verdict } = writer.job;
  return {
    outfits,
    ...(verdict ? { verdict } : {}),
    ...(request.include_reasoning ? { reasoning } : {}),
    ...(usage ? { usage } : {}),
    ...(fallback ? { fallback } : {}),
  };
}

/** Ends the job with an error that keeps whatever outfits were finished. */
async function fail(writer: JobWriter, err: unknown): Promise<void> {
  const shopperSafe = err instanceof StylistError;
  if (!shopperSafe) console.error(`Job "${writer.job.id}" failed:`, err);
  const error = shopperSafe
    ? err.message
    : "Something went wrong while styling your outfits";
  try {
    await writer.flush().catch(() => {});
    await writer.append({
      type: "error",
      data: { error, partial: { outfits: writer.job.outfits } },
    });
  } catch (lost) {
    if (!(lost instanceof JobLostError)) throw lost;
  }
}

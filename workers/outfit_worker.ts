/**
 * The queue handler that runs a generation job: claim it, load the wardrobe,
 * let the stylist work, and turn what it yields into events on the job's log.
 * Delivery is at-least-once, so a message for a job that is already claimed or
 * finished does nothing.
 */
import { MESSAGES, outfitProgress, PROGRESS } from "../lib/jobs/progress.ts";
import { claimJob } from "../lib/jobs/store.ts";
import { JobLostError, JobWriter } from "../lib/jobs/writer.ts";
import {
  JobMessage,
  type JobResult,
  type Outfit,
  OUTFITS_PER_JOB,
  type WardrobeItem,
} from "../lib/schemas.ts";
import { validateOutfit } from "../lib/stylist/outfit_rules.ts";
import { type Stylist, StylistError } from "../lib/stylist/types.ts";
import { listWardrobe } from "../lib/wardrobe.ts";

export type WorkerOptions = {
  kv: Deno.Kv;
  stylist: Stylist;
  leaseMs: number;
  reasoningFlushMs?: number;
};

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
  const abort = new AbortController();
  try {
    const wardrobe = await listWardrobe(kv, claimed.job.user_id);
    await writer.progress(
      PROGRESS.wardrobeLoaded,
      MESSAGES.wardrobeLoaded,
      writer.job.current_outfit,
    );
    await styleOutfits(options.stylist, writer, wardrobe, abort.signal);
    await writer.progress(
      PROGRESS.finalizing,
      MESSAGES.finalizing,
      OUTFITS_PER_JOB,
    );
    await writer.flush();
    await writer.append(
      {
        type: "progress",
        data: {
          progress: PROGRESS.complete,
          message: MESSAGES.complete,
          current_outfit: OUTFITS_PER_JOB,
        },
      },
      { type: "complete", data: { result: resultOf(writer) } },
    );
  } catch (err) {
    if (err instanceof JobLostError) return;
    await fail(writer, err);
  } finally {
    abort.abort();
  }
}

/** Streams the stylist's work into the log, outfit by outfit. */
async function styleOutfits(
  stylist: Stylist,
  writer: JobWriter,
  wardrobe: WardrobeItem[],
  signal: AbortSignal,
): Promise<void> {
  const { request, id } = writer.job;
  // After a crash the job may already hold outfits: carry on from there.
  const before = writer.job.outfits.length;
  let current = before;
  const events = stylist.generate({
    request,
    wardrobe,
    signal,
    seed: id,
    avoid: writer.job.outfits,
    count: OUTFITS_PER_JOB - before,
  });
  for await (const event of events) {
    switch (event.type) {
      case "outfit_started":
        current = before + event.outfit_number;
        await writer.progress(
          outfitProgress(current, 0),
          MESSAGES.creating(current),
          current,
        );
        break;
      case "outfit_progress":
        await writer.progress(
          outfitProgress(current, event.fraction),
          MESSAGES.creating(current),
          current,
        );
        break;
      case "reasoning":
        if (request.include_reasoning) writer.reasoning(event.delta);
        break;
      case "outfit": {
        const check = validateOutfit(event.outfit, {
          request,
          wardrobe,
          earlier: writer.job.outfits,
        });
        if (!check.ok) {
          throw new Error(
            `Stylist "${stylist.name}" proposed an invalid outfit: ${check.reason}`,
          );
        }
        const outfit: Outfit = {
          ...event.outfit,
          items: check.items,
          source: stylist.source,
        };
        await writer.append({
          type: "outfit",
          data: { outfit_number: writer.job.outfits.length + 1, outfit },
        });
        break;
      }
    }
  }
  if (writer.job.outfits.length < OUTFITS_PER_JOB) {
    throw new Error(
      `Stylist "${stylist.name}" stopped after ${writer.job.outfits.length} outfits`,
    );
  }
}

function resultOf(writer: JobWriter): JobResult {
  const { outfits, reasoning, request, usage } = writer.job;
  return {
    outfits,
    ...(request.include_reasoning ? { reasoning } : {}),
    ...(usage ? { usage } : {}),
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

/**
 * Taking jobs from the KV queue: each message carries only a job id, and the
 * runner decides (by claiming) whether anything runs. Delivery is
 * at-least-once, so a repeat or an unknown id simply does nothing.
 */
import { JobMessage } from "../schemas.ts";
import type { JobRunner } from "./runner.ts";

/** Handles one queue message: runs the job it names, if it is one. */
export async function handleJobMessage(
  runner: JobRunner,
  message: unknown,
): Promise<void> {
  // Shutting down: refuse, so the queue delivers it again (to the next
  // instance, or this one restarted) instead of it being taken and dropped.
  if (runner.closed) throw new Error("Shutting down; the job stays queued");
  const parsed = JobMessage.safeParse(message);
  if (!parsed.success) {
    console.warn("Ignoring a queue message of unknown shape:", message);
    return;
  }
  await runner.run(parsed.data.jobId);
}

/**
 * Listens on `queueKv` until it is closed. A delivery that arrives once a
 * shutdown began is refused (above), so the queue redelivers it elsewhere,
 * while the jobs already running keep writing through the same handle.
 */
export function listenForJobs(
  queueKv: Deno.Kv,
  runner: JobRunner,
): Promise<void> {
  return queueKv.listenQueue((message) => handleJobMessage(runner, message));
}

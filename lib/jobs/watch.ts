/**
 * Lets a worker hear, within milliseconds, that its job was ended by someone
 * else (a cancel) or taken over (its lease lapsed and another worker claimed
 * it). Without this a worker would only find out at its next write, which a
 * stalled model may not make for many seconds.
 */
import { keys } from "../kv.ts";
import { isTerminal, type Job } from "./job.ts";

/**
 * Calls `onLost` once when the job ends or changes hands away from the
 * lease `token`. Returns a function that stops watching.
 */
export function watchForLoss(
  kv: Deno.Kv,
  jobId: string,
  token: string,
  onLost: (job: Job | null) => void,
): () => void {
  const reader = kv.watch<[Job]>([keys.job(jobId)]).getReader();
  (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      const job = value[0].value;
      if (!job || isTerminal(job.status) || job.lease?.token !== token) {
        // The worker's own final write also lands here; by then its work is
        // done, so the abort this causes changes nothing.
        onLost(job);
        return;
      }
    }
  })().catch(() => {}).finally(() => reader.cancel().catch(() => {}));
  return () => void reader.cancel().catch(() => {});
}

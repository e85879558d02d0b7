/**
 * Helpers for the job core's unit tests: a fresh in-memory store with one
 * queued job in it. Only tests import this module.
 */
import type { GenerateRequest } from "../schemas.ts";
import { createJob } from "./store.ts";

export const REQUEST: GenerateRequest = {
  mode: "occasion",
  occasions: ["casual"],
  include_reasoning: true,
  parallel: false,
};

/** A store with `count` queued jobs; disposing it closes the store. */
export async function storeWithJobs(count = 1) {
  const kv = await Deno.openKv(":memory:");
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const created = await createJob(kv, {
      userId: "shopper",
      request: REQUEST,
      enqueue: false,
    });
    if (created.kind !== "created") throw new Error("no job");
    ids.push(created.job.id);
  }
  return { kv, ids, [Symbol.dispose]: () => kv.close() };
}

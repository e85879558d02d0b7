/**
 * What a shopper has ticked off a trip's packing list: the ids of the
 * pieces already in the case, kept per shopper and trip for as long as the
 * trip's job (until a day after the trip).
 */
import { keys, untilCommitted } from "../kv.ts";
import type { Job } from "../jobs/job.ts";
import { jobTtl } from "../jobs/store.ts";

export async function getPacked(
  kv: Deno.Kv,
  job: Pick<Job, "id" | "user_id">,
): Promise<string[]> {
  return (await kv.get<string[]>(keys.packed(job.user_id, job.id))).value ??
    [];
}

/** Ticks or unticks one piece; answers the whole list as it now stands. */
export async function setPacked(
  kv: Deno.Kv,
  job: Pick<Job, "id" | "user_id" | "keep_until">,
  itemId: string,
  packed: boolean,
): Promise<string[]> {
  const key = keys.packed(job.user_id, job.id);
  return await untilCommitted("tick the packing list", async () => {
    const entry = await kv.get<string[]>(key);
    const ids = new Set(entry.value ?? []);
    if (packed) ids.add(itemId);
    else ids.delete(itemId);
    const next = [...ids];
    const { ok } = await kv.atomic().check(entry).set(key, next, jobTtl(job))
      .commit();
    return ok ? next : null;
  });
}

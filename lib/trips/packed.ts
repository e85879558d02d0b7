/**
 * What a shopper has ticked off a trip's packing list: the ids of the
 * pieces already in the case, kept per shopper and trip for as long as the
 * trip's job lives.
 */
import { JOB_TTL_MS, keys, untilCommitted } from "../kv.ts";

export async function getPacked(
  kv: Deno.Kv,
  userId: string,
  jobId: string,
): Promise<string[]> {
  return (await kv.get<string[]>(keys.packed(userId, jobId))).value ?? [];
}

/** Ticks or unticks one piece; answers the whole list as it now stands. */
export async function setPacked(
  kv: Deno.Kv,
  userId: string,
  jobId: string,
  itemId: string,
  packed: boolean,
): Promise<string[]> {
  const key = keys.packed(userId, jobId);
  return await untilCommitted("tick the packing list", async () => {
    const entry = await kv.get<string[]>(key);
    const ids = new Set(entry.value ?? []);
    if (packed) ids.add(itemId);
    else ids.delete(itemId);
    const next = [...ids];
    const { ok } = await kv.atomic().check(entry).set(key, next, {
      expireIn: JOB_TTL_MS,
    }).commit();
    return ok ? next : null;
  });
}

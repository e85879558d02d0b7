/**
 * Looks in Deno KV, one key per look under the shopper: `["looks", user,
 * id]`. They never expire. Every change is a read-check-write, so a double
 * click, two tabs or a retried request end in the same state.
 */
import { getOwnJob } from "../jobs/store.ts";
import { keys, untilCommitted } from "../kv.ts";
import { Refusal } from "../refusal.ts";
import {
  applyChange,
  isListed,
  type Look,
  type LookChange,
  lookFromOutfit,
} from "./look.ts";

/** Enough for years of outfits; keeps the shopper's list one quick read. */
export const MAX_LOOKS = 500;

export class TooManyLooksError extends Refusal {
  override name = "TooManyLooksError";
  constructor() {
    super(
      `You can keep up to ${MAX_LOOKS} looks. Remove a few you no longer wear to keep new ones.`,
      409,
    );
  }
}

/** Every look of the shopper, saved or not (ratings count too). */
export async function listLooks(
  kv: Deno.Kv,
  userId: string,
): Promise<Look[]> {
  const looks: Look[] = [];
  for await (const entry of kv.list<Look>({ prefix: keys.looks(userId) })) {
    looks.push(entry.value);
  }
  return looks;
}

/** What `/looks` shows: saved or worn, the most recently touched first. */
export async function listedLooks(
  kv: Deno.Kv,
  userId: string,
): Promise<Look[]> {
  return (await listLooks(kv, userId))
    .filter(isListed)
    .sort((a, b) => b.updated_at.localeCompare(a.updated_at));
}

export async function getLook(
  kv: Deno.Kv,
  userId: string,
  lookId: string,
): Promise<Look | null> {
  return (await kv.get<Look>(keys.look(userId, lookId))).value;
}

/** The looks with these ids that exist, by id (for a page of outfits). */
export async function getLooks(
  kv: Deno.Kv,
  userId: string,
  lookIds: readonly string[],
): Promise<Map<string, Look>> {
  const found = new Map<string, Look>();
  // getMany takes at most 10 keys a call.
  for (let i = 0; i < lookIds.length; i += 10) {
    const entries = await kv.getMany<Look[]>(
      lookIds.slice(i, i + 10).map((id) => keys.look(userId, id)),
    );
    for (const entry of entries) {
      if (entry.value) found.set(entry.value.id, entry.value);
    }
  }
  return found;
}

/** Changes one of the shopper's looks; null if they have no such look. */
export async function changeLook(
  kv: Deno.Kv,
  userId: string,
  lookId: string,
  change: LookChange,
  now = new Date(),
): Promise<Look | null> {
  const key = keys.look(userId, lookId);
  return await untilCommitted("change the look", async () => {
    const entry = await kv.get<Look>(key);
    if (!entry.value) return { look: null };
    const look = applyChange(entry.value, change, now);
    if (look === entry.value) return { look };
    const res = await kv.atomic().check(entry).set(key, look).commit();
    return res.ok ? { look } : null;
  }).then((result) => result.look);
}

export type KeptLook = { look: Look; created: boolean };

/**
 * Keeps outfit `outfitNumber` of one of the shopper's jobs as a look (or
 * finds the look it already is) and applies `change`. Null when the job is
 * not theirs or has no such outfit.
 */
export async function keepOutfit(
  kv: Deno.Kv,
  userId: string,
  jobId: string,
  outfitNumber: number,
  change: LookChange,
  now = new Date(),
): Promise<KeptLook | null> {
  const job = await getOwnJob(kv, jobId, userId);
  const outfit = job?.outfits[outfitNumber - 1];
  if (!job || !outfit) return null;
  const fresh = await lookFromOutfit(outfit, {
    job_id: jobId,
    outfit_number: outfitNumber,
    mode: job.request.mode,
  }, now);
  const key = keys.look(userId, fresh.id);
  return await untilCommitted("keep the look", async () => {
    const entry = await kv.get<Look>(key);
    // A soft cap: two looks kept at the same instant may both fit in.
    if (!entry.value && (await listLooks(kv, userId)).length >= MAX_LOOKS) {
      throw new TooManyLooksError();
    }
    const look = applyChange(entry.value ?? fresh, change, now);
    const res = await kv.atomic().check(entry).set(key, look).commit();
    return res.ok ? { look, created: !entry.value } : null;
  });
}

/**
 * The outfits a shopper was shown lately, newest first: asked again, the
 * stylists give new looks instead of these. One small KV value per shopper,
 * written when a job ends; it never expires, because "lately" is a count
 * (the last {@link RECENT_LIMIT} outfits), not a time.
 */
import { keys, untilCommitted } from "../kv.ts";

/** Ten batches of three: enough to keep four "Style three more" fresh. */
export const RECENT_LIMIT = 30;

/**
 * `recent` with `shown` put in front (the last of `shown` is the newest),
 * without repeats, cut to {@link RECENT_LIMIT}.
 *
 * @example withShown([["a", "b"]], [{ item_ids: ["c", "d"] }]) // [["c", "d"], ["a", "b"]]
 */
export function withShown(
  recent: readonly string[][],
  shown: readonly { item_ids: readonly string[] }[],
): string[][] {
  const newest = shown.map((outfit) => [...outfit.item_ids]).reverse();
  const seen = new Set<string>();
  return [...newest, ...recent].filter((ids) => {
    const key = [...ids].sort().join(" ");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).slice(0, RECENT_LIMIT);
}

type RecentRecord = { outfits: string[][] };

/** The shopper's recent outfits, newest first (empty for a new shopper). */
export async function readRecent(
  kv: Deno.Kv,
  userId: string,
): Promise<string[][]> {
  return (await kv.get<RecentRecord>(keys.recentOutfits(userId))).value
    ?.outfits ?? [];
}

/** Adds the outfits a job showed; two jobs ending at once both land. */
export async function rememberShown(
  kv: Deno.Kv,
  userId: string,
  shown: readonly { item_ids: readonly string[] }[],
): Promise<void> {
  if (shown.length === 0) return;
  const key = keys.recentOutfits(userId);
  await untilCommitted("record the outfits shown", async () => {
    const current = await kv.get<RecentRecord>(key);
    const outfits = withShown(current.value?.outfits ?? [], shown);
    const res = await kv.atomic().check(current).set(key, { outfits })
      .commit();
    return res.ok || null;
  });
}

/**
 * What the stylists learn from a shopper's history: outfits shown lately
 * (asked again, give new looks), outfits worn in the last two weeks or
 * disliked (never again, nor a near copy), and outfits liked (their
 * pairings are preferred).
 */
import type { Taste } from "../stylist/types.ts";
import type { Look } from "./look.ts";
import { readRecent } from "./recent.ts";
import { listLooks } from "./store.ts";

/** Worn within this many days: too soon to suggest again. */
export const WORN_RECENTLY_DAYS = 14;
/** The stylists need the newest of these, not all of them. */
const MAX_BLOCKED = 40;
const MAX_LIKED = 20;

const ids = (look: Look) => look.items.map((item) => item.id);

/**
 * The taste a set of looks and recent outfits add up to, as of `today`.
 *
 * @example tasteOf(looks, recent, new Date()).blocked.length
 */
export function tasteOf(
  looks: readonly Look[],
  recent: string[][],
  today: Date,
): Taste {
  const since = new Date(today.getTime() - WORN_RECENTLY_DAYS * 86_400_000)
    .toISOString().slice(0, 10);
  const newest = [...looks].sort((a, b) =>
    b.updated_at.localeCompare(a.updated_at)
  );
  const blocked: Taste["blocked"] = [];
  for (const look of newest) {
    if (look.rating === "down") {
      blocked.push({ item_ids: ids(look), reason: "disliked" });
    } else if (look.worn.some((day) => day >= since)) {
      blocked.push({ item_ids: ids(look), reason: "worn" });
    }
  }
  return {
    recent,
    blocked: blocked.slice(0, MAX_BLOCKED),
    liked: newest.filter((look) => look.rating === "up").map(ids).slice(
      0,
      MAX_LIKED,
    ),
  };
}

/** The shopper's taste as stored in KV. */
export async function loadTaste(
  kv: Deno.Kv,
  userId: string,
  today = new Date(),
): Promise<Taste> {
  const [looks, recent] = await Promise.all([
    listLooks(kv, userId),
    readRecent(kv, userId),
  ]);
  return tasteOf(looks, recent, today);
}

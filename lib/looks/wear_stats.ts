/**
 * How much each piece is worn, from the days the shopper marked looks as
 * worn: a look worn on a day counts one wear for each of its pieces.
 */
import type { Look } from "./look.ts";

export type WearStats = {
  /** Days worn (a piece in two looks worn the same day counts once). */
  count: number;
  /** The last day worn, `YYYY-MM-DD`. */
  last: string;
};

/** Wear statistics per item id, for every piece worn at least once. */
export function wearStats(looks: readonly Look[]): Map<string, WearStats> {
  const days = new Map<string, Set<string>>();
  for (const look of looks) {
    for (const item of look.items) {
      const seen = days.get(item.id) ?? new Set<string>();
      for (const day of look.worn) seen.add(day);
      if (seen.size) days.set(item.id, seen);
    }
  }
  const stats = new Map<string, WearStats>();
  for (const [id, seen] of days) {
    const sorted = [...seen].sort();
    stats.set(id, { count: sorted.length, last: sorted.at(-1)! });
  }
  return stats;
}

/**
 * Price ÷ wears, or null when the price is unknown or the piece was never
 * worn (the page then says "not worn yet").
 *
 * @example costPerWear(120, 8) // 15
 */
export function costPerWear(
  price: number | undefined,
  wears: number,
): number | null {
  if (price === undefined || wears === 0) return null;
  return price / wears;
}

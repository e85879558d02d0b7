/**
 * The shopper's history as the built-in stylist weighs it: how stale an
 * outfit would feel (pieces and bases it shares with recent suggestions),
 * whether it looks like one of them, and whether it is off limits (worn in
 * the last two weeks, or disliked). Anchors and the candidate are in every
 * outfit of their request, so they never count as a repeat.
 */
import type { Category, WardrobeItem } from "../../schemas.ts";
import { indexOfNearCopy, LOOKS_ALIKE } from "../similarity.ts";
import type { BlockedOutfit, Taste } from "../types.ts";

export type History = {
  /** Recency-weighted count of recent suggestions holding each piece. */
  uses: Map<string, number>;
  /** Recency weight of each base (dress, or top + bottom) suggested lately. */
  bases: Map<string, number>;
  /** For each piece, the recent suggestions (by index) that hold it. */
  holders: Map<string, number[]>;
  /** How many countable pieces each recent suggestion has. */
  sizes: number[];
  /** Worn lately or disliked: never suggested again, nor a near copy. */
  blocked: readonly BlockedOutfit[];
  required: ReadonlySet<string>;
};

/**
 * Per use in a recent suggestion, what a piece costs an outfit. Clothes
 * should change from one batch to the next; shoes and bags are few in most
 * wardrobes and may come back sooner.
 */
const STALE_PER_USE: Readonly<Record<Category, number>> = {
  top: 1,
  bottom: 1,
  dress: 1.2,
  outerwear: 0.7,
  shoes: 0.55,
  bag: 0.45,
  accessory: 0.45,
};
/** A base suggested lately: the look would read as the same one again. */
const STALE_BASE = 2;
/**
 * A piece already in three of the last dozen outfits sits the next one
 * out, unless nothing else will do.
 */
const OVERUSED = 3;
const OVERUSED_PENALTY = 20;
/** The very same outfit as a recent one: only when nothing else is left. */
const REPEAT_PENALTY = 20;
/** Sharing {@link LOOKS_ALIKE} of its pieces with a recent suggestion. */
const ALIKE_PENALTY = 3;

/** Newest suggestions weigh most; a batch from ten requests ago, little. */
function recency(index: number): number {
  return index < 12 ? 1 : index < 21 ? 0.6 : 0.3;
}

export function baseKey(items: readonly WardrobeItem[]): string {
  return items
    .filter((item) =>
      item.category === "dress" || item.category === "top" ||
      item.category === "bottom"
    )
    .map((item) => item.id)
    .sort()
    .join(" ");
}

/** The history for a request whose outfits all hold `required`. */
export function historyOf(
  taste: Taste | undefined,
  pool: readonly WardrobeItem[],
  required: ReadonlySet<string>,
): History {
  const byId = new Map(pool.map((item) => [item.id, item]));
  const history: History = {
    uses: new Map(),
    bases: new Map(),
    holders: new Map(),
    sizes: [],
    blocked: taste?.blocked ?? [],
    required,
  };
  (taste?.recent ?? []).forEach((ids, index) => {
    const weight = recency(index);
    const counted = [...new Set(ids)].filter((id) => !required.has(id));
    history.sizes.push(counted.length);
    for (const id of counted) {
      history.uses.set(id, (history.uses.get(id) ?? 0) + weight);
      const list = history.holders.get(id) ?? [];
      list.push(index);
      history.holders.set(id, list);
    }
    const items = ids.flatMap((id) => byId.get(id) ?? []);
    const base = baseKey(items);
    if (base) history.bases.set(base, (history.bases.get(base) ?? 0) + weight);
  });
  return history;
}

/**
 * What the history costs an outfit: each piece by how often it was shown
 * lately, and its base if that was shown lately.
 */
export function staleness(
  items: readonly WardrobeItem[],
  base: string,
  history: History,
): number {
  let cost = STALE_BASE * (history.bases.get(base) ?? 0);
  for (const item of items) {
    if (history.required.has(item.id)) continue;
    cost += pieceCost(item.category, history.uses.get(item.id) ?? 0);
  }
  return cost;
}

/**
 * What a piece shown `uses` times lately costs the next outfit: growing
 * faster than its uses, so no piece turns up in every batch.
 */
export function pieceCost(category: Category, uses: number): number {
  if (uses === 0) return 0;
  return STALE_PER_USE[category] * uses * (1 + uses / 2) +
    (uses >= OVERUSED ? OVERUSED_PENALTY : 0);
}

/**
 * What resembling a recent outfit costs: the very same outfit, a lot; one
 * sharing {@link LOOKS_ALIKE} of its pieces, enough to prefer another.
 */
export function likeness(ids: readonly string[], history: History): number {
  if (history.sizes.length === 0) return 0;
  const counted = ids.filter((id) => !history.required.has(id));
  const shared = new Map<number, number>();
  for (const id of counted) {
    for (const index of history.holders.get(id) ?? []) {
      shared.set(index, (shared.get(index) ?? 0) + 1);
    }
  }
  let cost = 0;
  for (const [index, n] of shared) {
    const size = Math.max(counted.length, history.sizes[index]);
    if (size === 0) continue;
    if (n === size) return REPEAT_PENALTY;
    if (n / size >= LOOKS_ALIKE) cost = ALIKE_PENALTY;
  }
  return cost;
}

/** Why the outfit is off limits (it nearly copies a blocked one), if it is. */
export function blockedBy(
  ids: readonly string[],
  history: History,
): BlockedOutfit["reason"] | null {
  const index = indexOfNearCopy(
    ids,
    history.blocked.map((outfit) => outfit.item_ids),
    history.required,
  );
  return index < 0 ? null : history.blocked[index].reason;
}

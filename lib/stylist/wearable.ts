/**
 * What makes a set of items one wearable outfit, independent of any request:
 * a dress or one top and one bottom, one pair of shoes, and at most one
 * coat or jacket, one bag and two accessories.
 */
import type { Category, WardrobeItem } from "../schemas.ts";

export type CategoryCounts = Record<Category, number>;

/** How many of each category an outfit may hold at most. */
export const MAX_PER_OUTFIT: Readonly<CategoryCounts> = {
  top: 1,
  bottom: 1,
  dress: 1,
  outerwear: 1,
  shoes: 1,
  bag: 1,
  accessory: 2,
};

/** Outside in, top to toe: the order outfit cards list items in. */
export const DISPLAY_RANK: Readonly<CategoryCounts> = {
  outerwear: 0,
  top: 1,
  dress: 1,
  bottom: 2,
  shoes: 3,
  bag: 4,
  accessory: 5,
};

/** Counts items per category. */
export function countCategories(items: WardrobeItem[]): CategoryCounts {
  const counts: CategoryCounts = {
    top: 0,
    bottom: 0,
    dress: 0,
    outerwear: 0,
    shoes: 0,
    bag: 0,
    accessory: 0,
  };
  for (const item of items) counts[item.category]++;
  return counts;
}

/**
 * Why a set of items is not one wearable outfit, or null when it is: a
 * dress or one top and one bottom, one pair of shoes, and at most one
 * outerwear, one bag and two accessories.
 */
export function wearableProblem(items: WardrobeItem[]): string | null {
  const n = countCategories(items);
  if (n.dress > 1) return "An outfit can have only one dress";
  if (n.dress && (n.top || n.bottom)) {
    return "A dress cannot be worn with a separate top or bottom";
  }
  if (n.top > 1) return "An outfit can have only one top";
  if (n.bottom > 1) return "An outfit can have only one bottom";
  if (!n.dress && !n.top && !n.bottom) {
    return "An outfit needs a dress, or a top and a bottom";
  }
  if (!n.dress && !n.bottom) return "An outfit with a top needs a bottom";
  if (!n.dress && !n.top) return "An outfit with a bottom needs a top";
  if (n.shoes === 0) return "An outfit needs a pair of shoes";
  if (n.shoes > 1) return "An outfit can have only one pair of shoes";
  if (n.outerwear > 1) return "An outfit can have only one coat or jacket";
  if (n.bag > 1) return "An outfit can have only one bag";
  if (n.accessory > 2) return "An outfit can have at most two accessories";
  return null;
}

/** A copy of the items in display order; equal ranks keep their order. */
export function sortForDisplay(items: WardrobeItem[]): WardrobeItem[] {
  return [...items].sort((a, b) =>
    DISPLAY_RANK[a.category] - DISPLAY_RANK[b.category]
  );
}

/** Whether two lists hold the same ids, in any order. */
export function sameItemSet(a: string[], b: string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((id) => right.has(id));
}

const PLURALS: Partial<Record<Category, string>> = {
  dress: "dresses",
  top: "tops",
  bottom: "bottoms",
  shoes: "pairs of shoes",
  outerwear: "coats or jackets",
  bag: "bags",
};

export function quoteList(items: WardrobeItem[]): string {
  const names = items.map((item) => `"${item.name}"`);
  return names.length < 2
    ? names.join("")
    : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** Why the required items cannot share one outfit, if they cannot. */
export function requiredConflict(required: WardrobeItem[]): string | null {
  const dress = required.find((item) => item.category === "dress");
  const separate = required.find((item) =>
    item.category === "top" || item.category === "bottom"
  );
  if (dress && separate) {
    return `"${dress.name}" can't be worn with "${separate.name}", because a dress takes the place of a top and a bottom. Choose one of them to build around.`;
  }
  for (const [category, plural] of Object.entries(PLURALS)) {
    const same = required.filter((item) => item.category === category);
    if (same.length > MAX_PER_OUTFIT[category as Category]) {
      const both = same.length === 2 ? "both" : "all";
      return `${
        quoteList(same)
      } are ${both} ${plural}, and an outfit has room for only one. Choose one of them to build around.`;
    }
  }
  const accessories = required.filter((item) => item.category === "accessory");
  if (accessories.length > MAX_PER_OUTFIT.accessory) {
    return `An outfit has room for two accessories at most. Choose two of ${
      quoteList(accessories)
    } to build around.`;
  }
  return null;
}

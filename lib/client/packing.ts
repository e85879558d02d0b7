/**
 * A trip's packing list from its outfits: every piece worn, once, with the
 * days it is worn, in the order a suitcase is checked (outside in, top to
 * toe). Pure and import-free, so the reveal island grows the list as each
 * day's outfit arrives and the job's result says the same.
 */
import type { Category, Packing } from "../schemas.ts";

const ORDER: readonly Category[] = [
  "outerwear",
  "top",
  "dress",
  "bottom",
  "shoes",
  "bag",
  "accessory",
];

type Worn = {
  date?: string;
  items: readonly { id: string; name: string; category: Category }[];
};

/** @example packingOf(job.outfits).count // 11 */
export function packingOf(outfits: readonly Worn[]): Packing {
  const byId = new Map<string, Packing["items"][number]>();
  for (const outfit of outfits) {
    for (const { id, name, category } of outfit.items) {
      let entry = byId.get(id);
      if (!entry) byId.set(id, entry = { id, name, category, dates: [] });
      if (outfit.date && !entry.dates.includes(outfit.date)) {
        entry.dates.push(outfit.date);
      }
    }
  }
  const items = [...byId.values()].sort((a, b) =>
    ORDER.indexOf(a.category) - ORDER.indexOf(b.category)
  );
  return { items, count: items.length };
}

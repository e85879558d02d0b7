/**
 * The wardrobe as the language model reads it: one short line per item
 * under a header per category, each under a short id (`i1`, `i2`, …)
 * because real ids are long slugs that cost tokens on every mention.
 */
import { CATEGORIES, SEASONS, type WardrobeItem } from "../schemas.ts";

/** The wardrobe as the model sees it, and the id maps both ways. */
export type Encoded = {
  lines: string[];
  ids: Map<string, string>;
  shortOf: Map<string, string>;
  /** The items by real id, to tell a top from a dress in the history. */
  byId: Map<string, WardrobeItem>;
};

/**
 * The wardrobe under a header per category (the category is then not
 * repeated on every line), ids ascending down the list.
 */
export function encodeWardrobe(wardrobe: WardrobeItem[]): Encoded {
  const ids = new Map<string, string>();
  const shortOf = new Map<string, string>();
  const byId = new Map(wardrobe.map((item) => [item.id, item]));
  const lines: string[] = [];
  let n = 0;
  for (const category of CATEGORIES) {
    // By name, so the ids do not depend on the order the wardrobe came in.
    const items = wardrobe.filter((item) => item.category === category)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    if (!items.length) continue;
    lines.push(`${category}:`);
    for (const item of items) {
      const short = `i${++n}`;
      ids.set(short, item.id);
      shortOf.set(item.id, short);
      lines.push(`${short} ${describe(item)}`);
    }
  }
  return { lines, ids, shortOf, byId };
}

/**
 * `"White oxford shirt" white f3 all`: the pattern only when not solid,
 * "all" for all four seasons and "not winter" for three. Names are JSON-quoted so a name cannot break
 * the line or pass for an instruction.
 */
export function describe(item: WardrobeItem): string {
  const missing = SEASONS.filter((season) => !item.seasons.includes(season));
  const seasons = missing.length === 0 ? "all" : missing.length === 1
    // "not winter" is three tokens fewer than "spring/summer/autumn".
    ? `not ${missing[0]}`
    : SEASONS.filter((season) => item.seasons.includes(season)).join("/");
  return [
    JSON.stringify(item.name),
    item.colors.join("+"),
    ...(item.pattern === "solid" ? [] : [item.pattern]),
    `f${item.formality}`,
    seasons,
  ].join(" ");
}

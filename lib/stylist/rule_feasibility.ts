/**
 * Which of the day's rules a wardrobe can follow. A rule is kept only if
 * the outfits a job needs can still be made with it and every rule kept
 * before it, so asking for "no heels" from a wardrobe of heels gives outfits
 * and a sentence saying why the heels stayed, rather than an error.
 *
 * Counting is exact and stops at the number needed: cores (base, shoes,
 * layer) are walked one by one, and the bags and accessories each core can
 * take are counted, not listed (inclusion–exclusion for "something green").
 */
import type { GenerateRequest, WardrobeItem } from "../schemas.ts";
import type { DressRule } from "./dress_rules.ts";
import { itemsForRequest, requiredItems } from "./outfit_rules.ts";
import {
  countCategories,
  MAX_PER_OUTFIT,
  requiredConflict,
} from "./wearable.ts";

/**
 * How many distinct wearable outfits that hold `required` and follow
 * `rules` the pool makes, counting no further than `limit`.
 */
export function countOutfits(
  pool: readonly WardrobeItem[],
  required: readonly WardrobeItem[],
  rules: readonly DressRule[],
  limit: number,
): number {
  const excluded = (item: WardrobeItem) =>
    rules.some((rule) => rule.excludes?.(item));
  // The pieces asked for stay whatever the rules say (see ruleProblem).
  if (requiredConflict([...required])) return 0;
  const requiredIds = new Set(required.map((item) => item.id));
  const allowed = pool.filter((item) =>
    !requiredIds.has(item.id) && !excluded(item)
  );
  const free = (category: WardrobeItem["category"]) =>
    allowed.filter((item) => item.category === category);
  const have = countCategories([...required]);

  let bases: WardrobeItem[][];
  if (have.dress || (have.top && have.bottom)) bases = [[]];
  else if (have.top) bases = free("bottom").map((b) => [b]);
  else if (have.bottom) bases = free("top").map((t) => [t]);
  else {
    bases = free("dress").map((d) => [d]);
    for (const top of free("top")) {
      for (const bottom of free("bottom")) bases.push([top, bottom]);
    }
  }
  const shoes = have.shoes ? [[]] : free("shoes").map((s) => [s]);
  const layerRules = rules.filter((rule) => rule.layer);
  const layerOk = (item: WardrobeItem) =>
    layerRules.every((rule) => rule.layer!(item));
  const layers = have.outerwear
    ? (required.some((i) => i.category === "outerwear" && layerOk(i))
      ? [[]]
      : [])
    : [
      ...(layerRules.length ? [] : [[]]),
      ...free("outerwear").filter(layerOk).map((o) => [o]),
    ];
  const bags = have.bag ? [] : free("bag");
  const slots = MAX_PER_OUTFIT.accessory - have.accessory;
  const accessories = slots > 0 ? free("accessory") : [];
  const clashes = rules.filter((rule) => rule.clash);
  const wants = rules.filter((rule) => rule.wants);

  let found = 0;
  for (const base of bases) {
    for (const pair of shoes) {
      for (const layer of layers) {
        const core = [...required, ...base, ...pair, ...layer];
        if (clashes.some((rule) => rule.clash!(core))) continue;
        const unmet = wants.filter((rule) => !core.some(rule.wants!));
        found += finishings(bags, accessories, slots, unmet);
        if (found >= limit) return found;
      }
    }
  }
  return found;
}

/** Ways to pick up to `slots` (at most two) of `n` accessories. */
function accessorySets(n: number, slots: number): number {
  return 1 + (slots >= 1 ? n : 0) + (slots >= 2 ? (n * (n - 1)) / 2 : 0);
}

/**
 * Ways to finish a core (no bag or one, up to `slots` accessories) so that
 * every rule of `unmet` is met by a finishing piece: by inclusion–exclusion
 * over the rules the pieces avoid.
 */
function finishings(
  bags: readonly WardrobeItem[],
  accessories: readonly WardrobeItem[],
  slots: number,
  unmet: readonly DressRule[],
): number {
  let ways = 0;
  for (let mask = 0; mask < 1 << unmet.length; mask++) {
    const avoided = unmet.filter((_, i) => mask & (1 << i));
    const clear = (item: WardrobeItem) =>
      !avoided.some((rule) => rule.wants!(item));
    const sign = avoided.length % 2 ? -1 : 1;
    ways += sign * (bags.filter(clear).length + 1) *
      accessorySets(accessories.filter(clear).length, slots);
  }
  return ways;
}

export type FollowedRules = { kept: DressRule[]; dropped: DressRule[] };

/**
 * The rules, in order of importance, that the wardrobe can follow together
 * for `count` outfits of the request; the others are dropped. Soft rules
 * (a shift in dressiness) are always kept. A wardrobe that cannot make
 * `count` outfits at all is held to what it can make.
 */
export function followableRules(
  rules: readonly DressRule[],
  request: GenerateRequest,
  wardrobe: readonly WardrobeItem[],
  count: number,
): FollowedRules {
  const pool = itemsForRequest(request, [...wardrobe]);
  const required = requiredItems(request, pool);
  const needed = Math.min(count, countOutfits(pool, required, [], count));
  const kept: DressRule[] = [];
  const dropped: DressRule[] = [];
  for (const rule of rules) {
    const hard = rule.excludes || rule.layer || rule.wants || rule.clash;
    if (
      !hard ||
      (needed > 0 &&
        countOutfits(pool, required, [...kept, rule], needed) >= needed)
    ) kept.push(rule);
    else dropped.push(rule);
  }
  return { kept, dropped };
}

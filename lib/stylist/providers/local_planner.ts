/**
 * The built-in stylist's search: every wearable outfit the pool allows is
 * scored, then three are picked greedily, each pick paying for items and
 * bases the earlier picks (and the outfits to avoid) already used.
 */
import type {
  Category,
  GenerateRequest,
  Season,
  WardrobeItem,
} from "../../schemas.ts";
import { itemsForRequest, requiredConflict } from "../outfit_rules.ts";
import type { OutfitDraft } from "../types.ts";
import {
  countCategories,
  MAX_PER_OUTFIT,
  sortForDisplay,
  wearableProblem,
} from "../wearable.ts";
import {
  briefFor,
  type ScoreNotes,
  scoreOutfit,
  type StyleBrief,
} from "./local_scoring.ts";

export type PlanInput = {
  request: GenerateRequest;
  wardrobe: WardrobeItem[];
  seed: string;
  season: Season;
  count: number;
  avoid?: OutfitDraft[];
};

export type PlannedOutfit = {
  /** In display order. */
  items: WardrobeItem[];
  score: number;
  notes: ScoreNotes;
};

export type Plan = { brief: StyleBrief; outfits: PlannedOutfit[] };

type Candidate = PlannedOutfit & { key: string; base: string; jitter: number };

/** Above this many base-and-shoes pairs, only the best are dressed up. */
const MAX_CORES = 150;
/** Sharing a base with an earlier outfit: allowed only when nothing else is. */
const SAME_BASE_PENALTY = 100;
/**
 * Reusing a piece (other than an anchor) from an earlier outfit. Shoes and
 * bags are few in most wardrobes and repeat naturally; clothes should not.
 */
const REUSE_PENALTY: Readonly<Record<Category, number>> = {
  top: 1.25,
  bottom: 1.25,
  dress: 1.25,
  outerwear: 0.8,
  accessory: 0.8,
  shoes: 0.6,
  bag: 0.6,
};
/** The most a seed can add to a score: enough to swap near-ties only. */
const JITTER = 0.6;

/**
 * Picks up to `count` distinct outfits for the request, best first. Fewer
 * come back when the pool cannot make that many.
 */
export function planOutfits(input: PlanInput): Plan {
  const pool = itemsForRequest(input.request, input.wardrobe);
  const brief = briefFor(input.request, pool, input.season);
  const byId = new Map(pool.map((item) => [item.id, item]));
  const avoided: Picked[] = (input.avoid ?? []).map((draft) => ({
    key: keyOf(draft.item_ids),
    base: baseOf(draft.item_ids.flatMap((id) => byId.get(id) ?? [])),
    ids: draft.item_ids,
  }));
  const choose = (thorough: boolean) =>
    pick(enumerate(pool, brief, input.seed, thorough), brief, avoided, input);
  let outfits = choose(false);
  if (outfits.length < input.count) {
    // Small wardrobes: also try a bag with accessories, or two accessories,
    // so every outfit the feasibility count promises is on the table.
    outfits = choose(true);
  }
  return { brief, outfits };
}

/** An outfit already shown or chosen: what later picks pay for reusing. */
type Picked = { key: string; base: string; ids: string[] };

/** Greedy choice: best score after paying for what earlier picks used. */
function pick(
  candidates: Candidate[],
  brief: StyleBrief,
  avoided: Picked[],
  input: PlanInput,
): PlannedOutfit[] {
  const history = [...avoided];
  const taken = new Set(history.map((h) => h.key));
  const requiredIds = new Set(brief.required.map((item) => item.id));
  const outfits: PlannedOutfit[] = [];
  while (outfits.length < input.count) {
    let best: Candidate | undefined;
    let bestValue = -Infinity;
    for (const c of candidates) {
      if (taken.has(c.key)) continue;
      let value = c.score + c.jitter;
      for (const earlier of history) {
        if (earlier.base === c.base) value -= SAME_BASE_PENALTY;
        for (const item of c.items) {
          if (!requiredIds.has(item.id) && earlier.ids.includes(item.id)) {
            value -= REUSE_PENALTY[item.category];
          }
        }
      }
      if (value > bestValue) [best, bestValue] = [c, value];
    }
    if (!best) break;
    taken.add(best.key);
    history.push({
      key: best.key,
      base: best.base,
      ids: best.items.map((item) => item.id),
    });
    outfits.push({ items: best.items, score: best.score, notes: best.notes });
  }
  return outfits;
}

/**
 * Every outfit the builder would consider, scored: the required items, a
 * base and shoes, with or without a layer and finishing pieces. A lean
 * search adds at most one finishing piece; a thorough one tries them all.
 */
function enumerate(
  pool: WardrobeItem[],
  brief: StyleBrief,
  seed: string,
  thorough: boolean,
): Candidate[] {
  const required = brief.required;
  if (requiredConflict(required)) return [];
  const requiredIds = new Set(required.map((item) => item.id));
  const free = (category: Category) =>
    pool.filter((i) => i.category === category && !requiredIds.has(i.id));
  const have = countCategories(required);

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

  let cores = bases.flatMap((base) =>
    shoes.map((pair) => [...required, ...base, ...pair])
  );
  if (cores.length > MAX_CORES) {
    // Large wardrobes: extras rarely rescue a weak core, so trim first.
    cores = cores
      .map((items) => ({ items, value: scoreOutfit(items, brief).value }))
      .sort((a, b) => b.value - a.value)
      .slice(0, MAX_CORES)
      .map((c) => c.items);
  }

  const layers = have.outerwear
    ? [[]]
    : [[], ...free("outerwear").map((o) => [o])];
  const bags = have.bag ? [] : free("bag");
  const slots = MAX_PER_OUTFIT.accessory - have.accessory;
  const accessories = slots > 0 ? free("accessory") : [];
  const finishing = thorough
    ? finishingSets(bags, accessories, slots)
    : [[], ...bags.map((b) => [b]), ...accessories.map((a) => [a])];

  const candidates: Candidate[] = [];
  for (const core of cores) {
    for (const layer of layers) {
      for (const extra of finishing) {
        const items = sortForDisplay([...core, ...layer, ...extra]);
        if (wearableProblem(items)) continue;
        const { value, notes } = scoreOutfit(items, brief);
        const key = keyOf(items.map((item) => item.id));
        candidates.push({
          items,
          score: value,
          notes,
          key,
          base: baseOf(items),
          jitter: JITTER * unitHash(`${seed}|${key}`),
        });
      }
    }
  }
  return candidates;
}

/** No bag or one, with none, one or (slots allowing) two accessories. */
function finishingSets(
  bags: WardrobeItem[],
  accessories: WardrobeItem[],
  slots: number,
): WardrobeItem[][] {
  const sets: WardrobeItem[][] = [[], ...accessories.map((a) => [a])];
  if (slots >= 2) {
    accessories.forEach((a, i) => {
      for (const b of accessories.slice(i + 1)) sets.push([a, b]);
    });
  }
  return [[], ...bags.map((b) => [b])].flatMap((bag) =>
    sets.map((set) => [...bag, ...set])
  );
}

function keyOf(ids: string[]): string {
  return [...new Set(ids)].sort().join(" ");
}

/** The dress, or the top and bottom: what makes two outfits look alike. */
function baseOf(items: WardrobeItem[]): string {
  return keyOf(
    items
      .filter((item) =>
        item.category === "dress" || item.category === "top" ||
        item.category === "bottom"
      )
      .map((item) => item.id),
  );
}

/** FNV-1a, mapped to [0, 1): a stable per-seed, per-outfit coin. */
function unitHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // Mix the low bits up so neighbouring seeds spread out.
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return (hash >>> 0) / 2 ** 32;
}

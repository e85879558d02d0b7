/**
 * The built-in stylist's search: every wearable outfit the pool allows is
 * scored, then outfits are drawn one at a time from the good ones (never far
 * below the best), each draw paying for what earlier picks, the outfits to
 * avoid and the shopper's recent suggestions already used. A seeded draw
 * among near-equals, rather than always the top score, is what makes asking
 * again give new looks without giving worse ones.
 */
import type {
  Category,
  JobContext,
  Season,
  WardrobeItem,
} from "../../schemas.ts";
import { ruleProblem } from "../dress_rules.ts";
import type { OutfitDraft, Taste } from "../types.ts";
import {
  countCategories,
  MAX_PER_OUTFIT,
  requiredConflict,
  sortForDisplay,
  wearableProblem,
} from "../wearable.ts";
import {
  baseKey,
  blockedBy,
  type History,
  historyOf,
  likeness,
  pieceCost,
  staleness,
} from "./local_history.ts";
import {
  briefFor,
  type ScoreNotes,
  scoreOutfit,
  type StyleBrief,
  type StylistAsk,
} from "./local_scoring.ts";

export type PlanInput = {
  ask: StylistAsk;
  seed: string;
  season: Season;
  count: number;
  avoid?: OutfitDraft[];
  /** What the shopper saw, wore and rated before. */
  taste?: Taste;
  /** The job's day, forecast and rules: every outfit keeps the rules. */
  context?: Pick<JobContext, "rules" | "weather" | "place" | "notes" | "days">;
};

export type PlannedOutfit = {
  /** In display order. */
  items: WardrobeItem[];
  score: number;
  notes: ScoreNotes;
  /** Its own brief, when it differs from the plan's (a trip's day). */
  brief?: StyleBrief;
};

export type Plan = {
  brief: StyleBrief;
  outfits: PlannedOutfit[];
  /** The best score any outfit from this pool reaches (the quality bar). */
  best: number;
};

export type Candidate = PlannedOutfit & {
  ids: string[];
  base: string;
  /** What the shopper's history costs this outfit (see local_history.ts). */
  stale: number;
};

/** Above this many bases (dresses, tops with bottoms), only the best are shod. */
const MAX_BASES = 60;
/** Above this many base-and-shoes pairs, only the best are dressed up. */
const MAX_CORES = 100;
/** A lean search dresses each core with its best few layers and extras. */
const LAYERS_KEPT = 2;
const EXTRAS_KEPT = 3;
/** Sharing a base with an earlier outfit: allowed only when nothing else is. */
const SAME_BASE_PENALTY = 100;
/**
 * The quality floor: an outfit scoring more than {@link QUALITY_MARGIN}
 * below the best one the wardrobe allows pays for every point it falls
 * short, and much more for every point beyond {@link HARD_MARGIN}, so a
 * weak outfit is drawn only when the good ones left would repeat what the
 * shopper has just seen.
 */
const QUALITY_MARGIN = 2;
const BELOW_FLOOR_SLOPE = 3;
const HARD_MARGIN = 4;
const BELOW_HARD_SLOPE = 10;
/** Draws are among outfits within this of the best value left. */
const DRAW_BAND = 0.8;
/** How sharply the draw favours the best of the band (lower: sharper). */
const DRAW_TEMPERATURE = 0.35;

/**
 * Picks up to `count` distinct outfits for the request, best first. Fewer
 * come back when the pool cannot make that many.
 */
export function planOutfits(input: PlanInput): Plan {
  const all = input.ask.pool;
  const brief = briefFor(
    input.ask,
    input.season,
    input.taste,
    input.context,
  );
  const required = new Set(brief.required.map((item) => item.id));
  // What the rules forbid never enters the search (the shopper's own
  // anchors excepted: a rule that would forbid one was not kept).
  const pool = all.filter((item) =>
    required.has(item.id) ||
    !brief.rules.some((rule) => rule.excludes?.(item))
  );
  const history = historyOf(input.taste, pool, required);
  const byId = new Map(pool.map((item) => [item.id, item]));
  const avoided: Picked[] = (input.avoid ?? []).map((draft) => ({
    ids: draft.item_ids,
    base: baseKey(draft.item_ids.flatMap((id) => byId.get(id) ?? [])),
  }));
  const choose = (thorough: boolean) => {
    const candidates = enumerate(pool, brief, history, thorough);
    const best = Math.max(...candidates.map((c) => c.score));
    const outfits = pick(candidates, best, brief, avoided, history, input);
    return { brief, outfits, best };
  };
  const plan = choose(false);
  // Small wardrobes: also try a bag with accessories, or two accessories,
  // so every outfit the feasibility count promises is on the table.
  return plan.outfits.length < input.count ? choose(true) : plan;
}

/** An outfit already shown or chosen: what later picks pay for reusing. */
type Picked = { ids: readonly string[]; base: string };

/**
 * One draw per outfit. Outfits the shopper wore lately or disliked (and
 * their near copies) are never drawn.
 *
 * Each candidate's value is its score less what the history costs it.
 * Outfits picked (or avoided) in this job join that history as its newest
 * entries, and no two outfits of a job share a base. Values are kept up to
 * date as outfits are picked (only candidates sharing a piece or the base
 * with the pick change), so a draw costs one pass over them.
 */
function pick(
  candidates: Candidate[],
  best: number,
  brief: StyleBrief,
  avoided: Picked[],
  history: History,
  input: PlanInput,
): PlannedOutfit[] {
  const required = new Set(brief.required.map((item) => item.id));
  const floor = best - QUALITY_MARGIN;
  const values = candidates.map((c) =>
    c.score - c.stale - BELOW_FLOOR_SLOPE * Math.max(0, floor - c.score) -
    BELOW_HARD_SLOPE * Math.max(0, best - HARD_MARGIN - c.score)
  );
  const holding = new Map<string, number[]>();
  const onBase = new Map<string, number[]>();
  candidates.forEach((c, index) => {
    for (const id of c.ids) {
      if (!required.has(id)) append(holding, id, index);
    }
    append(onBase, c.base, index);
  });
  const byKey = new Map(candidates.map((c, index) => [keyOf(c.ids), index]));
  const categoryOf = new Map(
    candidates.flatMap((c) => c.items.map((item) => [item.id, item.category])),
  );
  const open = new Set(candidates.keys());
  const uses = new Map(history.uses);
  const take = (outfit: Picked) => {
    const same = byKey.get(keyOf(outfit.ids));
    if (same !== undefined) open.delete(same);
    for (const index of onBase.get(outfit.base) ?? []) {
      values[index] -= SAME_BASE_PENALTY;
    }
    for (const id of outfit.ids) {
      const category = categoryOf.get(id);
      if (required.has(id) || !category) continue;
      const before = uses.get(id) ?? 0;
      uses.set(id, before + 1);
      const cost = pieceCost(category, before + 1) -
        pieceCost(category, before);
      for (const index of holding.get(id) ?? []) values[index] -= cost;
    }
  };
  avoided.forEach(take);

  const outfits: PlannedOutfit[] = [];
  const random = seededRandom(input.seed);
  while (outfits.length < input.count) {
    const chosen = draw(values, open, random, (index) => {
      const blocked = blockedBy(candidates[index].ids, history) !== null;
      if (blocked) open.delete(index);
      return !blocked;
    });
    if (chosen === undefined) break;
    const c = candidates[chosen];
    open.delete(chosen);
    take(c);
    outfits.push({ items: c.items, score: c.score, notes: c.notes });
  }
  return outfits;
}

function append<K>(map: Map<K, number[]>, key: K, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A weighted draw among the open candidates within {@link DRAW_BAND} of
 * the best value, skipping those `allowed` refuses (and then trying again
 * with what is left).
 */
function draw(
  values: readonly number[],
  open: ReadonlySet<number>,
  random: () => number,
  allowed: (index: number) => boolean,
): number | undefined {
  while (open.size) {
    let top = -Infinity;
    for (const index of open) top = Math.max(top, values[index]);
    const band = [...open]
      .filter((index) => values[index] >= top - DRAW_BAND)
      .sort((a, b) => values[b] - values[a] || a - b)
      .filter(allowed);
    if (band.length === 0) continue;
    const weights = band.map((index) =>
      Math.exp((values[index] - top) / DRAW_TEMPERATURE)
    );
    let r = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < band.length; i++) {
      r -= weights[i];
      if (r <= 0) return band[i];
    }
    return band.at(-1);
  }
  return undefined;
}

/**
 * Every outfit the builder would consider, scored: the required items, a
 * base and shoes, with or without a layer and finishing pieces. A thorough
 * search (small wardrobes) tries every layer with every finishing set; a
 * lean one keeps, per base and shoes, the few layers and single finishing
 * pieces that do most for it (good and fresh) and combines only those.
 */
export function enumerate(
  pool: WardrobeItem[],
  brief: StyleBrief,
  history: History,
  thorough: boolean,
): Candidate[] {
  const required = brief.required;
  if (requiredConflict(required)) return [];
  const requiredIds = new Set(required.map((item) => item.id));
  const free = (category: Category) =>
    pool.filter((i) => i.category === category && !requiredIds.has(i.id));
  const have = countCategories(required);
  /** The score, and the score less staleness: what trimming ranks by. */
  const rate = (items: WardrobeItem[]) => {
    const score = scoreOutfit(items, brief).value;
    return { score, worth: score - staleness(items, baseKey(items), history) };
  };
  /**
   * The `keep` best options: most by worth (good and fresh), a third by
   * score alone, so the wardrobe's best outfits stay in sight and the
   * quality floor is measured from them.
   */
  const best = <T>(
    options: T[],
    keep: number,
    items: (o: T) => WardrobeItem[],
  ) => {
    if (options.length <= keep) return options;
    const rated = options.map((option) => ({ option, ...rate(items(option)) }));
    const kept = new Set(
      [...rated].sort((a, b) => b.score - a.score).slice(
        0,
        Math.ceil(keep / 3),
      ),
    );
    for (const r of rated.sort((a, b) => b.worth - a.worth)) {
      if (kept.size >= keep) break;
      kept.add(r);
    }
    return [...kept].map((r) => r.option);
  };

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
  // Large wardrobes: extras rarely rescue a weak core, so trim bases, then
  // cores, keeping those both good and fresh.
  bases = best(bases, MAX_BASES, (base) => [...required, ...base]);
  const cores = best(
    bases.flatMap((base) =>
      shoes.map((pair) => [...required, ...base, ...pair])
    ),
    MAX_CORES,
    (core) => core,
  );

  // A rule that asks for a coat or jacket leaves no outfit without one.
  const layerRules = brief.rules.filter((rule) => rule.layer);
  const coats = free("outerwear").filter((o) =>
    layerRules.every((rule) => rule.layer!(o))
  ).map((o) => [o]);
  const layers = have.outerwear
    ? [[]]
    : layerRules.length
    ? coats
    : [[], ...coats];
  const bags = have.bag ? [] : free("bag");
  const slots = MAX_PER_OUTFIT.accessory - have.accessory;
  const accessories = slots > 0 ? free("accessory") : [];
  const extras = [...bags.map((b) => [b]), ...accessories.map((a) => [a])];

  const candidates: Candidate[] = [];
  for (const core of cores) {
    const optional = layers[0]?.length === 0;
    const ownLayers = thorough ? layers : [
      ...(optional ? [[]] : []),
      ...best(
        optional ? layers.slice(1) : layers,
        LAYERS_KEPT,
        (l) => [...core, ...l],
      ),
    ];
    const finishing = thorough
      ? finishingSets(bags, accessories, slots)
      : [[], ...best(extras, EXTRAS_KEPT, (e) => [...core, ...e])];
    for (const layer of ownLayers) {
      for (const extra of finishing) {
        const items = sortForDisplay([...core, ...layer, ...extra]);
        if (
          wearableProblem(items) || ruleProblem(items, brief.rules, requiredIds)
        ) {
          continue;
        }
        const { value, notes } = scoreOutfit(items, brief);
        const ids = items.map((item) => item.id);
        const base = baseKey(items);
        candidates.push({
          items,
          score: value,
          notes,
          ids,
          base,
          stale: staleness(items, base, history) + likeness(ids, history),
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

function keyOf(ids: readonly string[]): string {
  return [...new Set(ids)].sort().join(" ");
}

/**
 * A seeded stream of numbers in [0, 1) (FNV-1a of the seed, then
 * mulberry32): the same job draws the same outfits on every attempt.
 */
export function seededRandom(seed: string): () => number {
  let state = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    state ^= seed.charCodeAt(i);
    state = Math.imul(state, 0x01000193);
  }
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * The built-in stylist's plan for a trip: one outfit a day, in order, each
 * dressed for its own day's forecast and rules, chosen so the suitcase stays
 * small. A piece already packed costs a day nothing; a new one costs what
 * it takes up in the case. So the days share a capsule of pieces, while no
 * two days wear the same outfit and no day repeats the day before's base
 * (dress, or top and bottom) if another good one is there.
 *
 * Each day draws among its good outfits (never far below that day's best,
 * the same quality floor a one-day job keeps) and, of those, the ones that
 * pack best; the seed breaks near-ties, so planning the trip again can give
 * another capsule of the same size.
 */
import type { Category, JobContext, TripDay } from "../schemas.ts";
import {
  baseKey,
  blockedBy,
  historyOf,
} from "../stylist/providers/local_history.ts";
import {
  enumerate,
  type Plan,
  type PlanInput,
  type PlannedOutfit,
  seededRandom,
} from "../stylist/providers/local_planner.ts";
import { briefFor } from "../stylist/providers/local_scoring.ts";
import { sameItemSet } from "../stylist/wearable.ts";

/**
 * What a piece not yet packed costs a day, in score points: coats and shoes
 * fill a case; an accessory hardly counts.
 */
const PACKING_COST: Readonly<Record<Category, number>> = {
  top: 0.9,
  bottom: 1.2,
  dress: 1.2,
  outerwear: 1.8,
  shoes: 1.6,
  bag: 1,
  accessory: 0.4,
};
/** Wearing yesterday's base again reads as the same outfit. */
const SAME_AS_YESTERDAY = 1.5;
/**
 * Per earlier day in the same base: allowed, but a new top with packed
 * trousers is a new look for less than the case it costs.
 */
const SAME_BASE = 1.5;
/** A day's outfit is never more than this below that day's best. */
const QUALITY_MARGIN = 1.5;
/** Draws are among outfits within this of the best value left. */
const DRAW_BAND = 0.3;

type Worn = { ids: readonly string[]; base: string };

/** Plans the trip's days from the first one `input.avoid` has not dressed. */
export function planTrip(input: PlanInput): Plan {
  const context = input.context;
  const days = context?.days ?? [];
  const required = new Set(input.ask.required.map((item) => item.id));
  const packed = new Set<string>();
  const worn: Worn[] = [];
  const byId = new Map(input.ask.pool.map((item) => [item.id, item]));
  for (const draft of input.avoid ?? []) {
    const items = draft.item_ids.flatMap((id) => byId.get(id) ?? []);
    for (const id of draft.item_ids) packed.add(id);
    worn.push({ ids: draft.item_ids, base: baseKey(items) });
  }
  const random = seededRandom(input.seed);
  const outfits: PlannedOutfit[] = [];
  let first: Plan | null = null;
  for (let d = worn.length; outfits.length < input.count; d++) {
    const day = dayContext(context, days[d]);
    const brief = briefFor(input.ask, input.season, input.taste, day);
    const pool = input.ask.pool.filter((item) =>
      required.has(item.id) ||
      !brief.rules.some((rule) => rule.excludes?.(item))
    );
    const history = historyOf(input.taste, pool, required);
    const fresh = (ids: readonly string[]) =>
      !worn.some((w) => sameItemSet([...w.ids], [...ids])) &&
      blockedBy(ids, history) === null;
    let candidates = enumerate(pool, brief, history, false).filter((c) =>
      fresh(c.ids)
    );
    if (candidates.length < 3) {
      candidates = enumerate(pool, brief, history, true).filter((c) =>
        fresh(c.ids)
      );
    }
    if (candidates.length === 0) break;
    const best = Math.max(...candidates.map((c) => c.score));
    const good = candidates.filter((c) => c.score >= best - QUALITY_MARGIN);
    const yesterday = worn.at(-1)?.base;
    const values = good.map((c) =>
      c.score -
      c.ids.reduce(
        (cost, id, i) =>
          packed.has(id) || required.has(id)
            ? cost
            : cost + PACKING_COST[c.items[i].category],
        0,
      ) -
      (c.base === yesterday ? SAME_AS_YESTERDAY : 0) -
      SAME_BASE * worn.filter((w) => w.base === c.base).length
    );
    const top = Math.max(...values);
    const band = good.filter((_, i) => values[i] >= top - DRAW_BAND);
    const chosen = band[Math.floor(random() * band.length)];
    for (const id of chosen.ids) packed.add(id);
    worn.push({ ids: chosen.ids, base: chosen.base });
    outfits.push({
      items: chosen.items,
      score: chosen.score,
      notes: chosen.notes,
      brief,
    });
    first ??= { brief, outfits, best };
  }
  return first ?? {
    brief: briefFor(
      input.ask,
      input.season,
      input.taste,
      dayContext(context, days[0]),
    ),
    outfits,
    best: -Infinity,
  };
}

/** The job's context as one day of the trip sees it: that day's forecast and rules. */
function dayContext(
  context: PlanInput["context"],
  day: TripDay | undefined,
): Pick<JobContext, "rules" | "weather" | "place" | "notes"> | undefined {
  if (!context || !day) return context;
  return { ...context, rules: day.rules, weather: day.weather };
}

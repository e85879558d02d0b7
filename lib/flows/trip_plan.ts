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
 * another capsule of the same size. A day never takes an outfit a later
 * day's stricter rules need (the one rain coat, on a cold dry day, when
 * two wet days follow): it picks among those that leave every later day
 * an outfit of its own.
 */
import type { Category } from "../schemas.ts";
import { contextOfOutfit } from "../stylist/outfit_day.ts";
import {
  baseKey,
  blockedBy,
  historyOf,
} from "../stylist/providers/local_history.ts";
import {
  type Candidate,
  enumerate,
  type Plan,
  type PlanInput,
  type PlannedOutfit,
  seededRandom,
} from "../stylist/providers/local_planner.ts";
import {
  briefFor,
  type StyleBrief,
} from "../stylist/providers/local_scoring.ts";

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
  // Every day still to dress, with the outfits its own rules allow: a day
  // picks only an outfit that leaves each later day one of its own.
  const ahead = Array.from(
    { length: input.count },
    (_, i) => dayOptions(input, worn.length + i, required),
  );
  const outfits: PlannedOutfit[] = [];
  let first: Plan | null = null;
  for (const [i, day] of ahead.entries()) {
    const { brief } = day;
    const taken: ReadonlySet<string> = new Set(worn.map((w) => keyOf(w.ids)));
    const candidates = day.options(taken);
    if (candidates.length === 0) break;
    const best = Math.max(...candidates.map((c) => c.score));
    const good = candidates.filter((c) => c.score >= best - QUALITY_MARGIN);
    const yesterday = worn.at(-1)?.base;
    const valueOf = (c: Keyed) =>
      c.score -
      c.ids.reduce(
        (cost, id, j) =>
          packed.has(id) || required.has(id)
            ? cost
            : cost + PACKING_COST[c.items[j].category],
        0,
      ) -
      (c.base === yesterday ? SAME_AS_YESTERDAY : 0) -
      SAME_BASE * worn.filter((w) => w.base === c.base).length;
    const later = ahead.slice(i + 1);
    const leavesEnough = (c: Keyed) =>
      canDress(later, new Set([...taken, c.key]));
    const values = good.map(valueOf);
    const top = Math.max(...values);
    const band = good.filter((_, j) => values[j] >= top - DRAW_BAND);
    // The draw is among the band's outfits that leave the later days theirs;
    // failing that, the best one that does; failing that (no plan dresses
    // every day), the band as it stands.
    const fits = band.filter(leavesEnough);
    const rest = fits.length ? [] : [...candidates]
      .sort((a, b) => valueOf(b) - valueOf(a))
      .filter((c) => !band.includes(c));
    const rescue = rest.find(leavesEnough);
    const chosen = fits.length
      ? fits[Math.floor(random() * fits.length)]
      : rescue ?? band[Math.floor(random() * band.length)];
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
      contextOfOutfit(context, worn.length),
    ),
    outfits,
    best: -Infinity,
  };
}

/**
 * Whether every day of the trip can wear an outfit of its own under its
 * rules: what the job's context checks before it keeps a set of rules.
 */
export function canDressEveryDay(
  input: Pick<PlanInput, "ask" | "season" | "count" | "context" | "taste">,
): boolean {
  const required = new Set(input.ask.required.map((item) => item.id));
  const full = { ...input, seed: "" };
  const days = Array.from(
    { length: input.count },
    (_, i) => dayOptions(full, i, required),
  );
  return canDress(days, new Set());
}

type Keyed = Candidate & { key: string };

/** What one day of the trip may wear. */
type DayOptions = {
  brief: StyleBrief;
  /**
   * The outfits its rules and the shopper's history allow that are not
   * `taken`: the lean search's, or the thorough one's when fewer than
   * three of those are left (as a one-day plan does).
   */
  options(taken: ReadonlySet<string>): Keyed[];
};

function dayOptions(
  input: PlanInput,
  /** The day's place in the trip, from 0. */
  day: number,
  required: ReadonlySet<string>,
): DayOptions {
  const brief = briefFor(
    input.ask,
    input.season,
    input.taste,
    contextOfOutfit(input.context, day),
  );
  const pool = input.ask.pool.filter((item) =>
    required.has(item.id) ||
    !brief.rules.some((rule) => rule.excludes?.(item))
  );
  const history = historyOf(input.taste, pool, required);
  const search = (thorough: boolean): Keyed[] =>
    enumerate(pool, brief, history, thorough).flatMap((c) =>
      blockedBy(c.ids, history) === null ? [{ ...c, key: keyOf(c.ids) }] : []
    );
  const lean = search(false);
  let thorough: Keyed[] | undefined;
  return {
    brief,
    options(taken) {
      const left = lean.filter((c) => !taken.has(c.key));
      if (left.length >= 3) return left;
      thorough ??= search(true);
      return thorough.filter((c) => !taken.has(c.key));
    },
  };
}

/** The same outfit, whatever order its pieces are in. */
function keyOf(ids: readonly string[]): string {
  return [...new Set(ids)].sort().join(" ");
}

/**
 * Whether each of `days` can wear an outfit of its own, none of them
 * `taken` and no two days the same (a matching, by augmenting paths: a
 * trip is at most fourteen days).
 */
function canDress(
  days: readonly DayOptions[],
  taken: ReadonlySet<string>,
): boolean {
  const options = days.map((day) => day.options(taken).map((c) => c.key));
  const wornBy = new Map<string, number>();
  const place = (day: number, seen: Set<string>): boolean => {
    for (const key of options[day]) {
      if (seen.has(key)) continue;
      seen.add(key);
      const other = wornBy.get(key);
      if (other === undefined || place(other, seen)) {
        wornBy.set(key, day);
        return true;
      }
    }
    return false;
  };
  return options.every((_, day) => place(day, new Set()));
}

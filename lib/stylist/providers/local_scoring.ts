/**
 * How the built-in stylist judges one outfit: formality against a target,
 * colour harmony, pattern, season, and a few rules per occasion. Higher is
 * better; the numbers only matter relative to each other.
 */
import type {
  Category,
  DayWeather,
  JobContext,
  Occasion,
  Season,
  WardrobeItem,
} from "../../schemas.ts";
import { analyzeColors, type ColorHarmony } from "../color_harmony.ts";
import { type DressRule, formalityShift, rulesFrom } from "../dress_rules.ts";
import type { Taste } from "../types.ts";
import {
  OCCASION_FORMALITY,
  occasionBonus,
  suitsOccasion,
} from "./local_occasions.ts";

/**
 * What a request asks of the built-in stylist, whatever its flow
 * (`askOf` in lib/stylist/outfit_rules.ts): the pieces it may use, those
 * every outfit holds, and the occasions it dresses for.
 */
export type StylistAsk = {
  pool: WardrobeItem[];
  required: WardrobeItem[];
  occasions: readonly Occasion[];
};

/** What the stylist aims for in one request. */
export type StyleBrief = {
  /** Empty outside the occasion flow. */
  occasions: Occasion[];
  /** Target formality, 1 to 5. */
  target: number;
  season: Season;
  /** Anchors or the candidate: in every outfit, so never a "reuse". */
  required: WardrobeItem[];
  /** Pairs of pieces ("a b", ids sorted) from outfits the shopper liked. */
  liked: ReadonlySet<string>;
  /** What the day and the notes ask for (lib/stylist/dress_rules.ts). */
  rules: readonly DressRule[];
  /** The day's forecast where the shopper will be, when known. */
  weather: DayWeather | null;
  /** The town, when known: "Oslo". */
  place: string | null;
  /** The notes the stylist follows, as `context.notes.applied` says them. */
  heard: readonly string[];
};

export type ScoreNotes = {
  /** Weighted average formality of the outfit. */
  formality: number;
  harmony: ColorHarmony;
  /** Pieces with a print, stripe or check (texture does not count). */
  patterned: WardrobeItem[];
  /** Pieces not meant for the current season. */
  offSeason: WardrobeItem[];
  /** Of the brief's occasions, those the outfit suits. */
  suits: Occasion[];
  /** Pairings the shopper liked before that this outfit repeats. */
  likedPairs: number;
};

export type Score = { value: number; notes: ScoreNotes };

/** A dress counts double: it does the work of a top and a bottom. */
const WEIGHT: Readonly<Record<Category, number>> = {
  dress: 2,
  top: 1,
  bottom: 1,
  shoes: 1,
  outerwear: 0.75,
  bag: 0.5,
  accessory: 0.5,
};

/** A pairing the shopper liked before, and the most such pairings add. */
const LIKED_PAIR = 0.5;
const LIKED_CAP = 1.5;
/** A multi-occasion outfit that misses one of them. */
const UNSUITED_PENALTY = 1.5;
/**
 * An outfit with the colour the shopper asked for: enough that the search's
 * trimming keeps such outfits in sight (the rule itself is enforced).
 */
const WANTED_BONUS = 1.5;

/** How welcome a coat or jacket is, by season. */
const LAYER_BONUS: Readonly<Record<Season, number>> = {
  winter: 1.5,
  autumn: 0.8,
  spring: 0.5,
  summer: -0.8,
};

/**
 * The brief for a request: occasions and their average formality, the
 * anchors' average formality, or the candidate's formality, moved a step
 * when the notes ask for dressier or more casual; the pairings the shopper
 * liked; and the job's rules and forecast.
 */
export function briefFor(
  ask: Pick<StylistAsk, "required" | "occasions">,
  season: Season,
  taste?: Taste,
  context?: Pick<JobContext, "rules" | "weather" | "place" | "notes">,
): StyleBrief {
  const { required } = ask;
  const occasions = [...ask.occasions];
  const levels = occasions.length
    ? occasions.map((o) => OCCASION_FORMALITY[o])
    : required.map((item) => item.formality);
  const rules = rulesFrom(context?.rules ?? []);
  const base = levels.length
    ? levels.reduce((a, b) => a + b, 0) / levels.length
    : 3;
  const target = Math.min(5, Math.max(1, base + formalityShift(rules)));
  return {
    occasions,
    target,
    season,
    required,
    liked: likedPairs(taste),
    rules,
    weather: context?.weather ?? null,
    place: context?.place?.name ?? null,
    heard: context?.notes.applied ?? [],
  };
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a} ${b}` : `${b} ${a}`;
}

/** Every pair of pieces from the liked outfits (not the candidate, not owned). */
function likedPairs(taste: Taste | undefined): Set<string> {
  const pairs = new Set<string>();
  for (const ids of taste?.liked ?? []) {
    const owned = ids.filter((id) => id !== "candidate");
    owned.forEach((a, i) => {
      for (const b of owned.slice(i + 1)) pairs.add(pairKey(a, b));
    });
  }
  return pairs;
}

/** Scores one wearable outfit against the brief. */
export function scoreOutfit(
  items: WardrobeItem[],
  brief: StyleBrief,
): Score {
  const fit = formalityFit(items, brief.target);
  let value = fit.value;

  const harmony = analyzeColors(items.flatMap((item) => item.colors));
  value += harmony.score;

  // Texture reads as a solid colour from a distance, so only prints,
  // stripes and checks compete with each other.
  const patterned = items.filter((item) =>
    item.pattern !== "solid" && item.pattern !== "textured"
  );
  if (patterned.length === 1) value += 0.3;
  else if (patterned.length > 1) value -= 2.5 * (patterned.length - 1);

  const offSeason = items.filter((item) =>
    !item.seasons.includes(brief.season)
  );
  for (const item of offSeason) value -= 1.5 * WEIGHT[item.category];

  for (const item of items) {
    if (item.category === "outerwear") value += LAYER_BONUS[brief.season];
    // A finishing piece helps only when it matches the outfit's register.
    if (item.category === "bag" || item.category === "accessory") {
      value += Math.abs(item.formality - brief.target) <= 1 ? 0.35 : -1;
    }
  }

  const suits: Occasion[] = [];
  if (brief.occasions.length) {
    let bonus = 0;
    for (const occasion of brief.occasions) {
      const own = occasionBonus(occasion, items, harmony);
      bonus += own;
      if (suitsOccasion(occasion, fit.average, own)) suits.push(occasion);
    }
    value += bonus / brief.occasions.length;
    // Asked for several occasions, the shopper wants outfits for all of them.
    if (brief.occasions.length > 1) {
      value -= UNSUITED_PENALTY * (brief.occasions.length - suits.length);
    }
  }

  for (const rule of brief.rules) {
    if (rule.wants && items.some(rule.wants)) value += WANTED_BONUS;
  }

  let likedPairs = 0;
  if (brief.liked.size) {
    items.forEach((a, i) => {
      for (const b of items.slice(i + 1)) {
        if (brief.liked.has(pairKey(a.id, b.id))) likedPairs++;
      }
    });
    value += Math.min(LIKED_CAP, LIKED_PAIR * likedPairs);
  }

  const notes = {
    formality: fit.average,
    harmony,
    patterned,
    offSeason,
    suits,
    likedPairs,
  };
  return { value, notes };
}

/**
 * Which of `occasions` an outfit suits, by the same rules the built-in
 * stylist scores with: what a multi-occasion outfit's card says it is for.
 */
export function occasionsSuited(
  items: WardrobeItem[],
  occasions: readonly Occasion[],
  season: Season,
): Occasion[] {
  const levels = occasions.map((o) => OCCASION_FORMALITY[o]);
  const target = levels.reduce((a, b) => a + b, 0) / (levels.length || 1);
  const brief: StyleBrief = {
    occasions: [...occasions],
    target,
    season,
    required: [],
    liked: new Set(),
    rules: [],
    weather: null,
    place: null,
    heard: [],
  };
  return scoreOutfit(items, brief).notes.suits;
}

/** Closeness to the target formality, and how coherent the pieces are. */
function formalityFit(
  items: WardrobeItem[],
  target: number,
): { value: number; average: number } {
  let value = 0;
  let weights = 0;
  let deviation = 0;
  let sum = 0;
  for (const item of items) {
    const w = WEIGHT[item.category];
    const off = Math.abs(item.formality - target);
    weights += w;
    sum += w * item.formality;
    deviation += w * off;
    // A single piece far from the target jars even when the average is fine.
    value -= 1.5 * Math.max(0, off - 1.5);
  }
  value -= 2.5 * (deviation / weights);
  // Clothes from different registers (a puffer over a silk dress) clash
  // with each other whatever the target; small pieces are forgiven.
  const levels = items
    .filter((item) => item.category !== "bag" && item.category !== "accessory")
    .map((item) => item.formality);
  const spread = Math.max(...levels) - Math.min(...levels);
  value -= 0.75 * Math.max(0, spread - 1);
  return { value, average: sum / weights };
}

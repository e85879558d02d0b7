/**
 * How the built-in stylist judges one outfit: formality against a target,
 * colour harmony, pattern, season, and a few rules per occasion. Higher is
 * better; the numbers only matter relative to each other.
 */
import type {
  Category,
  GenerateRequest,
  Occasion,
  Season,
  WardrobeItem,
} from "../../schemas.ts";
import { analyzeColors, type ColorHarmony } from "../color_harmony.ts";
import { requiredItems } from "../outfit_rules.ts";
import { OCCASION_FORMALITY, occasionBonus } from "./local_occasions.ts";

/** What the stylist aims for in one request. */
export type StyleBrief = {
  /** Empty outside the occasion flow. */
  occasions: Occasion[];
  /** Target formality, 1 to 5. */
  target: number;
  season: Season;
  /** Anchors or the candidate: in every outfit, so never a "reuse". */
  required: WardrobeItem[];
};

export type ScoreNotes = {
  /** Weighted average formality of the outfit. */
  formality: number;
  harmony: ColorHarmony;
  /** Pieces with a print, stripe or check (texture does not count). */
  patterned: WardrobeItem[];
  /** Pieces not meant for the current season. */
  offSeason: WardrobeItem[];
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

/** How welcome a coat or jacket is, by season. */
const LAYER_BONUS: Readonly<Record<Season, number>> = {
  winter: 1.5,
  autumn: 0.8,
  spring: 0.5,
  summer: -0.8,
};

/**
 * The brief for a request: occasions and their average formality, the
 * anchors' average formality, or the candidate's formality.
 */
export function briefFor(
  request: GenerateRequest,
  pool: WardrobeItem[],
  season: Season,
): StyleBrief {
  const required = requiredItems(request, pool);
  const occasions = request.mode === "occasion" ? request.occasions : [];
  const levels = occasions.length
    ? occasions.map((o) => OCCASION_FORMALITY[o])
    : required.map((item) => item.formality);
  const target = levels.length
    ? levels.reduce((a, b) => a + b, 0) / levels.length
    : 3;
  return { occasions, target, season, required };
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

  if (brief.occasions.length) {
    const bonus = brief.occasions.reduce(
      (sum, occasion) => sum + occasionBonus(occasion, items, harmony),
      0,
    );
    value += bonus / brief.occasions.length;
  }

  const notes = { formality: fit.average, harmony, patterned, offSeason };
  return { value, notes };
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

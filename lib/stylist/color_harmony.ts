/**
 * Colour harmony on the closed palette of lib/colors.ts.
 *
 * Neutrals (no hue) go with everything, so only the accents decide: hues
 * within {@link FAMILY_SPREAD} degrees of each other read as one colour family
 * (red and burgundy), two families are analogous when close on the wheel and
 * complementary when roughly opposite; anything else, or a third family,
 * competes for attention.
 */
import { type ColorName, isNeutral, PALETTE } from "../colors.ts";

/** Hues closer than this read as shades of one colour. */
export const FAMILY_SPREAD = 30;
/** Two families at most this far apart sit side by side on the wheel. */
export const ANALOGOUS_MAX = 45;
/** Two families at least this far apart (up to 180) face each other. */
export const COMPLEMENTARY_MIN = 150;

export type HarmonyKind =
  | "neutral"
  | "tonal"
  | "analogous"
  | "complementary"
  | "clash"
  | "busy";

export type ColorHarmony = {
  kind: HarmonyKind;
  /** Distinct neutral colours, in order of first appearance. */
  neutrals: ColorName[];
  /** Distinct accent colours, in order of first appearance. */
  accents: ColorName[];
  /** Accents grouped into hue families. */
  families: ColorName[][];
  /** How well the colours work together: positive is good. */
  score: number;
};

const SCORES: Record<HarmonyKind, number> = {
  neutral: 1,
  tonal: 1.5,
  analogous: 1.5,
  complementary: 1.2,
  clash: -3,
  busy: -4,
};

/**
 * The shortest distance between two hues on the colour wheel, 0 to 180.
 *
 * @example hueDistance(350, 10) // 20
 */
export function hueDistance(a: number, b: number): number {
  const d = Math.abs(a - b) % 360;
  return d > 180 ? 360 - d : d;
}

/**
 * Judges how a set of colours (an outfit's, in any order, repeats allowed)
 * works together.
 *
 * @example analyzeColors(["navy", "white", "rust"]).kind // "tonal"
 */
export function analyzeColors(colors: readonly ColorName[]): ColorHarmony {
  const distinct = [...new Set(colors)];
  const neutrals = distinct.filter(isNeutral);
  const accents = distinct.filter((c) => !isNeutral(c));
  const families = groupFamilies(accents);
  const kind = classify(families);
  // Every extra family beyond the second makes the outfit noisier still.
  const score = SCORES[kind] - Math.max(0, families.length - 3);
  return { kind, neutrals, accents, families, score };
}

function hueOf(color: ColorName): number {
  return PALETTE[color].hue ?? 0;
}

function groupFamilies(accents: ColorName[]): ColorName[][] {
  const families: ColorName[][] = [];
  for (const color of accents) {
    const home = families.find((family) =>
      family.every((c) => hueDistance(hueOf(c), hueOf(color)) <= FAMILY_SPREAD)
    );
    if (home) home.push(color);
    else families.push([color]);
  }
  return families;
}

function classify(families: ColorName[][]): HarmonyKind {
  if (families.length === 0) return "neutral";
  if (families.length === 1) return "tonal";
  if (families.length > 2) return "busy";
  const distance = hueDistance(hueOf(families[0][0]), hueOf(families[1][0]));
  if (distance <= ANALOGOUS_MAX) return "analogous";
  if (distance >= COMPLEMENTARY_MIN) return "complementary";
  return "clash";
}

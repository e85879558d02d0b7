/**
 * The colour palette wardrobe items are described in.
 *
 * A closed list (rather than free text or hex) lets the built-in stylist
 * reason about harmony and lets the UI draw swatches without guessing.
 * `hue` is the position on the colour wheel in degrees; neutrals have none
 * and go with everything.
 */
export const PALETTE = {
  black: { hex: "#1c1c1c", hue: null },
  white: { hex: "#fafaf7", hue: null },
  cream: { hex: "#f1e8d2", hue: null },
  grey: { hex: "#8d8d8d", hue: null },
  charcoal: { hex: "#3d3d3f", hue: null },
  beige: { hex: "#d8c3a5", hue: null },
  camel: { hex: "#b9875a", hue: null },
  tan: { hex: "#c39b6c", hue: null },
  brown: { hex: "#6b4a33", hue: null },
  navy: { hex: "#1f2c4d", hue: null },
  denim: { hex: "#4a6a8f", hue: null },
  khaki: { hex: "#b7a97b", hue: null },
  olive: { hex: "#6b6b3a", hue: 60 },
  silver: { hex: "#c0c0c4", hue: null },
  gold: { hex: "#c9a13b", hue: null },
  red: { hex: "#c0392b", hue: 0 },
  burgundy: { hex: "#6d1f2f", hue: 345 },
  pink: { hex: "#e8a1b4", hue: 340 },
  blush: { hex: "#efc7c2", hue: 10 },
  orange: { hex: "#e07a2f", hue: 25 },
  rust: { hex: "#a2462a", hue: 15 },
  terracotta: { hex: "#c4673f", hue: 18 },
  mustard: { hex: "#d4a72c", hue: 45 },
  yellow: { hex: "#f2d04b", hue: 52 },
  green: { hex: "#3f8a4e", hue: 130 },
  sage: { hex: "#a3b18a", hue: 90 },
  emerald: { hex: "#1f7a5a", hue: 155 },
  teal: { hex: "#1f7a7a", hue: 180 },
  blue: { hex: "#2f6db5", hue: 215 },
  "light blue": { hex: "#a9c8e8", hue: 210 },
  cobalt: { hex: "#1f4fbf", hue: 225 },
  purple: { hex: "#6d3f8f", hue: 280 },
  lavender: { hex: "#b9a7d6", hue: 265 },
} as const satisfies Record<string, { hex: string; hue: number | null }>;

export type ColorName = keyof typeof PALETTE;

export const COLOR_NAMES = Object.keys(PALETTE) as [ColorName, ...ColorName[]];

export function isNeutral(color: ColorName): boolean {
  return PALETTE[color].hue === null;
}

/**
 * The shades a shopper means by a broad colour word: "something green"
 * is met by emerald or sage, "nothing pink" keeps blush away too. A shade
 * named on its own ("emerald") means only itself.
 */
const SHADES: Partial<Record<ColorName, readonly ColorName[]>> = {
  green: ["green", "emerald", "sage", "olive"],
  blue: ["blue", "cobalt", "light blue", "navy", "denim", "teal"],
  red: ["red", "burgundy"],
  pink: ["pink", "blush"],
  brown: ["brown", "tan", "camel"],
  orange: ["orange", "rust", "terracotta"],
  yellow: ["yellow", "mustard"],
  purple: ["purple", "lavender"],
  grey: ["grey", "charcoal"],
  white: ["white", "cream"],
};

/** @example shadesOf("green") // ["green", "emerald", "sage", "olive"] */
export function shadesOf(color: ColorName): readonly ColorName[] {
  return SHADES[color] ?? [color];
}

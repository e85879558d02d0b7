/**
 * Colour arithmetic for the drawings: every tone a picture uses is mixed
 * from the item's palette colours, so a white shirt gets a warm grey outline
 * and a black one gets seams light enough to see.
 */

/** The app's ink (static/css/base.css `--ink`): outlines lean towards it. */
export const INK = "#2b2622";
export const WHITE = "#ffffff";

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(channels: readonly number[]): string {
  return `#${
    channels.map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")
  }`;
}

/** `a` moved towards `b` by `t` (0: a, 1: b). */
export function mix(a: string, b: string, t: number): string {
  const [x, y] = [rgb(a), rgb(b)];
  return toHex(x.map((c, i) => c + (y[i] - c) * t));
}

/** Relative luminance (WCAG), 0 for black to 1 for white. */
export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Below this a fabric reads as dark: its outline goes darker still. */
const DARK = 0.06;
/** Below this, seams drawn darker than the fabric would not show. */
const DEEP = 0.16;

/**
 * The lines a fabric is drawn with: `line` round the silhouette, `detail`
 * for seams, pockets and buttons inside it. Light fabrics get lines close to
 * ink, so white and cream pieces stand out from the cream tile; deep ones
 * get details lifted towards white, so a black jacket still has a collar.
 */
export function linesFor(fill: string): { line: string; detail: string } {
  const lum = luminance(fill);
  const line = lum < DARK
    ? mix(fill, "#000000", 0.45)
    : mix(fill, INK, lum > 0.5 ? 0.62 : 0.55);
  const detail = lum < DEEP
    ? mix(fill, WHITE, 0.32)
    : mix(fill, INK, lum > 0.5 ? 0.38 : 0.42);
  return { line, detail };
}

/**
 * The second colour of a pattern when the item has only one: a lighter
 * version of a dark fabric, a deeper one of a light fabric.
 */
export function companionOf(fill: string): string {
  return luminance(fill) > 0.35 ? mix(fill, INK, 0.3) : mix(fill, WHITE, 0.5);
}

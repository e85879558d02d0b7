/**
 * What a drawing draws with. A drawing is a function of a {@link Pen}: it
 * names shapes (the body in the fabric, a collar in the trim colour, a fold,
 * a seam) and the pen decides their colours and line weights, so every
 * picture shares one style. A drawing picks a colour itself only for what
 * never takes the item's: a rubber sole, a watch face, tinted lenses.
 *
 * Everything written here is SVG presentation attributes (fill, stroke…):
 * the pictures carry no `style`, no script and no link to anything outside.
 */
import { FABRIC_ID } from "./fabrics.ts";
import { linesFor, mix } from "./tones.ts";

const OUTLINE_WIDTH = 1.5;
const DETAIL_WIDTH = 0.9;

/** Hardware (buckles, zips, rivets) when the item is neither gold nor silver. */
export const STEEL = "#b9bcc2";
/** Denim's orange-gold topstitching thread. */
const THREAD = "#d39a3c";

export type PenColors = {
  /** The main colour, under any pattern. */
  main: string;
  /** Whether the body is patterned (then `fabric` is the pattern). */
  patterned: boolean;
  /** The second colour (collar, sole, strap), or a shade of the main one. */
  trim: string;
  /** The second colour only when the item has one (a sneaker's sole). */
  accent: string | null;
  /** The hardware's metal: the item's gold or silver if it has one. */
  metal: string;
};

export type Pen = {
  readonly colors: PenColors;
  /** The piece's main shape, in its fabric and outlined. */
  body(d: string): string;
  /** A part in the second colour (a collar, a sole, a strap), outlined. */
  trim(d: string): string;
  /** A part in the main colour without the pattern (a knot, a rib band). */
  plain(d: string): string;
  /** A part in a colour of the drawing's choosing (a lens, a sole). */
  paint(d: string, fill: string): string;
  /** Metal hardware, outlined. */
  metal(d: string): string;
  /** A fold or an inside: a darker tint of whatever is under it. */
  fold(d: string, strength?: number): string;
  /** A highlight: a lighter tint of whatever is under it. */
  light(d: string, strength?: number): string;
  /** A seam, a pocket edge, a rib: a thin line in the detail tone. */
  seam(d: string, width?: number): string;
  /** A line in the outline tone, as heavy as the silhouette. */
  edge(d: string): string;
  /** A ribbon along a line in the trim colour (a neckband, a strap). */
  band(d: string, width: number): string;
  /** Topstitching in contrast thread (jeans, a denim jacket). */
  stitch(d: string): string;
  /** A ring of fabric (a hoop, a bangle, a rolled belt), outlined. */
  hoop(cx: number, cy: number, rx: number, ry: number, width: number): string;
  /** A button or a rivet. */
  dot(x: number, y: number, r?: number): string;
};

export function createPen(colors: PenColors): Pen {
  const { line, detail } = linesFor(colors.main);
  const fabric = colors.patterned ? `url(#${FABRIC_ID})` : colors.main;
  const outlined = (d: string, fill: string, stroke = line) =>
    `<path d="${d}" fill="${fill}" stroke="${stroke}" stroke-width="${OUTLINE_WIDTH}"/>`;
  return {
    colors,
    body: (d) => outlined(d, fabric),
    trim: (d) => outlined(d, colors.trim),
    plain: (d) => outlined(d, colors.main),
    paint: (d, fill) => outlined(d, fill),
    metal: (d) => outlined(d, colors.metal, mix(colors.metal, "#000000", 0.45)),
    fold: (d, strength = 0.13) =>
      `<path d="${d}" fill="#000000" fill-opacity="${strength}"/>`,
    light: (d, strength = 0.2) =>
      `<path d="${d}" fill="#ffffff" fill-opacity="${strength}"/>`,
    seam: (d, width = DETAIL_WIDTH) =>
      `<path d="${d}" fill="none" stroke="${detail}" stroke-width="${width}"/>`,
    edge: (d) =>
      `<path d="${d}" fill="none" stroke="${line}" stroke-width="${OUTLINE_WIDTH}"/>`,
    band: (d, width) =>
      `<path d="${d}" fill="none" stroke="${colors.trim}" stroke-width="${width}"/>`,
    stitch: (d) =>
      `<path d="${d}" fill="none" stroke="${THREAD}" stroke-width="0.7" stroke-dasharray="1.4 1"/>`,
    hoop: (cx, cy, rx, ry, width) => {
      const ellipse =
        `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${ry}" fill="none"`;
      return `${ellipse} stroke="${line}" stroke-width="${
        width + 2 * OUTLINE_WIDTH
      }"/>${ellipse} stroke="${fabric}" stroke-width="${width}"/>`;
    },
    dot: (x, y, r = 1.2) =>
      `<circle cx="${x}" cy="${y}" r="${r}" fill="${detail}"/>`,
  };
}

/** A kind's picture: what it draws, and which way its stripes run. */
export type Drawing = {
  draw: (pen: Pen) => string;
  stripes?: "across" | "down";
};

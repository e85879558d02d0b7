/**
 * One piece as an SVG document: its kind's drawing in its colours and
 * pattern, in a 100 × 100 view box. Every value written comes from our own
 * tables (palette hex codes, drawing paths); nothing of a request is echoed.
 */
import { type ColorName, PALETTE } from "../colors.ts";
import { DRAWINGS } from "./drawings.ts";
import type { Pattern } from "../schemas.ts";
import { FABRIC_ID, fabricDefs } from "./fabrics.ts";
import type { Kind } from "./kinds.ts";
import { createPen, STEEL } from "./pen.ts";
import { companionOf, INK, luminance, mix, WHITE } from "./tones.ts";

export type IllustrationSpec = {
  kind: Kind;
  /** One to four palette colours, the main one first. */
  colors: readonly ColorName[];
  pattern: Pattern;
};

/** The size an `<img>` gets before CSS sizes it (any square would do). */
const INTRINSIC_PX = 240;

/** The main colour a shade deeper (or, for dark colours, lighter). */
function shadeOf(hex: string): string {
  return luminance(hex) < 0.06 ? mix(hex, WHITE, 0.14) : mix(hex, INK, 0.14);
}

/** Buckles and zips in the item's gold or silver, else plain steel. */
function metalOf(colors: readonly ColorName[]): string {
  if (colors.includes("gold")) return PALETTE.gold.hex;
  return colors.includes("silver") ? PALETTE.silver.hex : STEEL;
}

/** Where a drawing sits in a larger SVG, and the name its fabric takes there. */
export type IllustrationFrame = {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Unique in the document, as every drawing names its fabric the same. */
  fabricId: string;
};

/**
 * The drawing as an SVG document, or (given a `frame`) as an element of
 * another one: nested, not an `<image>`, so a server-side renderer draws
 * it as part of the page instead of parsing and rasterising it apart.
 */
export function renderIllustration(
  spec: IllustrationSpec,
  frame?: IllustrationFrame,
): string {
  const svg = drawnSvg(spec);
  if (!frame) return svg;
  const { x, y, width, height, fabricId } = frame;
  return svg
    .replace(
      `width="${INTRINSIC_PX}" height="${INTRINSIC_PX}"`,
      `x="${x}" y="${y}" width="${width}" height="${height}"`,
    )
    .replaceAll(`id="${FABRIC_ID}"`, `id="${fabricId}"`)
    .replaceAll(`url(#${FABRIC_ID})`, `url(#${fabricId})`);
}

function drawnSvg(spec: IllustrationSpec): string {
  const hex = spec.colors.map((color) => PALETTE[color].hex);
  const main = hex[0];
  const patterned = spec.pattern !== "solid";
  const second = hex[1] ?? companionOf(main);
  const drawing = DRAWINGS[spec.kind];
  const defs = fabricDefs(
    spec.pattern,
    { base: main, second, third: hex[2] ?? mix(second, INK, 0.4) },
    drawing.stripes ?? "across",
  );
  const pen = createPen({
    main,
    patterned,
    // A second colour trims a plain piece; a patterned one already wears it.
    trim: (patterned ? hex[2] : hex[1]) ?? shadeOf(main),
    accent: (patterned ? hex[2] : hex[1]) ?? null,
    metal: metalOf(spec.colors),
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="${INTRINSIC_PX}" height="${INTRINSIC_PX}">${
    defs ? `<defs>${defs}</defs>` : ""
  }<g fill-rule="evenodd" stroke-linejoin="round" stroke-linecap="round">${
    drawing.draw(pen)
  }</g></svg>`;
}

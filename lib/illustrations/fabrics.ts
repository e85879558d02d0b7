/**
 * The fabric a piece is cut from: its colour, or an SVG `<pattern>` of its
 * colours (stripes, checks, flowers, a paisley print, a knit texture) that
 * its shapes are filled with. Each picture is its own SVG document, so one
 * fixed id is safe.
 */
import type { Pattern } from "../schemas.ts";
import { mix } from "./tones.ts";

export const FABRIC_ID = "fabric";

export type FabricColors = {
  base: string;
  /** Stripes, checks, petals, the print's motif. */
  second: string;
  /** The flowers' hearts and the print's dots. */
  third: string;
};

/** Stripes run across a top and down a pair of trousers. */
export type StripeDirection = "across" | "down";

function pattern(size: number, body: string, turn = 0): string {
  const transform = turn ? ` patternTransform="rotate(${turn})"` : "";
  return `<pattern id="${FABRIC_ID}" patternUnits="userSpaceOnUse" width="${size}" height="${size}"${transform}>${body}</pattern>`;
}

const rect = (x: number, y: number, w: number, h: number, fill: string) =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}"/>`;

/** A five-petalled flower centred on (x, y). */
function flower(x: number, y: number, petal: string, heart: string): string {
  const petals = [0, 72, 144, 216, 288].map((deg) => {
    const a = (deg * Math.PI) / 180;
    const [px, py] = [x + Math.sin(a) * 2.1, y - Math.cos(a) * 2.1];
    return `<circle cx="${px.toFixed(2)}" cy="${
      py.toFixed(2)
    }" r="1.6" fill="${petal}"/>`;
  });
  return `${
    petals.join("")
  }<circle cx="${x}" cy="${y}" r="1.1" fill="${heart}"/>`;
}

/** A paisley teardrop, curling at its tip. */
function paisley(x: number, y: number, turn: number, ink: string): string {
  return `<path transform="translate(${x} ${y}) rotate(${turn})" d="M0 3c-2.2 0-3-2.2-2.2-4S1.5-3.8 3-4.9c-.4 1.5.6 2.6.6 4.5S2.2 3 0 3z" fill="${ink}"/>`;
}

/**
 * The `<pattern>` for a fabric, or nothing for a plain colour.
 *
 * @example fabricDefs("striped", colors, "across") // '<pattern id="fabric" …'
 */
export function fabricDefs(
  name: Pattern,
  { base, second, third }: FabricColors,
  stripes: StripeDirection,
): string {
  switch (name) {
    case "solid":
      return "";
    case "striped":
      return pattern(
        7,
        rect(0, 0, 7, 7, base) + rect(0, 0, 7, 3, second),
        stripes === "down" ? 90 : 0,
      );
    case "checked": {
      const band = mix(base, second, 0.55);
      return pattern(
        12,
        rect(0, 0, 12, 12, base) + rect(0, 0, 12, 5, band) +
          rect(0, 0, 5, 12, band) + rect(0, 0, 5, 5, second) +
          rect(8.5, 0, 0.8, 12, second) + rect(0, 8.5, 12, 0.8, second),
      );
    }
    case "floral":
      return pattern(
        18,
        rect(0, 0, 18, 18, base) + flower(4.5, 4.5, second, third) +
          flower(13.5, 13.5, second, third) +
          `<circle cx="13" cy="4" r=".9" fill="${third}"/><circle cx="5" cy="13.5" r=".9" fill="${third}"/>`,
      );
    case "print":
      return pattern(
        20,
        rect(0, 0, 20, 20, base) + paisley(5, 6, 20, second) +
          paisley(15, 16, 200, second) +
          `<circle cx="15" cy="5" r="1.2" fill="${third}"/><circle cx="5" cy="15.5" r="1.2" fill="${third}"/>`,
      );
    case "textured": {
      const knit = mix(base, second, 0.45);
      return pattern(
        4,
        rect(0, 0, 4, 4, base) +
          `<path d="M0 .8 2 3.2 4 .8" fill="none" stroke="${knit}" stroke-width=".55"/>`,
      );
    }
  }
}

/**
 * Jackets and coats, drawn flat from the front, buttoned or zipped: blazers,
 * coats, trenches, puffers, leather and denim jackets, bombers and gilets.
 * Their torso is a size up from the tops', as a layer worn over them is.
 */
import type { Drawing, Pen } from "./pen.ts";

/** A hip-length torso with long sleeves, hem at `hem`. */
function torso(hem: number, flare = 0): string {
  const [left, right] = [27 - flare, 73 + flare];
  return `M38 10C44 12 56 12 62 10L76 15C81 18 84 25 85.5 33L90 78L80.5 80L76 46L73 42L${right} ${hem}H${left}L27 42L24 46L19.5 80L10 78L14.5 33C16 25 19 18 24 15Z`;
}

function sleeveFolds(p: Pen): string {
  return p.fold("M85.5 33C83 46 83.5 62 86 79L80.5 80L76 46Z", 0.08) +
    p.fold("M14.5 33C17 46 16.5 62 14 79L19.5 80L24 46Z", 0.08);
}

/** Notched lapels meeting at (50, `depth`), the inside dark between them. */
function lapels(p: Pen, depth: number): string {
  const notch = 24 + (depth - 40) * 0.1;
  return p.fold(`M39.5 10.5C45 12.5 55 12.5 60.5 10.5L50 ${depth}Z`, 0.34) +
    p.plain(
      `M40 11L50 ${depth}L36 ${notch + 4}L38.8 ${notch}L34 ${
        notch - 2
      }L38 10.5Z`,
    ) +
    p.plain(
      `M60 11L50 ${depth}L64 ${notch + 4}L61.2 ${notch}L66 ${
        notch - 2
      }L62 10.5Z`,
    ) +
    p.seam(`M41 14.5L49.5 ${depth - 3}M59 14.5L50.5 ${depth - 3}`, 0.6);
}

function flapPockets(p: Pen, y: number): string {
  return p.seam(`M30 ${y}H42V${y + 4.5}H30ZM58 ${y}H70V${y + 4.5}H58Z`);
}

const blazer: Drawing = {
  draw: (p) =>
    p.body(torso(86)) + sleeveFolds(p) +
    p.light("M31 44C33 56 33 72 32 85.5H36C37 72 36 56 31 44Z", 0.14) +
    lapels(p, 54) + p.edge("M50 54V86") + p.dot(50, 59, 1.5) +
    p.dot(50, 71, 1.5) + flapPockets(p, 68) + p.seam("M58.5 40.5H67.5") +
    p.seam("M81.5 72.5L84.5 72M82 75.5L85 75"),
};

const coat: Drawing = {
  draw: (p) =>
    p.body(torso(95, 3)) + sleeveFolds(p) +
    p.light("M31 44C33 60 32 78 30 94.5H34.5C36.5 78 36 60 31 44Z", 0.14) +
    p.fold("M70 44C67 60 67 78 69 95H76L73 42Z", 0.08) +
    lapels(p, 42) + p.edge("M50 42V95") + p.dot(50, 48, 1.6) +
    p.dot(50, 61, 1.6) + p.dot(50, 74, 1.6) + flapPockets(p, 72),
};

const trench: Drawing = {
  draw: (p) =>
    p.body(torso(95, 4)) + sleeveFolds(p) +
    p.fold("M70 56C67 68 67 82 69 95H77L74 56Z", 0.08) +
    lapels(p, 38) + p.seam("M53 16L68 20L66 33L55 30", 0.7) +
    p.edge("M57 40V95") + p.dot(43, 43, 1.4) + p.dot(56, 43, 1.4) +
    p.dot(43, 64, 1.4) + p.dot(56, 64, 1.4) + p.dot(43, 74, 1.4) +
    p.dot(56, 74, 1.4) + p.plain("M25.7 50H74.3V56H25.7Z") +
    p.metal("M46.5 49.2H53.5V56.8H46.5ZM48.3 51H51.7V55H48.3Z") +
    p.plain("M84.5 66L89.5 65.6L89.8 69L85 69.5Z") +
    p.plain("M15.5 66L10.5 65.6L10.2 69L15 69.5Z") +
    p.seam("M26 16L34 13.5M74 16L66 13.5", 1.1),
};

/** Quilting channels across a puffy body, lit along their tops. */
function channels(p: Pen, ys: readonly number[], left = 27, right = 73) {
  return ys.map((y) =>
    p.light(
      `M${left} ${y + 1}C40 ${y - 1} 60 ${y - 1} ${right} ${y + 1}V${
        y + 4
      }C60 ${y + 2} 40 ${y + 2} ${left} ${y + 4}Z`,
      0.16,
    ) +
    p.seam(`M${left} ${y}C40 ${y + 2.5} 60 ${y + 2.5} ${right} ${y}`)
  ).join("");
}

const puffer: Drawing = {
  draw: (p) =>
    p.body(
      "M37 11C44 13 56 13 63 11L77 15C83 18 86 25 87.5 33L91.5 76C92 79 89 81 86 81.5L82 81.5C79.5 81 78.5 79 78.5 76L76.5 47L75 44C76 58 76 72 75.5 86C60 89 40 89 24.5 86C24 72 24 58 25 44L23.5 47L21.5 76C21.5 79 20.5 81 18 81.5L14 81.5C11 81 8 79 8.5 76L12.5 33C14 25 17 18 23 15Z",
    ) + channels(p, [26, 38, 50, 62, 74], 25, 75) +
    p.seam(
      "M85 40L78 42M86.4 52L77.7 54M87.6 64L78.2 66M15 40L22 42M13.6 52L22.3 54M12.4 64L21.8 66",
    ) +
    p.plain("M38 3.5H62L63 12.5C56 15 44 15 37 12.5Z") +
    p.edge("M50 4V87.5") + p.metal("M48.6 12.5H51.4V19H48.6Z"),
};

const gilet: Drawing = {
  draw: (p) =>
    p.body(
      "M37 11C44 13 56 13 63 11L69 13C69 22 71 30 76 36C76 52 76 70 75.5 87C60 90 40 90 24.5 87C24 70 24 52 24 36C29 30 31 22 31 13Z",
    ) + channels(p, [30, 42, 54, 66, 78], 25, 75) +
    p.seam("M32.5 14C32.5 23 30 30 26 35.5M67.5 14C67.5 23 70 30 74 35.5") +
    p.plain("M38 3.5H62L63 12.5C56 15 44 15 37 12.5Z") +
    p.edge("M50 4V88.5") + p.metal("M48.6 12.5H51.4V19H48.6Z"),
};

const leatherJacket: Drawing = {
  draw: (p) =>
    p.body(torso(82)) + sleeveFolds(p) +
    p.light("M31 46C32.5 56 33 66 32.5 80H36C36.5 66 35.5 56 31 46Z", 0.2) +
    p.light("M80 36C82 48 83.5 62 85 76L87.5 75.5C86 60 84 46 80 36Z", 0.2) +
    p.fold("M39.5 10.5C45 12.5 55 12.5 60.5 10.5L57 33L44 36Z", 0.36) +
    p.plain("M40 11L45 37L30 30L34 23L29.5 19L38 10.5Z") +
    p.plain("M60 11L57 33L71 27L67 21.5L70.5 18.5L62 10.5Z") +
    p.dot(33, 27.5, 0.9) + p.dot(68, 24.5, 0.9) +
    p.edge("M57 33C55 48 52 66 50 82") +
    p.metal(
      "M56.2 33.5C54.5 48 51.6 66 49.6 81.6L50.8 81.8C52.8 66 55.7 48 57.6 33.7Z",
    ) +
    p.metal("M30 62L38 54.5L38.8 55.4L30.8 62.9Z") +
    p.metal("M62 58L70 50.5L70.8 51.4L62.8 58.9Z") +
    p.plain("M26.9 78H73.1V84.5H26.9Z") +
    p.metal("M29.5 77.2H35V85.3H29.5ZM31 78.8H33.5V83.7H31Z"),
};

const denimJacket: Drawing = {
  draw: (p) =>
    p.body(torso(84)) + sleeveFolds(p) +
    p.light("M31 44C33 54 33.5 66 33 79H36.5C37 66 36 54 31 44Z", 0.14) +
    p.stitch("M27 30C40 27 60 27 73 30") +
    p.seam("M31 33H44V44L37.5 46.5L31 44ZM56 33H69V44L62.5 46.5L56 44Z") +
    p.stitch("M31.8 37.5H43.2M56.8 37.5H68.2") + p.dot(37.5, 42.5, 1.1) +
    p.dot(62.5, 42.5, 1.1) + p.edge("M50 21V84") + p.stitch("M47.6 21V77") +
    p.dot(50, 35, 1.3) + p.dot(50, 47, 1.3) + p.dot(50, 59, 1.3) +
    p.dot(50, 71, 1.3) + p.edge("M27 77H73") +
    p.stitch("M27.5 80.5H72.5M31 77V84M69 77V84") + collarPoints(p) +
    p.plain("M89.2 73.5L80.1 75.5L80.6 80L90 78Z") +
    p.plain("M10.8 73.5L19.9 75.5L19.4 80L10 78Z"),
};

function collarPoints(p: Pen): string {
  return p.fold(
    "M39 10.5C44 8 56 8 61 10.5L57 14.5C54 13 46 13 43 14.5Z",
    0.3,
  ) +
    p.plain("M50 21L39 10C36 13 34 18 34.5 24L44 25Z") +
    p.plain("M50 21L61 10C64 13 66 18 65.5 24L56 25Z");
}

const jacket: Drawing = {
  draw: (p) =>
    p.body(torso(80)) + sleeveFolds(p) +
    p.light("M31 44C33 54 33.5 66 33 79H36.5C37 66 36 54 31 44Z", 0.14) +
    p.trim("M27 79H73V88C60 89.5 40 89.5 27 88Z") +
    p.seam(
      "M30 80.5V86.5M33 80.5V86.8M36 80.5V87M39 80.5V87.2M42 80.5V87.3M45 80.5V87.4M55 80.5V87.4M58 80.5V87.3M61 80.5V87.2M64 80.5V87M67 80.5V86.8M70 80.5V86.5",
      0.6,
    ) +
    p.trim("M90 78L80.5 80L81.5 86.5L91 84.5Z") +
    p.trim("M10 78L19.5 80L18.5 86.5L9 84.5Z") +
    p.fold("M38 10C44 12 56 12 62 10C59 17 41 17 38 10Z", 0.3) +
    p.trim(
      "M37 9.5C38 16 44 19 50 19C56 19 62 16 63 9.5L60.5 8.5C59 13.5 55 16 50 16C45 16 41 13.5 39.5 8.5Z",
    ) +
    p.edge("M50 19V88.8") + p.metal("M48.7 19H51.3V24.5H48.7Z") +
    p.seam("M33 52L38 62M67 52L62 62") +
    p.seam("M79 40H84V45H79.5Z", 0.7),
};

export const OUTERWEAR = {
  jacket,
  blazer,
  coat,
  trench,
  puffer,
  "leather-jacket": leatherJacket,
  "denim-jacket": denimJacket,
  gilet,
} satisfies Record<string, Drawing>;

/**
 * Shoes, drawn from the side with the toe to the right, as product shots
 * show them: the silhouette (heel height, shaft, toe) is what tells a loafer
 * from a pump, so it is drawn large, on a soft shadow.
 */
import type { Drawing, Pen } from "./pen.ts";

/** Off-white rubber for a sole the item's colours say nothing about. */
const RUBBER = "#f3efe6";
/** A leather sole's edge and a heel's block. */
const SOLE_DARK = "#3b302a";

function shadow(p: Pen, y: number, from = 12, to = 90): string {
  const [rx, cx] = [(to - from) / 2, (to + from) / 2];
  return p.fold(
    `M${cx - rx} ${y}a${rx} 2.6 0 1 0 ${2 * rx} 0a${rx} 2.6 0 1 0 ${
      -2 * rx
    } 0Z`,
    0.08,
  );
}

const sneakers: Drawing = {
  draw: (p) =>
    shadow(p, 75) +
    p.body(
      "M12 62C11 53 12 45 16 41C20 39 26 41 30 44C34 47 38 47 42 44L47 37C50 35 53 35 55 37L60 43C68 48 78 51 85 54C89 56 90.5 59 90 62Z",
    ) +
    p.light("M62 45C70 49 78 52 84 54.5L83 56.5C76 54 68 51 61 47Z", 0.24) +
    p.trim("M12 61.5C11 53 12 45 16 41L20.5 40C17.5 47 17.5 54 19 61.5Z") +
    p.seam("M71 62C71 56.5 75 52.5 81.5 53") +
    p.seam("M43 45C50 52 58 52 64 46.5") +
    p.seam("M46 43.5L51.5 39.5M50 46.5L55.5 42.5M54 49L59.5 45.5", 1.2) +
    p.seam("M25 58C36 51 50 52 62 58.5") +
    p.paint(
      "M9.5 63.5C9.5 61.5 11 60.5 13 60.5H85C89 60.5 92 63 92 66.5C92 70.5 89 73 85 73H14C11.5 73 9.5 71 9.5 68.5Z",
      p.colors.accent ?? RUBBER,
    ) + p.seam("M11.5 66.8H90", 0.6),
};

/** A low shoe's upper, heel at the left; its sole and heel go below. */
const LOW_UPPER =
  "M12 64C11.5 57 13 52 17 50.5C23 50 30 53 38 53C45 53 50 50 56 50.5C68 52 80 56 86 60C89 62 90 64 89.5 66H12Z";

function leatherSole(p: Pen): string {
  return shadow(p, 75) +
    p.paint(
      "M10.5 65.5H91C91 68.3 89.5 70 87 70H28V73.5H13.5V70C11.5 69.5 10.5 68 10.5 65.5Z",
      SOLE_DARK,
    );
}

/** The lining seen along the topline, from the heel to the instep. */
const TOPLINE_INSIDE =
  "M17 50.5C23 50 30 53 38 53C45 53 50 50 56 50.5L55 53C49 53 45 55.6 38 55.6C30 55.6 23 53 17.5 53Z";

const loafers: Drawing = {
  draw: (p) =>
    leatherSole(p) + p.body(LOW_UPPER) + p.fold(TOPLINE_INSIDE, 0.3) +
    p.light("M63 53C71 55 79 58 84.5 61.5L83 63C77 60 70 57 62 55Z", 0.24) +
    p.seam("M55 51.5C58 56.5 70 59.5 84 59.5") +
    p.trim("M43 54C49 52.5 56 53 61 55L60 59.5C55 57.5 49 57.5 43.5 58.5Z") +
    p.fold("M49 55.2H55V57H49Z", 0.5),
};

const oxfords: Drawing = {
  draw: (p) =>
    leatherSole(p) + p.body(LOW_UPPER) +
    p.fold("M17 50.5C23 50 30 53 38 53L38.5 55.6C30 55.6 23 53 17.5 53Z", 0.3) +
    p.light("M66 54C73 56 79 58.5 84.5 61.5L83 63C77 60 71 57.5 65 56Z", 0.24) +
    p.seam("M72 66C72 60.5 76 56.5 83 57") +
    p.seam("M38 53C39 59 35 63 29 66") +
    p.plain("M38.5 53C44 51 50 49.8 56 50.5L54.5 56C49.5 55 44 55.5 39.5 57Z") +
    p.seam("M41.5 53.8L50.5 51.3M42.5 56.3L53 53.6", 1.2) +
    p.dot(41, 53.9, 0.7) + p.dot(51.5, 51.2, 0.7) + p.dot(42, 56.4, 0.7) +
    p.dot(53.5, 53.5, 0.7),
};

const flats: Drawing = {
  draw: (p) =>
    shadow(p, 73) +
    p.paint(
      "M11 66H90.5C90.5 69 89 71 86.5 71H14C12 71 11 69 11 66Z",
      p.colors.trim,
    ) +
    p.body(
      "M13 66.5C12.5 60 14 56.5 18.5 56C27 56.5 36 59.5 46 59.5C56 59.5 61 57 67 57C78 57 86 61 89 64.5C90 65.5 90 66 89.5 66.5Z",
    ) +
    p.fold(
      "M18.5 56C27 56.5 36 59.5 46 59.5C56 59.5 61 57 67 57L66 59.7C60 60 56 62.3 46 62.3C36 62.3 27 59.3 19 58.7Z",
      0.3,
    ) +
    p.light(
      "M70 58.5C77 59 83 61.5 86.5 64.5L84.5 65.5C81 63 76 61 70 61Z",
      0.24,
    ) +
    p.trim("M62.5 58.5C59 55 55.5 55.5 56 58.5C56.5 61.5 60 61 62.5 58.5Z") +
    p.trim("M62.5 58.5C66 55 69.5 55.5 69 58.5C68.5 61.5 65 61 62.5 58.5Z") +
    p.plain("M61.3 57H63.7V60H61.3Z"),
};

const heels: Drawing = {
  draw: (p) =>
    shadow(p, 78, 14, 92) +
    p.paint(
      "M15 50.5H23.5C23 59 22.4 68 22.2 77.5H19.5C19 68 17.3 59 15 50.5Z",
      SOLE_DARK,
    ) +
    p.body(
      "M14 38C15 44 16 48.5 17.5 51L23 52C35 55 47 67 60 72L90 74C92.5 74 92.5 72.3 90.5 71.4C80 66 68 61 58 58.5C48 56 37 51 27 44.5C22.5 41.5 18 38.5 14 38Z",
    ) +
    p.fold(
      "M14 38C18 38.5 22.5 41.5 27 44.5C37 51 48 56 58 58.5L57 61C46.5 58.5 35.5 53.5 25.5 47C21 44 17.5 41.5 14.7 41Z",
      0.32,
    ) +
    p.light(
      "M62 61C72 63.5 81 67 88 70.5L86 71.5C79 68.5 70 65.5 61 63.5Z",
      0.26,
    ) +
    p.paint(
      "M23 52C35 55 47 67 60 72L90 74L89.5 76.3C79 76.3 69 75.8 59.5 75C46 70 34 58 22.5 55Z",
      SOLE_DARK,
    ),
};

const ANKLE_BOOT =
  "M24 22H48C48 34 49 44 54 49C62 53 76 56 83 59C88 61 90 64 89.5 68H22C22.5 56 23 40 24 22Z";

function bootSole(p: Pen, heelTop: number): string {
  return p.paint(
    `M20.5 67.5H91C91 70.5 89.5 72.5 87 72.5H36V${heelTop}H22.5V72.5C21 72 20.5 70 20.5 67.5Z`,
    SOLE_DARK,
  );
}

const ankleBoots: Drawing = {
  draw: (p) =>
    shadow(p, 81, 14, 92) + bootSole(p, 80) + p.body(ANKLE_BOOT) +
    p.light(
      "M57 51C66 54.5 76 57 83 60.5L81.5 62C74 59 65 56.5 56 53.5Z",
      0.24,
    ) +
    p.light("M28 26C28.5 38 28.5 52 28 66H31.5C32 52 32 38 28 26Z", 0.16) +
    p.fold("M36 22.5C36.5 32 38.5 40 42.5 45C45.5 40 47 32 47 22.5Z", 0.22) +
    p.seam("M36 22.5C36.5 32 38.5 40 42.5 45C45.5 40 47 32 47 22.5") +
    p.trim("M24 15.5H29.5V24H24Z"),
};

const boots: Drawing = {
  draw: (p) =>
    shadow(p, 85, 14, 92) + bootSole(p, 84) +
    p.body(
      "M25 4H49C48.5 24 49 40 54 48C62 53 76 56 83 59C88 61 90 64 89.5 68H23C24.5 48 26 24 25 4Z",
    ) + p.fold("M25 4H49L48.9 9.5H25.1Z", 0.25) +
    p.light("M30 12C31 30 30.5 48 29 66H32.5C34.5 48 34.5 30 30 12Z", 0.18) +
    p.light(
      "M57 50.5C66 54.5 76 57 83 60.5L81.5 62C74 59 65 56.5 56 53Z",
      0.24,
    ) +
    p.seam("M42 9.5C42.5 26 43.5 40 47 49"),
};

const sandals: Drawing = {
  draw: (p) =>
    shadow(p, 76) +
    p.paint(
      "M11 66C11 63.5 13 62.5 17 62.5H85C89 62.5 91.5 64.5 91.5 67.5C91.5 71 89 72.5 85 72.5H23V75H13V71.5C11.8 70.5 11 68.5 11 66Z",
      p.colors.trim,
    ) + p.seam("M13 67H89.5", 0.6) +
    p.body(
      "M60 62.5C61 54 67 50 75 51C81 52 85 56 86.5 62.5H81C79.5 58.5 76.5 56.5 73 56.5C69 56.5 66.5 58.5 65.5 62.5Z",
    ) +
    p.body("M41 62.5C42 54 47 49 55 47.5L57 52C51.5 53 48 57 47 62.5Z") +
    p.body(
      "M18 62.5C18 54 21 47 28 45.5H47.5V50H29.5C25 51 23.5 56 23.5 62.5Z",
    ) +
    p.metal("M43 43.8H48.5V51.7H43ZM44.5 45.3H47V50.2H44.5Z"),
};

export const SHOES = {
  sneakers,
  boots,
  "ankle-boots": ankleBoots,
  heels,
  loafers,
  oxfords,
  sandals,
  flats,
} satisfies Record<string, Drawing>;

/**
 * Woven and jersey tops, drawn flat from the front: tees, long sleeves,
 * shirts, blouses, camisoles, tanks and polos. They share one torso (the
 * same shoulders, sides and hem), so a row of tops reads as one set.
 */
import type { Drawing, Pen } from "./pen.ts";

/** Torso with short sleeves, from the left neck point clockwise. */
const SHORT_SLEEVED =
  "M39 12C44 14.5 56 14.5 61 12L74 16.5C80 19 85 25 90 33L80.5 42L72 35.5V87C60 89 40 89 28 87V35.5L19.5 42L10 33C15 25 20 19 26 16.5Z";

/** Torso with long sleeves ending at the wrist. */
const LONG_SLEEVED =
  "M39 12C44 14.5 56 14.5 61 12L74 16.5C79 19 82 25 83.5 33L89.5 77L80.5 79L75.5 45L72 40V87C60 89 40 89 28 87V40L24.5 45L19.5 79L10.5 77L16.5 33C18 25 21 19 26 16.5Z";

/** The inside of the back, seen through a round neck. */
const CREW_INSIDE = "M39 12C44 14.5 56 14.5 61 12C58 20.5 42 20.5 39 12Z";
const CREW_EDGE = "M39 12C42 20.5 58 20.5 61 12";

/** Soft folds shared by every torso: under the arms and down one side. */
function torsoFolds(p: Pen): string {
  return p.fold("M28 40C32 46 33 56 31 66C29.5 58 28.5 50 28 40Z", 0.1) +
    p.fold("M72 40C68 50 67 64 69 86L72 87Z", 0.1) +
    p.light("M30 40C32.5 52 33 68 31.5 86.5L35 87C36.5 70 36 54 30 40Z", 0.16);
}

function shortSleeveHems(p: Pen): string {
  return p.seam("M86.8 30.4L77.6 39.2") + p.seam("M13.2 30.4L22.4 39.2");
}

function cuffs(p: Pen): string {
  return p.trim("M89.2 74.8L80.2 76.8L80.8 81.2L89.9 79.2Z") +
    p.trim("M10.8 74.8L19.8 76.8L19.2 81.2L10.1 79.2Z");
}

const tee: Drawing = {
  draw: (p) =>
    p.body(SHORT_SLEEVED) + torsoFolds(p) + shortSleeveHems(p) +
    p.fold(CREW_INSIDE, 0.28) + p.band(CREW_EDGE, 3) + p.edge(CREW_EDGE) +
    p.seam("M29 83.5C40 85.3 60 85.3 71 83.5"),
};

const longSleeveTop: Drawing = {
  draw: (p) =>
    p.body(LONG_SLEEVED) + torsoFolds(p) +
    p.fold("M83.5 33C81 46 82 62 84 77L80.5 79L75.5 45Z", 0.08) +
    p.seam("M88.6 72.6L79.9 74.6") + p.seam("M11.4 72.6L20.1 74.6") +
    p.fold(CREW_INSIDE, 0.28) + p.band(CREW_EDGE, 3) + p.edge(CREW_EDGE) +
    p.seam("M29 83.5C40 85.3 60 85.3 71 83.5"),
};

/** A pointed collar over the neck, its band's inside behind it. */
export function collar(p: Pen, buttonDown = false): string {
  return p.fold(
    "M40 11C44 8.8 56 8.8 60 11L57 15C54 13.6 46 13.6 43 15Z",
    0.3,
  ) +
    p.trim("M50 21L40 10.5C37.5 13 36 17.5 36.8 22.5L45 25Z") +
    p.trim("M50 21L60 10.5C62.5 13 64 17.5 63.2 22.5L55 25Z") +
    (buttonDown ? p.dot(39.5, 21, 0.8) + p.dot(60.5, 21, 0.8) : "");
}

export function placket(p: Pen, from = 22, to = 86, buttons = 6): string {
  const step = (to - from - 6) / (buttons - 1);
  const dots = Array.from(
    { length: buttons },
    (_, i) => p.dot(50, +(from + 4 + i * step).toFixed(1)),
  );
  return p.seam(`M47.6 ${from}V${to}`) + p.seam(`M52.4 ${from}V${to}`) +
    dots.join("");
}

const shirt: Drawing = {
  draw: (p) =>
    p.body(
      "M40 11L74 16.5C79 19 82 25 83.5 33L89.5 77L80.5 79L75.5 45L72 40V84C68 89 60 90 50 87.5C40 90 32 89 28 84V40L24.5 45L19.5 79L10.5 77L16.5 33C18 25 21 19 26 16.5L40 11Z",
    ) + torsoFolds(p) + cuffs(p) +
    p.seam("M56 32H65V41.5L60.5 43.5L56 41.5Z") + placket(p) + collar(p, true),
};

const blouse: Drawing = {
  draw: (p) =>
    p.body(
      "M40 12L74 16.5C81 20 85 27 87 36L91 72C92 76 89 78 86 78.5L80 78.5C77 78 76 75 76.5 71L74 46L71 41C70 56 72 72 75 87C60 90 40 90 25 87C28 72 30 56 29 41L26 46L23.5 71C24 75 23 78 20 78.5L14 78.5C11 78 8 76 9 72L13 36C15 27 19 20 26 16.5Z",
    ) +
    p.fold("M29 41C32 52 31 70 27 86L25 87C28 72 30 56 29 41Z", 0.1) +
    p.fold("M71 41C73 58 73 74 70 88L75 87C72 72 70 56 71 41Z", 0.1) +
    p.light("M32 42C35 56 35 72 32 87L36 87.5C38.5 72 38 56 32 42Z", 0.16) +
    p.seam("M79 70C82 72 86 72 89 70") + p.seam("M21 70C18 72 14 72 11 70") +
    p.fold("M40 12C44 14 56 14 60 12L50 30Z", 0.2) +
    p.edge("M40 12L50 30L60 12") +
    p.seam("M45 36C44 42 44 48 45 54M55 36C56 42 56 48 55 54", 0.7) +
    // A tie at the neck: two loops, the knot and the tails.
    p.trim("M50 30C46 24 40 24 40.5 29C41 33 46 32.5 50 30Z") +
    p.trim("M50 30C54 24 60 24 59.5 29C59 33 54 32.5 50 30Z") +
    p.trim("M49 31L45.5 44L48.5 44.5L50 33L51.5 44.5L54.5 44L51 31Z") +
    p.trim("M47.8 28.2H52.2V32.6H47.8Z"),
};

const camisole: Drawing = {
  draw: (p) =>
    p.edge("M36 30L39 8M64 30L61 8") +
    p.body(
      "M33 29C40 30 45 33 50 39C55 33 60 30 67 29C69 38 70 44 69 50C72 62 74 74 76 88C60 91 40 91 24 88C26 74 28 62 31 50C30 44 31 38 33 29Z",
    ) +
    p.light("M36 40C39 54 39 70 36 88H40.5C43 70 42 54 36 40Z", 0.2) +
    p.fold("M31 50C33 62 32 76 29 88L24 88C26 74 28 62 31 50Z", 0.1) +
    p.fold("M69 50C70 64 71 76 70 89L76 88C74 74 72 62 69 50Z", 0.1) +
    p.seam("M34 31.5C40 32.5 45 35.5 50 41.5C55 35.5 60 32.5 66 31.5") +
    p.seam("M44 66C47 72 47 80 46 88", 0.7) +
    p.seam("M56 66C53 72 53 80 54 88", 0.7),
};

const tank: Drawing = {
  draw: (p) =>
    p.body(
      "M36 9H43C44 23 56 23 57 9H64C64 22 66 31 72 36V87C60 89 40 89 28 87V36C34 31 36 22 36 9Z",
    ) + torsoFolds(p) + p.band("M43 9.5C44 22.5 56 22.5 57 9.5", 2.4) +
    p.seam("M38.8 10.5C39 22 35.8 30.5 30 35.6") +
    p.seam("M61.2 10.5C61 22 64.2 30.5 70 35.6") +
    p.seam("M29 83.5C40 85.3 60 85.3 71 83.5"),
};

const polo: Drawing = {
  draw: (p) =>
    p.body(SHORT_SLEEVED) + torsoFolds(p) +
    p.trim("M86.7 30L77.2 38.9L80.5 42L90 33Z") +
    p.trim("M13.3 30L22.8 38.9L19.5 42L10 33Z") +
    p.seam("M47.5 18V34H52.5V18") + p.dot(50, 24, 1) + p.dot(50, 30, 1) +
    p.fold("M40 11C44 8.8 56 8.8 60 11L57 15C54 13.6 46 13.6 43 15Z", 0.3) +
    p.trim("M50 19L40 10.5C38 13 37 16.5 37.5 21L46 22.5Z") +
    p.trim("M50 19L60 10.5C62 13 63 16.5 62.5 21L54 22.5Z") +
    p.seam("M29 83.5C40 85.3 60 85.3 71 83.5"),
};

export const TOPS = {
  tee,
  "long-sleeve-top": longSleeveTop,
  shirt,
  blouse,
  camisole,
  tank,
  polo,
} satisfies Record<string, Drawing>;

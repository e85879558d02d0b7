/**
 * Knitwear and sweats, drawn flat from the front: sweaters, turtlenecks,
 * cardigans, hoodies and sweatshirts. One roomier torso with dropped
 * shoulders, and ribbing at the cuffs and hem, which is what says "knit".
 */
import type { Drawing, Pen } from "./pen.ts";

const KNIT_TORSO =
  "M39 13C44 15.5 56 15.5 61 13L76 18C81 21 83 27 84.5 35L89 74L80 76L75.5 47L73 43V81H27V43L24.5 47L20 76L11 74L15.5 35C17 27 19 21 24 18Z";

/** Vertical rib lines across a band from x0 to x1. */
function ribs(x0: number, x1: number, y0: number, y1: number): string {
  const lines: string[] = [];
  for (let x = x0 + 2.5; x < x1 - 1; x += 2.5) {
    lines.push(`M${x.toFixed(1)} ${y0}V${y1}`);
  }
  return lines.join("");
}

/** Ribbed hem and cuffs, and the folds every knit shares. */
function ribbing(p: Pen): string {
  return p.fold("M27 43C31 52 32 66 30 81H27Z", 0.1) +
    p.fold("M73 43C69 54 68 68 70 81H73Z", 0.1) +
    p.light("M31 45C33 56 34 68 33 80.5H37C37.5 68 36.5 56 31 45Z", 0.14) +
    p.plain("M27 81H73V89.5C60 90.8 40 90.8 27 89.5Z") +
    p.seam(ribs(27, 73, 82.5, 88.5), 0.6) +
    p.plain("M89 74L80 76L81.2 84L90.2 82Z") +
    p.plain("M11 74L20 76L18.8 84L9.8 82Z") +
    p.seam(
      "M82.5 76.2L83.4 82.8M85.5 75.5L86.4 82.1M17.5 76.2L16.6 82.8M14.5 75.5L13.6 82.1",
      0.6,
    );
}

const CREW_INSIDE = "M39 13C44 15.5 56 15.5 61 13C58 21.5 42 21.5 39 13Z";
const CREW_EDGE = "M39 13C42 21.5 58 21.5 61 13";

function crewNeck(p: Pen): string {
  return p.fold(CREW_INSIDE, 0.3) + p.band(CREW_EDGE, 4) + p.edge(CREW_EDGE) +
    p.seam("M37.6 14.5C41 24.8 59 24.8 62.4 14.5", 0.7);
}

const sweater: Drawing = {
  draw: (p) => p.body(KNIT_TORSO) + ribbing(p) + crewNeck(p),
};

const sweatshirt: Drawing = {
  draw: (p) =>
    p.body(KNIT_TORSO) + ribbing(p) +
    p.seam("M40.5 16.5L27 43M59.5 16.5L73 43", 0.8) + crewNeck(p) +
    p.seam("M47.5 23L50 27.5L52.5 23", 0.8),
};

const turtleneck: Drawing = {
  draw: (p) =>
    p.body(KNIT_TORSO) + ribbing(p) +
    p.plain(
      "M39.5 15C39.5 10 40 5 41 2.5H59C60 5 60.5 10 60.5 15C56 17.5 44 17.5 39.5 15Z",
    ) +
    p.seam(ribs(39.5, 60.5, 4, 15.5), 0.6) +
    p.edge("M39.8 9.5C45 11 55 11 60.2 9.5") +
    p.fold(
      "M39.8 9.5C45 11 55 11 60.2 9.5L60.4 12C55 13.6 45 13.6 39.6 12Z",
      0.14,
    ),
};

const cardigan: Drawing = {
  draw: (p) =>
    p.body(KNIT_TORSO) + ribbing(p) +
    p.fold("M39 13C44 15.5 56 15.5 61 13L50 47Z", 0.32) +
    p.band("M39 13L50 47L61 13", 3.5) + p.edge("M39 13L50 47L61 13") +
    p.seam("M36.8 14.2L47.6 47.5V89.5M63.2 14.2L52.4 47.5V89.5", 0.7) +
    p.edge("M50 47V90.5") +
    p.dot(48.3, 53, 1.2) + p.dot(48.3, 62, 1.2) + p.dot(48.3, 71, 1.2) +
    p.dot(48.3, 80, 1.2),
};

const hoodie: Drawing = {
  draw: (p) =>
    p.body(
      "M37 17C33 9 39 2 50 2C61 2 67 9 63 17L76 18C81 21 83 27 84.5 35L89 74L80 76L75.5 47L73 43V81H27V43L24.5 47L20 76L11 74L15.5 35C17 27 19 21 24 18Z",
    ) +
    p.fold("M41 17C40 10 44 6 50 6C56 6 60 10 59 17C56 21 44 21 41 17Z", 0.34) +
    p.seam("M41 17C40 10 44 6 50 6C56 6 60 10 59 17C56 21 44 21 41 17Z", 0.8) +
    p.seam("M45.5 20V36M54.5 20V36", 1.1) + p.dot(45.5, 36.5, 1.3) +
    p.dot(54.5, 36.5, 1.3) + ribbing(p) +
    p.seam("M33 81V68C33 64 35 61 39 61H61C65 61 67 64 67 68V81") +
    p.seam("M33 68L39 61M67 68L61 61", 0.7),
};

export const KNITS = {
  sweater,
  turtleneck,
  cardigan,
  hoodie,
  sweatshirt,
} satisfies Record<string, Drawing>;

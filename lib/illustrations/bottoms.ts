/**
 * Trousers, jeans, chinos, leggings, joggers, shorts and skirts, drawn flat
 * from the front with the waistband at the top. Stripes run down the leg.
 */
import type { Drawing, Pen } from "./pen.ts";

const TROUSERS = "M30 7H70L73.5 93H53L50 36L47 93H26.5Z";

function waistband(p: Pen, left = 30, right = 70, y = 13): string {
  return p.edge(`M${left} ${y}H${right}`) +
    p.seam(`M${left + 5} 7V${y}M${right - 5} 7V${y}M49 7V${y}`, 1.1);
}

/** The shade between the legs and down their inner sides. */
function legFolds(p: Pen): string {
  return p.fold("M47 93L50 36L53 93L51.5 93L50 44L48.5 93Z", 0.16) +
    p.fold("M30.5 20C32 45 31 70 29 93H26.5L30 14Z", 0.09) +
    p.light("M58 16C60 40 61 66 62 92H66C65 66 63 40 58 16Z", 0.14);
}

const trousers: Drawing = {
  stripes: "down",
  draw: (p) =>
    p.body(TROUSERS) + legFolds(p) + waistband(p) + p.dot(50, 10, 1.1) +
    p.seam("M50 13V29C50 31 52.5 32 54.5 30V13") +
    p.seam("M31 14L37.5 26M69 14L62.5 26") +
    p.seam("M38.5 15V92M61.5 15V92", 0.7),
};

const chinos: Drawing = {
  stripes: "down",
  draw: (p) =>
    p.body(TROUSERS) + legFolds(p) + waistband(p) + p.dot(50, 10, 1.1) +
    p.seam("M50 13V29C50 31 52.5 32 54.5 30V13") +
    p.seam("M31 14C35 15 37 20 37.5 26M69 14C65 15 63 20 62.5 26") +
    p.trim("M26.7 87H47.3L47 93H26.5Z") + p.trim("M52.7 87H73.3L73.5 93H53Z"),
};

const jeans: Drawing = {
  stripes: "down",
  draw: (p) =>
    p.body("M30 7H70L72 93H53.5L50 37L46.5 93H28Z") +
    p.light("M58 30C60.5 48 62.5 68 63.5 88.5H67C66 68 63.5 48 58 30Z", 0.14) +
    p.light("M34 30C35 48 35 68 34 88.5H37C38 68 38 48 34 30Z", 0.1) +
    p.fold("M46.5 93L50 37L53.5 93L52 93L50 45L48 93Z", 0.18) +
    p.edge("M30 13H70") +
    p.stitch("M30.5 11H69.5M50 13V30C50 32.5 53 33.5 55 31V13") +
    p.stitch("M31 17C36 17 39.5 20 40 25.5M69 17C64 17 60.5 20 60 25.5") +
    p.stitch("M62 18H67V23H62") +
    p.stitch("M28.6 89.5H46.8M53.2 89.5H71.4") +
    p.seam("M31 16.5C36.5 16.5 40.5 20 41 26M69 16.5C63.5 16.5 59.5 20 59 26") +
    p.seam("M36 7V13M64 7V13M50 7V13", 1.1) +
    p.metal("M48.8 10a1.2 1.2 0 1 0 2.4 0a1.2 1.2 0 1 0-2.4 0Z") +
    p.dot(40.5, 25.5, 0.8) + p.dot(59.5, 25.5, 0.8),
};

const leggings: Drawing = {
  stripes: "down",
  draw: (p) =>
    p.body("M32 7H68L65.5 93H56.5L50 34L43.5 93H34.5Z") +
    p.fold("M43.5 93L50 34L56.5 93L55 93L50 42L45 93Z", 0.18) +
    p.light("M58 20C60 42 60 66 59.5 90H62.5C63 66 62.5 42 58 20Z", 0.18) +
    p.light("M36 20C37.5 42 38 66 37.5 90H40.5C40.5 66 40 42 36 20Z", 0.12) +
    p.edge("M32.2 16H67.8") + p.seam("M34.5 89.5H43.8M56.2 89.5H65.5"),
};

const joggers: Drawing = {
  stripes: "down",
  draw: (p) =>
    p.body("M30 7H70L69.5 78L67.5 86H55L50 36L45 86H32.5L30.5 78Z") +
    legFolds(p) +
    p.plain("M32.4 82H45.3L45 91H32.8Z") +
    p.plain("M54.7 82H67.6L67.2 91H55Z") +
    p.seam("M35 83V90M38 83V90M41 83V90M59 83V90M62 83V90M65 83V90", 0.6) +
    p.edge("M30.2 15H69.8") +
    p.seam(
      "M33 8L34 14M37 8L38 14M41 8L42 14M59 8L58 14M63 8L62 14M67 8L66 14",
      0.6,
    ) +
    p.seam("M47 13C46 19 45 23 44 26M53 13C54 19 55 23 56 26", 1.1) +
    p.seam("M31 16L37 26M69 16L63 26"),
};

const shorts: Drawing = {
  stripes: "down",
  draw: (p) =>
    p.body("M28 19H72L77 74H54L50 49L46 74H23Z") +
    p.fold("M46 74L50 49L54 74L52.5 74L50 55L47.5 74Z", 0.16) +
    p.light("M59 27C62 40 64 56 66 73H70C68 56 65 40 59 27Z", 0.14) +
    p.edge("M28.4 25H71.6") + p.dot(50, 22, 1.1) +
    p.seam("M33 19V25M67 19V25M49 19V25", 1.1) +
    p.seam("M50 25V40C50 42 52.5 43 54.5 41V25") +
    p.seam("M29 26L35.5 36M71 26L64.5 36") +
    p.seam("M23.5 69.5H46.6M53.4 69.5H76.5"),
};

/** A flared skirt from a waistband at `top` to a hem at `hem`. */
function skirtShape(top: number, hem: number, flare: number): string {
  const band = top + 6;
  return `M35 ${top}H65V${band}L${50 + flare} ${hem}C${60} ${hem + 2.6} ${40} ${
    hem + 2.6
  } ${50 - flare} ${hem}L35 ${band}Z`;
}

const skirt: Drawing = {
  stripes: "down",
  draw: (p) =>
    p.body(skirtShape(8, 91, 30)) + p.edge("M35 14H65") +
    p.fold("M40 16C38 40 35 66 31 92.5L26 92C31 66 36 40 40 16Z", 0.1) +
    p.fold("M57 16C60 40 64 66 67 93L72 92.5C68 66 62 40 57 16Z", 0.1) +
    p.light("M48 16C47 40 46 66 45 93.5H51C51 66 50 40 48 16Z", 0.14) +
    p.seam("M61 8V14", 1.1),
};

const pleatedSkirt: Drawing = {
  stripes: "down",
  draw: (p) => {
    const pleats = [-4, -2, 0, 2, 4].map((i) => {
      const [top, hem] = [50 + i * 3.6, 50 + i * 7.2];
      return `M${top.toFixed(1)} 14L${hem.toFixed(1)} 92.5`;
    }).join("");
    const shade = [-3, -1, 1, 3].map((i) => {
      const [a, b] = [50 + i * 3.6, 50 + i * 7.2];
      return `M${(a - 1.8).toFixed(1)} 14L${(b - 3.6).toFixed(1)} 92.5H${
        b.toFixed(1)
      }L${a.toFixed(1)} 14Z`;
    }).join("");
    return p.body(
      "M35 8H65V14L81 91L76.5 93L72.8 91L68.4 93L65 91.2L61 93.2L57.6 91.4L53.7 93.4L50 91.5L46.3 93.4L42.4 91.4L39 93.2L35 91.2L31.6 93L27.2 91L23.5 93L19 91L35 14Z",
    ) + p.fold(shade, 0.1) + p.seam(pleats, 0.7) + p.edge("M35 14H65");
  },
};

const miniSkirt: Drawing = {
  stripes: "down",
  draw: (p) =>
    p.body(skirtShape(20, 76, 25)) + p.edge("M35 26H65") +
    p.fold("M40 28C38 44 35 60 30 77L26 76C31 60 36 44 40 28Z", 0.1) +
    p.light("M56 28C58 44 61 60 64 78L68 77.5C65 60 61 44 56 28Z", 0.14) +
    p.seam("M50 26V48", 0.8) + p.metal("M49 26.5h2v4h-2Z"),
};

export const BOTTOMS = {
  trousers,
  jeans,
  chinos,
  leggings,
  joggers,
  shorts,
  skirt,
  "pleated-skirt": pleatedSkirt,
  "mini-skirt": miniSkirt,
} satisfies Record<string, Drawing>;

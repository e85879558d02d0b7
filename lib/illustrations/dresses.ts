/**
 * Dresses and jumpsuits, drawn flat from the front, shoulders to hem: the
 * tallest pieces, so they fill the picture top to bottom.
 */
import type { Drawing } from "./pen.ts";
import { collar, placket } from "./tops.ts";

const dress: Drawing = {
  draw: (p) =>
    p.body(
      "M34 6H39C41 14 59 14 61 6H66C65 14 66 22 68 30C67 36 65 40 64 44L78 92C60 96 40 96 22 92L36 44C35 40 33 36 32 30C34 22 35 14 34 6Z",
    ) +
    p.fold("M39 6C41 12 59 12 61 6C59 14 41 14 39 6Z", 0.25) +
    p.fold("M36 46C33 62 29 78 26 93L22 92L36 44Z", 0.1) +
    p.fold("M56 47C60 62 64 78 67 94.5L72 93.5C68 78 62 62 56 47Z", 0.1) +
    p.light("M44 47C43 62 42 78 41 95H47C47 78 46 62 44 47Z", 0.16) +
    p.light("M38 16C40 24 40 34 38.5 42H42C43 34 42 24 38 16Z", 0.16) +
    p.edge("M36 44C45 46.5 55 46.5 64 44") +
    p.seam("M44 22C44 30 44.5 37 45 44.8M56 22C56 30 55.5 37 55 44.8", 0.7),
};

const slipDress: Drawing = {
  draw: (p) =>
    p.edge("M36.5 22L39 4M63.5 22L61 4") +
    p.body(
      "M34 21C40 22 45 25 50 31C55 25 60 22 66 21C68 29 68 36 66 42C69 58 72 76 75 94C60 97 40 97 25 94C28 76 31 58 34 42C32 36 32 29 34 21Z",
    ) +
    p.seam("M35 23.5C40.5 24.5 45.5 27.5 50 33.5C54.5 27.5 59.5 24.5 65 23.5") +
    p.light("M40 30C42 44 41 62 37 95H42C45 62 46 44 40 30Z", 0.26) +
    p.light("M58 44C60 60 62 78 63 95.5H66C65 78 63 60 58 44Z", 0.18) +
    p.fold("M50 40C49 58 49 76 50 96.5H55C53 76 52 58 50 40Z", 0.1) +
    p.fold("M34 42C31 58 28 76 25 94L29 95C31 76 33 58 34 42Z", 0.1),
};

const wrapDress: Drawing = {
  draw: (p) =>
    p.body(
      "M40 7H60L66 9C71 12 75 16 78 22L69 27L66 24C65 30 65 35 64 40L77 92C60 96 40 96 23 92L36 40C35 35 35 30 34 24L31 27L22 22C25 16 29 12 34 9Z",
    ) +
    p.fold("M40 7H60L51 24Z", 0.28) + p.edge("M60 7L36.5 40") +
    p.seam("M40 7L51.5 25") +
    p.seam("M74.5 19.5L68.3 23.8M25.5 19.5L31.7 23.8", 0.7) +
    p.edge("M37 42.5C42 60 44.5 78 46 95.5") +
    p.fold("M37 42.5C42 60 44.5 78 46 95.5L41 95C39 78 38 60 37 42.5Z", 0.12) +
    p.light("M54 44C58 60 62 78 64 94.5H68C65.5 78 61 60 54 44Z", 0.16) +
    p.trim("M35.7 38.5H64.3V43H35.7Z") +
    p.trim("M37 42L31 58L34.5 59L39.5 43Z") +
    p.trim("M39 42.5L40 60L43.5 59.5L41.5 42.5Z"),
};

const shirtDress: Drawing = {
  draw: (p) =>
    p.body(
      "M40 9L60 9L72 12C77 15 80 20 82 26L74 32L69 28C68 34 67 39 66 43L75 92C60 95 40 95 25 92L34 43C33 39 32 34 31 28L26 32L18 26C20 20 23 15 28 12Z",
    ) +
    p.seam("M79.5 23.5L71.8 29.2M20.5 23.5L28.2 29.2") +
    p.fold("M35 46C32 62 29 78 27 92.5L25 92L34 43Z", 0.1) +
    p.fold("M58 46C62 62 65 78 67 94L72 93C69 78 64 62 58 46Z", 0.1) +
    p.light("M44 47C43 62 42 78 41 94.5H47C47 78 46 62 44 47Z", 0.14) +
    placket(p, 22, 40, 3) + p.seam("M50 45V93.5", 0.7) +
    p.trim("M33.6 40.5H66.4V45.5H33.6Z") +
    p.trim("M48 44L45 58L48 58.5L50 45.5L52 58.5L55 58L52 44Z") + collar(p),
};

const jumpsuit: Drawing = {
  stripes: "down",
  draw: (p) =>
    p.body(
      "M34 6H40C42 14 58 14 60 6H66C65 14 66 22 68 30C67 35 65 39 64 42L72 94H52.5L50 58L47.5 94H28L36 42C35 39 33 35 32 30C34 22 35 14 34 6Z",
    ) +
    p.fold("M40 6C42 12 58 12 60 6C58 14 42 14 40 6Z", 0.25) +
    p.fold("M47.5 94L50 58L52.5 94L51.5 94L50 64L48.5 94Z", 0.18) +
    p.fold("M36 46C34 62 32 78 30.5 94H28L36 42Z", 0.1) +
    p.light("M57 48C59 62 61 78 62 93.5H66C64.5 78 62 62 57 48Z", 0.16) +
    p.trim("M35.5 40H64.5V44.5H35.5Z") +
    p.trim("M47 43.5L44 57L47 57.5L49.5 45L52 57.5L55 57L52 43.5Z") +
    p.seam("M36.5 46L41 54M63.5 46L59 54"),
};

export const DRESSES = {
  dress,
  "slip-dress": slipDress,
  "wrap-dress": wrapDress,
  "shirt-dress": shirtDress,
  jumpsuit,
} satisfies Record<string, Drawing>;

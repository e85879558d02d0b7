/**
 * Jewellery, watches and sunglasses: small things, drawn large enough to
 * fill their picture like any other piece.
 */
import type { Drawing } from "./pen.ts";
import { mix } from "./tones.ts";

/** Sunglass lenses: near-black glass with a hint of the frame's colour. */
const LENS = "#2b2a2e";

const earrings: Drawing = {
  draw: (p) =>
    p.hoop(31, 56, 15, 17, 4.5) + p.hoop(69, 56, 15, 17, 4.5) +
    p.light("M19 50C20 44 24 41 28 40L28.5 42C25 43.5 22 46 21 51Z", 0.4) +
    p.light("M57 50C58 44 62 41 66 40L66.5 42C63 43.5 60 46 59 51Z", 0.4) +
    p.body("M28.5 37.5C28.5 34 33.5 34 33.5 37.5C33.5 41 28.5 41 28.5 37.5Z") +
    p.body("M66.5 37.5C66.5 34 71.5 34 71.5 37.5C71.5 41 66.5 41 66.5 37.5Z"),
};

const necklace: Drawing = {
  draw: (p) =>
    p.hoop(50, 36, 29, 30, 2.2) +
    p.fold("M21 36C21 20 79 20 79 36C76 26 24 26 21 36Z", 0) +
    p.body(
      "M50 63C45 63 41.5 67 41.5 72C41.5 79 50 86 50 86C50 86 58.5 79 58.5 72C58.5 67 55 63 50 63Z",
    ) +
    p.light(
      "M45 69C45 66.5 47 65.5 48.5 65.5L48 68C47 68.2 46.5 69 46.5 70Z",
      0.5,
    ),
};

const bracelet: Drawing = {
  draw: (p) =>
    p.hoop(50, 42, 30, 13, 6) + p.hoop(50, 60, 30, 13, 6) +
    p.light("M26 58C30 52 40 49.5 50 49.5V51.5C41 51.5 32 54 28 59Z", 0.35),
};

const watch: Drawing = {
  draw: (p) =>
    p.body("M41 6H59L57.5 36H42.5Z") + p.body("M42.5 64H57.5L59 94H41Z") +
    p.seam("M41.5 12H58.5M41.2 88H58.8", 0.7) +
    p.dot(50, 78, 1.1) + p.dot(50, 84, 1.1) +
    p.metal("M66 46H70.5V54H66Z") +
    p.metal(
      "M30 50C30 39 39 30 50 30C61 30 70 39 70 50C70 61 61 70 50 70C39 70 30 61 30 50Z",
    ) +
    p.paint(
      "M34.5 50C34.5 41.5 41.5 34.5 50 34.5C58.5 34.5 65.5 41.5 65.5 50C65.5 58.5 58.5 65.5 50 65.5C41.5 65.5 34.5 58.5 34.5 50Z",
      "#fbf8f1",
    ) +
    `<path d="M50 50V39M50 50L57.5 54" fill="none" stroke="#2b2622" stroke-width="1.6"/>` +
    `<path d="M50 36.5V38.5M63.5 50H61.5M50 63.5V61.5M36.5 50H38.5" fill="none" stroke="#8a8078" stroke-width="1"/>`,
};

const sunglasses: Drawing = {
  draw: (p) => {
    const lens = mix(p.colors.main, LENS, 0.8);
    return p.edge("M12 40L7 35M88 40L93 35") +
      p.body(
        "M10 38C10 35 12 34 15 34H43C46 34 47.5 35.5 47 38.5L45 54C44 62 38 66 31 66H25C17 66 12 61 11 54Z",
      ) +
      p.body(
        "M90 38C90 35 88 34 85 34H57C54 34 52.5 35.5 53 38.5L55 54C56 62 62 66 69 66H75C83 66 88 61 89 54Z",
      ) +
      p.body(
        "M46 37.5C48.5 35.5 51.5 35.5 54 37.5V41C51.5 39.5 48.5 39.5 46 41Z",
      ) +
      p.paint(
        "M14 39.5C14 38.3 14.8 37.5 16 37.5H42C43.2 37.5 43.8 38.3 43.6 39.5L41.8 53.5C41 59 37 62.5 31 62.5H25.5C19.5 62.5 15.5 59 14.8 53.5Z",
        lens,
      ) +
      p.paint(
        "M86 39.5C86 38.3 85.2 37.5 84 37.5H58C56.8 37.5 56.2 38.3 56.4 39.5L58.2 53.5C59 59 63 62.5 69 62.5H74.5C80.5 62.5 84.5 59 85.2 53.5Z",
        lens,
      ) +
      p.light("M18 41H27L19 55Z", 0.28) + p.light("M60 41H69L61 55Z", 0.28);
  },
};

export const JEWELLERY = {
  watch,
  earrings,
  necklace,
  bracelet,
  sunglasses,
} satisfies Record<string, Drawing>;

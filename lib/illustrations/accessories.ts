/**
 * Accessories worn rather than carried: scarves, belts, hats, caps, beanies,
 * ties and gloves. Jewellery, watches and sunglasses are in jewellery.ts.
 */
import { JEWELLERY } from "./jewellery.ts";
import type { Drawing } from "./pen.ts";

const scarf: Drawing = {
  draw: (p) =>
    p.body("M45 40L37 86H53.5L55 41Z") +
    p.fold("M45 40L37 86H41L47.5 44Z", 0.12) +
    p.body("M52 40L60 82H75L61 38Z") +
    p.fold("M61 38L75 82H70.5L58.5 43Z", 0.1) +
    p.seam("M39 90V86M42 90.5V86M45 90.5V86M48 90.5V86M51 90V86", 1.1) +
    p.seam(
      "M61.5 86V82M64.5 86.5V82M67.5 86.5V82M70.5 86.5V82M73.5 86V82",
      1.1,
    ) +
    p.body("M25 18C25 10 75 10 75 18C75 29 62 40 50 42C38 40 25 29 25 18Z") +
    p.fold(
      "M34 19C34 25 42 32 50 33.5C58 32 66 25 66 19C66 15.5 34 15.5 34 19Z",
      0.2,
    ) +
    p.seam(
      "M34 19C34 25 42 32 50 33.5C58 32 66 25 66 19C66 15.5 34 15.5 34 19Z",
    ) +
    p.light("M28 20C30 27 36 33 42 36.5L40 38C34 35 29 30 27 24Z", 0.2) +
    p.plain("M43.5 35C43.5 31 56.5 31 56.5 35V43C56.5 47 43.5 47 43.5 43Z"),
};

const belt: Drawing = {
  draw: (p) =>
    p.hoop(50, 50, 36, 20, 7) +
    p.fold(
      "M14 50C14 61 30 70 50 70C70 70 86 61 86 50C84 57 68 63 50 63C32 63 16 57 14 50Z",
      0.12,
    ) +
    p.dot(68, 67.4, 0.9) + p.dot(74, 65.6, 0.9) + p.dot(79.4, 63, 0.9) +
    p.metal(
      "M38.5 62H53.5C55 62 56 63 56 64.5V75.5C56 77 55 78 53.5 78H38.5C37 78 36 77 36 75.5V64.5C36 63 37 62 38.5 62ZM40 65.5V74.5H52V65.5Z",
    ) +
    p.metal("M45 69H55V71H45Z"),
};

const hat: Drawing = {
  draw: (p) =>
    p.body("M8 64C8 55 92 55 92 64C92 73.5 8 73.5 8 64Z") +
    p.fold("M8 64C8 73.5 92 73.5 92 64C88 69 12 69 8 64Z", 0.14) +
    p.body(
      "M29 63C28 48 31 31 42 28C46 27 48 31 50 31C52 31 54 27 58 28C69 31 72 48 71 63C64 66 36 66 29 63Z",
    ) +
    p.fold("M50 31C49 40 49 50 50 58C46 50 45 40 50 31Z", 0.14) +
    p.light("M34 40C33 46 33 52 33.5 58H37.5C37 52 37 46 38 40Z", 0.18) +
    p.trim("M29.3 54C36 57 64 57 70.7 54L71 62.5C64 65.5 36 65.5 29 62.5Z"),
};

const cap: Drawing = {
  draw: (p) =>
    p.body(
      "M68 59C76 58.5 88 60 94 63.5C95.5 65 94 67 91 67.5C85 68.5 76 68 66 66.5Z",
    ) +
    p.body("M14 64C13 45 27 30 47 30C66 30 79 43 79 62C62 67 30 68 14 64Z") +
    p.fold(
      "M79 62C62 67 30 68 14 64C14.5 67 16 68 18 68.5C34 71 62 70 78 65.5Z",
      0.2,
    ) +
    p.fold("M66 36C72 42 75 50 75.5 61.5L79 62C79 50 74 41 66 36Z", 0.1) +
    p.light("M24 44C21 50 20 56 20.5 61.5H24.5C24.5 56 25 50 28 45Z", 0.18) +
    p.seam("M47 30C42 40 40 52 41 65.5M47 30C56 38 62 50 63 64") +
    p.trim("M44 30.5C44 27.5 50 27.5 50 30.5Z"),
};

const beanie: Drawing = {
  draw: (p) =>
    p.body("M23 62C21 36 33 20 50 20C67 20 79 36 77 62Z") +
    p.fold("M67 27C74 36 77 47 76.5 62H71C72 48 71 37 67 27Z", 0.1) +
    p.light("M32 34C28 41 27 50 27.5 61H31.5C31 50 32 42 35 35Z", 0.16) +
    p.seam("M38 25V62M44 21.5V62M50 20.5V62M56 21.5V62M62 25V62", 0.6) +
    p.trim(
      "M20 58C20 56 22 55 24 55H76C78 55 80 56 80 58V76C80 78 78 79 76 79H24C22 79 20 78 20 76Z",
    ) +
    p.seam(
      "M24 58V76M28 58V76M32 58V76M36 58V76M40 58V76M44 58V76M48 58V76M52 58V76M56 58V76M60 58V76M64 58V76M68 58V76M72 58V76M76 58V76",
      0.6,
    ),
};

const tie: Drawing = {
  stripes: "down",
  draw: (p) =>
    p.body("M45 21L39.5 78L50 91L60.5 78L55 21Z") +
    p.fold("M50 21L55 21L60.5 78L50 91Z", 0.1) +
    p.light("M46 26L42 74L45 75L48.5 26Z", 0.18) +
    p.plain("M42 9H58L55.5 21.5C53 23 47 23 44.5 21.5Z") +
    p.fold("M42 9H58L57.5 11.5H42.5Z", 0.14) +
    p.seam("M45.5 21.5L50 14L54.5 21.5", 0.7),
};

const gloves: Drawing = {
  draw: (p) => {
    const glove =
      "M30 88V62C26 57 20 50 17.5 44C16.5 41 19.5 39 22 41L30 50V26C30 23 35 23 35 26V44H36.5V18C36.5 15 41.5 15 41.5 18V44H43V20C43 17 48 17 48 20V45H49.5V26C49.5 23 54.5 23 54.5 26V62L52 88Z";
    return `<g transform="translate(20 -3)">${
      p.body(glove) + p.fold("M49.5 45V62L52 88H47.5L48 62Z", 0.12) +
      p.trim("M29.5 80H52.5V92H29.5Z")
    }</g>` + p.body(glove) + p.light("M32 52V84H35.5V52Z", 0.16) +
      p.seam("M35 44V56M41.5 44V56M48 45V56", 0.7) +
      p.trim("M29.5 80H52.5V92H29.5Z") +
      p.seam("M33 81V91M37 81V91M41 81V91M45 81V91M49 81V91", 0.6);
  },
};

export const ACCESSORIES = {
  scarf,
  belt,
  hat,
  cap,
  beanie,
  tie,
  gloves,
  ...JEWELLERY,
} satisfies Record<string, Drawing>;

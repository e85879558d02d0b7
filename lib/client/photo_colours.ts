/**
 * The colours of the piece in a photo, in our palette's words, so the form
 * can suggest them: pixels from the middle of the picture (where the piece
 * usually is) are matched to the nearest palette colour, and the ones that
 * cover enough of it are kept, most first. The shopper can change them.
 *
 * The middle still shows the ground the piece lies on (a bed, a floor), so
 * the frame's own colour is left out when the middle has much less of it
 * than the frame: that is a ground around a piece, not a piece that fills
 * the photo.
 */
import { type ColorName, PALETTE } from "../colors.ts";

/** A colour must cover this share of the piece's pixels to be suggested. */
const MIN_SHARE = 0.12;
/** The frame: this share of each side, all round. */
const FRAME = 0.08;
/** Most of the frame in one colour is a ground. */
const GROUND_SHARE = 0.5;
/**
 * A ground covering under this part of its frame share in the middle is
 * around the piece, not in it (a navy piece with a white stripe that fills
 * the photo has about 0.75; a jumper on a sheet, under 0.45).
 */
const GROUND_RATIO = 0.6;

const PALETTE_RGB = (Object.entries(PALETTE) as [ColorName, { hex: string }][])
  .map(([name, { hex }]) => ({
    name,
    rgb: [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)),
  }));

/** Nearest by a perceptual weighting of RGB ("redmean"): cheap and good enough. */
function nearest(r: number, g: number, b: number): ColorName {
  let best = PALETTE_RGB[0];
  let bestDistance = Infinity;
  for (const colour of PALETTE_RGB) {
    const [pr, pg, pb] = colour.rgb;
    const mean = (r + pr) / 2;
    const distance = (2 + mean / 256) * (r - pr) ** 2 + 4 * (g - pg) ** 2 +
      (2 + (255 - mean) / 256) * (b - pb) ** 2;
    if (distance < bestDistance) [best, bestDistance] = [colour, distance];
  }
  return best.name;
}

/** Palette colours counted over the pixels `inside` picks, and how many. */
function census(
  { width, height, data }: ImageData,
  inside: (x: number, y: number) => boolean,
) {
  const counts = new Map<ColorName, number>();
  let total = 0;
  // About 11,000 pixels over the whole picture, whatever its size.
  const step = Math.max(1, Math.floor(Math.sqrt((width * height) / 11_000)));
  for (let y = 0; y < height; y += step) {
    for (let x = 0; x < width; x += step) {
      const i = (y * width + x) * 4;
      if (!inside(x, y) || data[i + 3] < 128) continue; // transparent
      const name = nearest(data[i], data[i + 1], data[i + 2]);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      total++;
    }
  }
  const share = (name: ColorName) => (counts.get(name) ?? 0) / (total || 1);
  return { counts, total, share };
}

/**
 * Up to `max` palette colours, most covering first.
 *
 * @example suggestColours(context.getImageData(0, 0, w, h)) // ["navy", "white"]
 */
export function suggestColours(pixels: ImageData, max = 3): ColorName[] {
  const { width: w, height: h } = pixels;
  // The middle 60 % of each side.
  const middle = census(
    pixels,
    (x, y) => x >= w * 0.2 && x < w * 0.8 && y >= h * 0.2 && y < h * 0.8,
  );
  const frame = census(
    pixels,
    (x, y) =>
      x < w * FRAME || x >= w * (1 - FRAME) || y < h * FRAME ||
      y >= h * (1 - FRAME),
  );
  const [ground] = [...frame.counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  const around = ground !== undefined &&
    frame.share(ground) >= GROUND_SHARE &&
    middle.share(ground) < GROUND_RATIO * frame.share(ground);
  const piece = around
    ? middle.total - (middle.counts.get(ground) ?? 0)
    : middle.total;
  return [...middle.counts]
    .filter(([name, n]) =>
      !(around && name === ground) && n / Math.max(1, piece) >= MIN_SHARE
    )
    .sort((a, b) => b[1] - a[1])
    .slice(0, max)
    .map(([name]) => name);
}

/**
 * 9. A shared look's preview image (`/s/:token/image.png`): the time to
 * draw it on the server, 1200 × 630, for a look of five drawn pieces and
 * for one with two phone photos (768 px WebP, decoded, since resvg reads
 * none) among them. It is drawn on the first open of a link and kept
 * after that, so one draw must stay well under what an unfurling chat app
 * waits for: goal p95 ≤ 250 ms with photos on this 2-core machine, for
 * the browser's 768 px photos and for the largest a preview decodes
 * (1024 px; larger ones are drawn). The first draw also loads resvg and
 * the font.
 */
import encode, { init } from "@jsquash/webp/encode.js";
import encoder from "@jsquash/webp/codec/enc/webp_enc.wasm" with {
  type: "bytes",
};
import { keys } from "../lib/kv.ts";
import type { SharedPiece } from "../lib/shares/pieces.ts";
import { drawPreview } from "../lib/shares/preview_image.ts";
import { smallWardrobe } from "../lib/stylist/fixture_wardrobes.ts";
import { type Result, summarize } from "./stats.ts";

const GOAL_MS = 250;
const OWNER = "bench-owner";

/** A phone photo's weight: 768 px, a soft gradient with grain, WebP q 75, under the 60 KB an upload may weigh. */
async function photoWebp(seed: number, side = 768): Promise<Uint8Array> {
  await init(await WebAssembly.compile(encoder));
  const data = new Uint8ClampedArray(side * side * 4);
  let state = seed;
  for (let i = 0; i < side * side; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    const grain = (state >> 16) % 10;
    const x = i % side;
    const y = Math.floor(i / side);
    data.set(
      [40 + x / 8 + grain, 50 + y / 10 + grain, 110 + grain, 255],
      i * 4,
    );
  }
  const image = { data, width: side, height: side, colorSpace: "srgb" };
  return new Uint8Array(await encode(image as ImageData, { quality: 75 }));
}

async function time(draw: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await draw();
  return performance.now() - start;
}

export async function shareImage(
  { quick }: { quick: boolean },
): Promise<Result[]> {
  const rounds = quick ? 3 : 20;
  const kv = await Deno.openKv(":memory:");
  try {
    const wardrobe = smallWardrobe();
    const drawn: SharedPiece[] = ["outerwear", "top", "bottom", "shoes", "bag"]
      .map((category) => wardrobe.find((item) => item.category === category)!)
      .map(({ id, name, category, colors, pattern }) => ({
        id,
        name,
        category,
        colors,
        pattern,
      }));
    const withPhotos = (side: number) =>
      Promise.all(drawn.map(async (piece, i): Promise<SharedPiece> => {
        if (i > 1) return piece;
        const bytes = await photoWebp(i + 1, side);
        const id = `${side}${i}`.padEnd(32, "0");
        await kv.set(keys.photo(OWNER, id), bytes);
        const type = "image/webp" as const;
        return { ...piece, photo: { id, type, width: side, height: side } };
      }));
    const photographed = await withPhotos(768);
    // The largest a preview decodes (MAX_PREVIEW_PIXELS); larger are drawn.
    const largest = await withPhotos(1024);
    const title = "Camel sweater, dark jeans and white sneakers";
    const first = await time(() => drawPreview(kv, OWNER, title, drawn));
    const results: Result[] = [{
      id: "share_image_first_ms",
      metric: "Preview image, first draw",
      unit: "ms",
      value: first,
      note: "loads resvg (2.5 MB WebAssembly) and the font",
    }];
    for (
      const [name, pieces] of [
        ["drawings", drawn],
        ["photos", photographed],
        ["largest_photos", largest],
      ] as const
    ) {
      // One draw first: the WebP decoder loads on the first photo.
      await drawPreview(kv, OWNER, title, pieces);
      const samples: number[] = [];
      for (let i = 0; i < rounds; i++) {
        samples.push(await time(() => drawPreview(kv, OWNER, title, pieces)));
      }
      const summary = summarize(samples);
      results.push({
        id: `share_image_${name}_ms`,
        metric: {
          drawings: "Preview image, 5 drawn pieces",
          photos: "Preview image, 2 WebP photos (768 px) + 3 drawn",
          largest_photos: "Preview image, 2 WebP photos (1024 px) + 3 drawn",
        }[name],
        unit: "ms",
        summary,
        ...(name === "drawings"
          ? {}
          : { goal: `p95 ≤ ${GOAL_MS}`, pass: summary.p95 <= GOAL_MS }),
        note: `1200×630 PNG, ${rounds} draws`,
      });
    }
    return results;
  } finally {
    kv.close();
  }
}

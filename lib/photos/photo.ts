/**
 * An upload becomes a wardrobe photo only when its bytes are a whole JPEG,
 * PNG or WebP of a sensible size; otherwise the shopper is told, in a
 * sentence, what to do instead. What the camera wrote about it (EXIF, GPS
 * among it) is dropped before it is stored.
 */
import type { ItemPhoto } from "../schemas.ts";
import { imageInfo } from "./image_info.ts";
import { stripMetadata } from "./strip_metadata.ts";

/**
 * One KV value holds 64 KiB; the browser resizes a phone photo to ≤ 768 px
 * and re-encodes it well under this.
 */
export const MAX_PHOTO_BYTES = 60 * 1024;
/** Sides outside this range are not a photo of a piece of clothing. */
export const MIN_SIDE = 16;
export const MAX_SIDE = 4096;

export type PhotoUpload = { meta: ItemPhoto; bytes: Uint8Array };
export type PhotoProblem = { status: 413 | 415 | 422; error: string };

async function contentId(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new Uint8Array(bytes));
  return Array.from(
    new Uint8Array(digest).slice(0, 16),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");
}

/**
 * @example await photoFromUpload(new Uint8Array(await file.arrayBuffer()))
 */
export async function photoFromUpload(
  bytes: Uint8Array,
): Promise<PhotoUpload | PhotoProblem> {
  if (bytes.length > MAX_PHOTO_BYTES) {
    return {
      status: 413,
      error: `The photo is over ${
        MAX_PHOTO_BYTES / 1024
      } KB. Choose a smaller one, or take it again at a lower resolution.`,
    };
  }
  const info = imageInfo(bytes);
  if (!info.ok && info.problem === "unknown") {
    return {
      status: 415,
      error: "That file is not a photo we can use. Choose a JPEG, PNG or WebP.",
    };
  }
  if (!info.ok) {
    return {
      status: 422,
      error: "The photo looks damaged or incomplete. Try taking it again.",
    };
  }
  const { width, height } = info;
  if (
    width < MIN_SIDE || height < MIN_SIDE || width > MAX_SIDE ||
    height > MAX_SIDE
  ) {
    return {
      status: 422,
      error:
        `The photo is ${width} × ${height} pixels. Use one between ${MIN_SIDE} and ${MAX_SIDE} pixels on each side.`,
    };
  }
  // Where and when it was taken stays with the shopper's phone.
  const stripped = stripMetadata(bytes, info.type);
  const after = imageInfo(stripped);
  if (!after.ok || after.width !== width || after.height !== height) {
    return {
      status: 422,
      error: "The photo looks damaged or incomplete. Try taking it again.",
    };
  }
  const meta = {
    id: await contentId(stripped),
    type: info.type,
    width,
    height,
  };
  return { meta, bytes: stripped };
}

export function isProblem(
  result: PhotoUpload | PhotoProblem,
): result is PhotoProblem {
  return "status" in result;
}

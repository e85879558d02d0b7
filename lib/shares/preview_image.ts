/**
 * A shared look's preview image (`/s/:token/image.png`): its pieces'
 * pictures, photos read from the owner's store, drawn on the server by
 * lib/shares/preview_svg.ts and resvg. Drawing takes tens of milliseconds
 * of the server thread, so images are kept, by what they show (the same
 * look shared twice, or by two links, is drawn once), and drawn one at a
 * time: a burst of first opens queues rather than piling up decoded
 * photos in memory. The link is checked before the cache is, so a revoked
 * one never reaches it.
 */
import { decodeWebp } from "../images/webp.ts";
import { encodePng } from "../images/png.ts";
import { svgToPng, textMeasure } from "../images/svg_to_png.ts";
import { inferKind } from "../illustrations/kind.ts";
import { renderIllustration } from "../illustrations/render.ts";
import { ILLUSTRATION_VERSION } from "../illustrations/url.ts";
import { keys } from "../kv.ts";
import type { SharedPiece } from "./pieces.ts";
import { type PreviewPiece, previewSvg } from "./preview_svg.ts";

/** Bump with any change to how previews look: it is part of their ETag. */
const PREVIEW_VERSION = "1";

/** Enough for the links being opened at once; about 100 KB each. */
const MAX_CACHED = 100;

/**
 * The largest photo a preview decodes, in pixels. The browser uploads
 * photos of at most 768 px a side; the API takes up to 4096 (tiny files
 * of huge flat images), which would cost seconds and a gigabyte to decode
 * for a tile of 200 px. Such a piece is drawn instead.
 */
export const MAX_PREVIEW_PIXELS = 1024 * 1024;

/** Finished images and ones being drawn, by ETag, the least recent first. */
const cache = new Map<string, Promise<Uint8Array>>();

/** The draw in progress (or the last one): each waits for the one before. */
let drawing: Promise<unknown> = Promise.resolve();

/** The piece's photo if the preview shows it, else nothing: it is drawn. */
function shownPhoto(piece: SharedPiece) {
  const { photo } = piece;
  return photo && photo.width * photo.height <= MAX_PREVIEW_PIXELS
    ? photo
    : undefined;
}

/**
 * What the image depends on, as a short hash: its ETag, and its cache key.
 * Photos are named by their content hash, drawings by what they draw.
 */
export async function previewTag(
  title: string,
  pieces: readonly SharedPiece[],
): Promise<string> {
  const recipe = JSON.stringify([
    PREVIEW_VERSION,
    ILLUSTRATION_VERSION,
    title,
    pieces.map((
      p,
    ) => [p.name, p.category, p.colors, p.pattern, shownPhoto(p)?.id]),
  ]);
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(recipe),
  );
  return new Uint8Array(digest).slice(0, 12).toBase64({
    alphabet: "base64url",
  });
}

const dataUrl = (type: string, bytes: Uint8Array) =>
  `data:${type};base64,${bytes.toBase64()}`;

/**
 * A piece's picture as the renderer takes it: the owner's photo (WebP
 * decoded, since resvg reads only PNG and JPEG), else its drawing. A
 * picture from the web is drawn too: the server fetches nothing a shopper
 * names.
 */
async function pictureOf(
  kv: Deno.Kv,
  owner: string,
  piece: SharedPiece,
): Promise<PreviewPiece> {
  const { name } = piece;
  const photo = shownPhoto(piece);
  if (photo) {
    const bytes = (await kv.get<Uint8Array>(keys.photo(owner, photo.id))).value;
    if (bytes) {
      return {
        name,
        photo: photo.type === "image/webp"
          ? dataUrl("image/png", await encodePng(await decodeWebp(bytes)))
          : dataUrl(photo.type, bytes),
      };
    }
  }
  const spec = {
    kind: inferKind(name, piece.category),
    colors: piece.colors,
    pattern: piece.pattern,
  };
  return { name, draw: (frame) => renderIllustration(spec, frame) };
}

/** Draws the preview, always (the benchmark's entry; pages use the cache). */
export async function drawPreview(
  kv: Deno.Kv,
  owner: string,
  title: string,
  pieces: readonly SharedPiece[],
): Promise<Uint8Array> {
  const [pictures, measure] = await Promise.all([
    Promise.all(pieces.map((piece) => pictureOf(kv, owner, piece))),
    textMeasure(),
  ]);
  return await svgToPng(previewSvg(title, pictures, measure));
}

/** The preview, drawn now or kept from before; `tag` from {@link previewTag}. */
export function previewImage(
  kv: Deno.Kv,
  owner: string,
  title: string,
  pieces: readonly SharedPiece[],
  tag: string,
): Promise<Uint8Array> {
  const kept = cache.get(tag);
  if (kept) {
    // Seen again: now the most recent.
    cache.delete(tag);
    cache.set(tag, kept);
    return kept;
  }
  const made = drawing.then(() => drawPreview(kv, owner, title, pieces));
  drawing = made.catch(() => {});
  cache.set(tag, made);
  // A failed drawing is not kept: the next request tries again.
  made.catch(() => cache.delete(tag));
  while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return made;
}

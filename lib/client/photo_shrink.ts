/**
 * A photo from the phone's camera made small enough to keep: at most
 * {@link MAX_SIDE} px on its longest side and under {@link MAX_BYTES}, as
 * WebP where the browser can encode it, else JPEG. Runs in the browser
 * (the wardrobe page only), so the server never receives a 5 MB original.
 */

/** Large enough to see the weave of a knit on a phone, small enough for KV. */
export const MAX_SIDE = 768;
/** Under the server's 60 KB limit, with room to spare. */
export const MAX_BYTES = 56 * 1024;
/** The server refuses sides under 16 px; say so before the shopper saves. */
const MIN_SIDE = 16;

const QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45];

export type ShrunkPhoto = {
  blob: Blob;
  width: number;
  height: number;
  /** The pixels as drawn, for suggesting colours. */
  pixels: ImageData;
};

/**
 * Why a file did not become a photo, so the form can say it in a sentence:
 * the browser could not decode it, it is too small to show a piece, or no
 * size and quality we try fits.
 */
export class PhotoError extends Error {
  constructor(readonly reason: "unreadable" | "too_small" | "too_big") {
    super(`Cannot use the photo: ${reason}`);
  }
}

function encode(
  canvas: HTMLCanvasElement,
  type: string,
  quality: number,
): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

async function decode(file: Blob): Promise<ImageBitmap> {
  try {
    // EXIF orientation applied, so a portrait photo stays upright.
    return await createImageBitmap(file, { imageOrientation: "from-image" });
  } catch {
    // Not an image the browser can read, whatever its name says.
    throw new PhotoError("unreadable");
  }
}

/**
 * @example const { blob } = await shrinkPhoto(input.files[0]);
 */
export async function shrinkPhoto(file: Blob): Promise<ShrunkPhoto> {
  const bitmap = await decode(file);
  try {
    if (Math.min(bitmap.width, bitmap.height) < MIN_SIDE) {
      throw new PhotoError("too_small");
    }
    let scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    for (let round = 0; round < 4; round++, scale *= 0.75) {
      const canvas = document.createElement("canvas");
      canvas.width = Math.max(MIN_SIDE, Math.round(bitmap.width * scale));
      canvas.height = Math.max(MIN_SIDE, Math.round(bitmap.height * scale));
      const context = canvas.getContext("2d")!;
      context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
      for (const type of ["image/webp", "image/jpeg"]) {
        if (type === "image/jpeg") {
          // JPEG has no transparency: a cut-out piece would sit on black.
          context.globalCompositeOperation = "destination-over";
          context.fillStyle = "#fff";
          context.fillRect(0, 0, canvas.width, canvas.height);
        }
        for (const quality of QUALITIES) {
          const blob = await encode(canvas, type, quality);
          // A browser that cannot write WebP hands back a PNG instead.
          if (!blob || blob.type !== type) break;
          if (blob.size <= MAX_BYTES) {
            return {
              blob,
              width: canvas.width,
              height: canvas.height,
              pixels,
            };
          }
        }
      }
    }
    throw new PhotoError("too_big");
  } finally {
    bitmap.close();
  }
}

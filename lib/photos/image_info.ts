/**
 * What an uploaded file really is, read from its bytes alone (never from its
 * name or the type the browser declared): a whole JPEG, PNG or WebP and its
 * size in pixels, or why it is not one. Anything else (SVG, HTML, GIF, a file
 * cut short) is refused, so the server only ever stores and serves images it
 * has recognised.
 */

export type ImageType = "image/jpeg" | "image/png" | "image/webp";

export type ImageInfo =
  | { ok: true; type: ImageType; width: number; height: number }
  | { ok: false; problem: "unknown" | "damaged" };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

const DAMAGED: ImageInfo = { ok: false, problem: "damaged" };

/**
 * @example imageInfo(await Deno.readFile("photo.jpg")) // { ok: true, type: "image/jpeg", width: 768, height: 1024 }
 */
export function imageInfo(bytes: Uint8Array): ImageInfo {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return jpegInfo(bytes);
  if (startsWith(bytes, PNG_SIGNATURE)) return pngInfo(bytes);
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP") {
    return webpInfo(bytes);
  }
  return { ok: false, problem: "unknown" };
}

/** Markers that start a frame and carry its size (SOF0–SOF15 but DHT, JPG, DAC). */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf &&
    marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * Walks the segments up to the image data for the frame size, and requires
 * the end-of-image marker, so a file cut short in transit is refused.
 */
function jpegInfo(bytes: Uint8Array): ImageInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 4 || bytes.at(-2) !== 0xff || bytes.at(-1) !== 0xd9) {
    return DAMAGED;
  }
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return DAMAGED;
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const length = view.getUint16(at + 2);
    if (length < 2 || at + 2 + length > bytes.length) return DAMAGED;
    if (isStartOfFrame(marker)) {
      if (length < 7) return DAMAGED;
      const height = view.getUint16(at + 5);
      const width = view.getUint16(at + 7);
      return { ok: true, type: "image/jpeg", width, height };
    }
    // Start of scan before any frame: there is no size to read.
    if (marker === 0xda) return DAMAGED;
    at += 2 + length;
  }
  return DAMAGED;
}

/** Walks every chunk (each must fit) from IHDR to IEND. */
function pngInfo(bytes: Uint8Array): ImageInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = PNG_SIGNATURE.length;
  let size: { width: number; height: number } | null = null;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = ascii(bytes, at + 4, 4);
    const end = at + 12 + length;
    if (end > bytes.length) return DAMAGED;
    if (size === null) {
      if (type !== "IHDR" || length !== 13) return DAMAGED;
      size = { width: view.getUint32(at + 8), height: view.getUint32(at + 12) };
    }
    if (type === "IEND") {
      return end === bytes.length
        ? { ok: true, type: "image/png", ...size }
        : DAMAGED;
    }
    at = end;
  }
  return DAMAGED;
}

/**
 * The RIFF size must match the file, and the first chunk must be a lossy
 * (VP8), lossless (VP8L) or extended (VP8X) image header.
 */
function webpInfo(bytes: Uint8Array): ImageInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 30 || view.getUint32(4, true) + 8 !== bytes.length) {
    return DAMAGED;
  }
  const chunk = ascii(bytes, 12, 4);
  const webp = (width: number, height: number): ImageInfo => ({
    ok: true,
    type: "image/webp",
    width,
    height,
  });
  switch (chunk) {
    case "VP8 ":
      // Frame tag (3 bytes), then the start code 9d 01 2a, then the size.
      if (!startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) return DAMAGED;
      return webp(
        view.getUint16(26, true) & 0x3fff,
        view.getUint16(28, true) & 0x3fff,
      );
    case "VP8L": {
      if (bytes[20] !== 0x2f) return DAMAGED;
      const bits = view.getUint32(21, true);
      return webp((bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1);
    }
    case "VP8X": {
      const width = 1 + (bytes[24] | (bytes[25] << 8) | (bytes[26] << 16));
      const height = 1 + (bytes[27] | (bytes[28] << 8) | (bytes[29] << 16));
      return webp(width, height);
    }
    default:
      return DAMAGED;
  }
}

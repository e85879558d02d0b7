/**
 * An uploaded photo without what a camera writes about it: EXIF (where it
 * was taken, to the metre, and when, and on what phone), XMP, IPTC and
 * comments. The browser's own uploads are re-encoded by a canvas and carry
 * none; a photo sent to the API straight from a phone carries all of it,
 * and a shared look would hand it to anyone with the link. Only the
 * segments or chunks that hold metadata go; the picture's bytes are copied
 * as they are. Dropped with EXIF: its orientation tag, so a phone photo
 * sent this way shows as the sensor saw it.
 */
import { concatBytes } from "../bytes.ts";
import type { ImageType } from "./image_info.ts";

export function stripMetadata(bytes: Uint8Array, type: ImageType): Uint8Array {
  switch (type) {
    case "image/jpeg":
      return stripJpeg(bytes);
    case "image/png":
      return stripPng(bytes);
    case "image/webp":
      return stripWebp(bytes);
  }
}

/**
 * JPEG segments kept before the scan: JFIF (APP0), the colour profile
 * (APP2) and Adobe's colour transform (APP14), which decoders need; and
 * every segment that is not an application segment or a comment.
 */
function keepsJpegSegment(marker: number): boolean {
  const application = marker >= 0xe0 && marker <= 0xef;
  if (application) return marker === 0xe0 || marker === 0xe2 || marker === 0xee;
  return marker !== 0xfe;
}

/** Segments up to the start of scan; from there on, the image as it is. */
function stripJpeg(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = [bytes.subarray(0, 2)];
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xda) break; // start of scan: the rest is picture
    const end = at + 2 + view.getUint16(at + 2);
    if (keepsJpegSegment(marker)) parts.push(bytes.subarray(at, end));
    at = end;
  }
  parts.push(bytes.subarray(at));
  return concatBytes(parts);
}

/** PNG chunks of text, time and EXIF; everything else is the picture. */
const PNG_METADATA = new Set(["eXIf", "tEXt", "zTXt", "iTXt", "tIME"]);

function stripPng(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = [bytes.subarray(0, 8)];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const end = at + 12 + view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (!PNG_METADATA.has(type)) parts.push(bytes.subarray(at, end));
    at = end;
  }
  return concatBytes(parts);
}

/** VP8X's flags for the metadata chunks that follow it. */
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

/**
 * Only the extended format (VP8X) has room for metadata: its EXIF and XMP
 * chunks go, their flags are cleared and the RIFF size is written anew.
 */
function stripWebp(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fourcc = (at: number) =>
    String.fromCharCode(...bytes.subarray(at, at + 4));
  if (fourcc(12) !== "VP8X") return bytes;
  const parts: Uint8Array[] = [];
  let at = 12;
  while (at + 8 <= bytes.length) {
    const size = view.getUint32(at + 4, true);
    const end = Math.min(bytes.length, at + 8 + size + (size & 1));
    const id = fourcc(at);
    if (id !== "EXIF" && id !== "XMP ") parts.push(bytes.subarray(at, end));
    at = end;
  }
  const body = concatBytes(parts);
  body[8] &= ~(VP8X_EXIF | VP8X_XMP);
  const out = new Uint8Array(12 + body.length);
  out.set(bytes.subarray(0, 12));
  out.set(body, 12);
  new DataView(out.buffer).setUint32(4, out.length - 8, true);
  return out;
}

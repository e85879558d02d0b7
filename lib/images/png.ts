/**
 * A PNG encoder for raw pixels: one IDAT, no filtering, the platform's
 * deflate. Enough for pictures we make ourselves (a decoded WebP handed to
 * the SVG renderer, test images), not a general-purpose codec.
 */
import { concatBytes } from "../bytes.ts";
import { deflate } from "../zlib.ts";

export type Pixels = {
  width: number;
  height: number;
  /** 3 (RGB) or 4 (RGBA) bytes a pixel, row by row. */
  channels: 3 | 4;
  data: Uint8Array | Uint8ClampedArray;
};

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * `declared` overrides the size the header states (the pixels stay as
 * they are): only a test of absurd dimensions wants that.
 */
export async function encodePng(
  { width, height, channels, data }: Pixels,
  declared: { width: number; height: number } = { width, height },
): Promise<Uint8Array<ArrayBuffer>> {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, declared.width);
  view.setUint32(4, declared.height);
  // 8 bits a channel, truecolour with or without alpha, no interlace.
  header.set([8, channels === 4 ? 6 : 2, 0, 0, 0], 8);
  const stride = width * channels;
  const rows = new Uint8Array(height * (1 + stride));
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type, 0: none.
    rows.set(data.subarray(y * stride, (y + 1) * stride), y * (1 + stride) + 1);
  }
  const parts = [
    new Uint8Array(SIGNATURE),
    chunk("IHDR", header),
    chunk("IDAT", await deflate(rows)),
    chunk("IEND", new Uint8Array()),
  ];
  return concatBytes(parts);
}

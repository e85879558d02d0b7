/**
 * WOFF (1.0) back to the TrueType/OpenType file it wraps: the same tables,
 * each inflated where WOFF deflated it, behind an sfnt table directory. The
 * SVG renderer reads only sfnt fonts, and npm's font packages ship WOFF.
 * See https://www.w3.org/TR/WOFF/ (header 44 bytes, 20 a table entry).
 */
import { inflate } from "../zlib.ts";

const WOFF_SIGNATURE = 0x774f4646; // "wOFF"

export async function woffToSfnt(woff: Uint8Array): Promise<Uint8Array> {
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  if (view.getUint32(0) !== WOFF_SIGNATURE) {
    throw new Error("Not a WOFF 1.0 font");
  }
  const flavor = view.getUint32(4);
  const count = view.getUint16(12);
  const tables = [];
  for (let i = 0; i < count; i++) {
    const entry = 44 + i * 20;
    const offset = view.getUint32(entry + 4);
    const packed = view.getUint32(entry + 8);
    const length = view.getUint32(entry + 12);
    const bytes = woff.subarray(offset, offset + packed);
    tables.push({
      tag: view.getUint32(entry),
      checksum: view.getUint32(entry + 16),
      data: packed < length ? await inflate(bytes) : bytes,
    });
  }
  // Tables start 4-byte aligned, after a 12-byte header and 16 bytes each.
  const padded = (n: number) => (n + 3) & ~3;
  let size = 12 + 16 * count;
  for (const table of tables) size += padded(table.data.length);
  const out = new Uint8Array(size);
  const sfnt = new DataView(out.buffer);
  const log2 = Math.floor(Math.log2(count));
  sfnt.setUint32(0, flavor);
  sfnt.setUint16(4, count);
  sfnt.setUint16(6, 16 << log2); // searchRange
  sfnt.setUint16(8, log2); // entrySelector
  sfnt.setUint16(10, count * 16 - (16 << log2)); // rangeShift
  let at = 12 + 16 * count;
  tables.forEach((table, i) => {
    const entry = 12 + i * 16;
    sfnt.setUint32(entry, table.tag);
    sfnt.setUint32(entry + 4, table.checksum);
    sfnt.setUint32(entry + 8, at);
    sfnt.setUint32(entry + 12, table.data.length);
    out.set(table.data, at);
    at += padded(table.data.length);
  });
  return out;
}

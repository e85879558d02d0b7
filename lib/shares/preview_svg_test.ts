import assert from "node:assert/strict";
import { svgToPng, textMeasure } from "../images/svg_to_png.ts";
import { type PreviewPiece, previewSvg } from "./preview_svg.ts";

const piece = (name: string): PreviewPiece => ({
  name,
  draw: ({ x, y, width, height }) =>
    `<rect class="drawn" x="${x}" y="${y}" width="${width}" height="${height}"/>`,
});

/** The text of each `<text>` at `size`, as written (entities decoded). */
function texts(svg: string, size: number): string[] {
  return [...svg.matchAll(/font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)]
    .filter((m) => Number(m[1]) === size)
    .map((m) => m[2].replace(/&#(\d+);/g, (_, n) => String.fromCharCode(n)));
}

Deno.test("[preview] a short title is large; a long one wraps inside its column and is cut after four lines", async () => {
  const measure = await textMeasure();
  const short = previewSvg("Date night", [piece("Black jeans")], measure);
  assert.deepEqual(texts(short, 64), ["Date night"]);

  const title =
    "Camel sweater, brown leather loafers and a rust scarf for a long walk by the river on a cold and bright Sunday";
  const svg = previewSvg(title, [piece("Black jeans")], measure);
  const lines = texts(svg, 42);
  assert.equal(lines.length, 4);
  assert.ok(lines[3].endsWith("…"));
  for (const line of lines) {
    assert.ok(measure(line, 42) <= 400, `"${line}" is wider than its column`);
  }
});

Deno.test("[preview] every piece gets a tile; names that do not fit end in 'and N more'", async () => {
  const measure = await textMeasure();
  const pieces = Array.from({ length: 9 }, (_, i) => piece(`Piece ${i + 1}`));
  const svg = previewSvg("Nine pieces", pieces, measure);
  assert.equal(svg.match(/class="drawn"/g)?.length, 9);
  const names = texts(svg, 26);
  assert.ok(names.length < 9);
  assert.equal(names.at(-1), `and ${9 - names.length + 1} more`);
});

Deno.test("[preview] text from the shopper cannot write markup or break the document", async () => {
  const svg = previewSvg(
    `<script>alert(1)</script> & "quotes" \uFFFF`,
    [piece(`<image href="x"/> \u0007\uFFFE`)],
    await textMeasure(),
  );
  assert.ok(!svg.includes("<script"));
  assert.ok(!svg.includes("<image"));
  // And it is a document resvg draws (it refuses any character XML does).
  const png = await svgToPng(svg);
  assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]); // "PNG"
});

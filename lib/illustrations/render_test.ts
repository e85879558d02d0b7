import assert from "node:assert/strict";
import { COLOR_NAMES, PALETTE } from "../colors.ts";
import { CATEGORIES, PATTERNS } from "../schemas.ts";
import { DRAWINGS } from "./drawings.ts";
import { KINDS, KINDS_BY_CATEGORY } from "./kinds.ts";
import { renderIllustration } from "./render.ts";
import { linesFor, luminance } from "./tones.ts";

/** The only elements and attributes a drawing may use. */
const ELEMENTS = new Set([
  "svg",
  "defs",
  "pattern",
  "g",
  "path",
  "rect",
  "circle",
  "ellipse",
]);
const ATTRIBUTES = new Set([
  "xmlns",
  "viewBox",
  "width",
  "height",
  "id",
  "patternUnits",
  "patternTransform",
  "transform",
  "d",
  "x",
  "y",
  "cx",
  "cy",
  "r",
  "rx",
  "ry",
  "fill",
  "fill-opacity",
  "fill-rule",
  "stroke",
  "stroke-width",
  "stroke-linejoin",
  "stroke-linecap",
  "stroke-dasharray",
]);
const PAINT = /^(#[0-9a-f]{6}|none|url\(#fabric\))$/;

/**
 * Checks an SVG string is well-formed XML made only of the elements and
 * attributes above (no text, no script, no style, no link), and returns its
 * element count. Strict by construction: anything the tokenizer does not
 * recognise fails.
 */
function assertCleanSvg(svg: string, what: string): number {
  const tag = /<(\/?)([a-zA-Z]+)((?:\s+[a-zA-Z-]+="[^"<>&]*")*)\s*(\/?)>/y;
  const stack: string[] = [];
  let elements = 0;
  while (tag.lastIndex < svg.length) {
    const at = tag.lastIndex;
    const m = tag.exec(svg);
    assert.ok(m, `${what}: not a tag at ${at}: ${svg.slice(at, at + 40)}`);
    const [, closing, name, attrs, selfClosing] = m;
    assert.ok(ELEMENTS.has(name), `${what}: element <${name}>`);
    if (closing) {
      assert.equal(stack.pop(), name, `${what}: </${name}> closes`);
      continue;
    }
    elements++;
    for (const [, attr, value] of attrs.matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) {
      assert.ok(ATTRIBUTES.has(attr), `${what}: attribute ${attr}`);
      if (attr === "fill" || attr === "stroke") {
        assert.match(value, PAINT, `${what}: ${attr}="${value}"`);
      }
    }
    if (!selfClosing) stack.push(name);
    if (stack.length === 0) assert.equal(name, "svg");
  }
  assert.deepEqual(stack, [], `${what}: every element closed`);
  assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'), what);
  assert.doesNotMatch(svg, /<script|\son[a-z]+=|style=|href/i, what);
  return elements;
}

Deno.test("[illustrations] every category and every kind has a drawing", () => {
  assert.deepEqual(Object.keys(DRAWINGS).sort(), [...KINDS].sort());
  for (const category of CATEGORIES) {
    assert.ok(KINDS_BY_CATEGORY[category].length > 0, category);
  }
});

Deno.test("[illustrations] every drawing is clean SVG in every colour and pattern", () => {
  let drawn = 0;
  for (const kind of KINDS) {
    COLOR_NAMES.forEach((color, i) => {
      const second = COLOR_NAMES[(i + 7) % COLOR_NAMES.length];
      const third = COLOR_NAMES[(i + 13) % COLOR_NAMES.length];
      for (const pattern of PATTERNS) {
        for (const colors of [[color], [color, second, third]]) {
          const what = `${kind} ${colors.join("/")} ${pattern}`;
          const svg = renderIllustration({ kind, colors, pattern });
          assert.ok(assertCleanSvg(svg, what) > 3, `${what}: drawn`);
          assert.equal(svg.includes("url(#fabric)"), pattern !== "solid", what);
          drawn++;
        }
      }
    });
  }
  assert.equal(drawn, KINDS.length * COLOR_NAMES.length * 6 * 2);
});

Deno.test("[illustrations] no two kinds look alike", () => {
  const seen = new Map<string, string>();
  for (const kind of KINDS) {
    const svg = renderIllustration({
      kind,
      colors: ["navy"],
      pattern: "solid",
    });
    assert.equal(
      seen.get(svg),
      undefined,
      `${kind} is drawn as ${seen.get(svg)}`,
    );
    seen.set(svg, kind);
  }
});

/** WCAG contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

Deno.test("[illustrations] every colour stands out from the picture's ground, and its seams from it", () => {
  const ground = "#f3ede4"; // static/css/base.css --tile
  for (const [name, { hex }] of Object.entries(PALETTE)) {
    const { line, detail } = linesFor(hex);
    assert.ok(
      Math.max(contrast(hex, ground), contrast(line, ground)) >= 3,
      `${name}: its outline or fill shows on the ground`,
    );
    assert.ok(contrast(detail, hex) >= 1.6, `${name}: its seams show on it`);
  }
});

Deno.test("[illustrations] a drawing placed in a larger SVG takes its frame and its own fabric name", () => {
  const spec = {
    kind: "tee",
    colors: ["navy", "white"],
    pattern: "striped",
  } as const;
  const framed = (n: number) =>
    renderIllustration(spec, {
      x: 10,
      y: 20,
      width: 200,
      height: 150,
      fabricId: `fabric-${n}`,
    });
  const one = framed(1);
  assert.ok(
    one.startsWith(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" x="10" y="20" width="200" height="150">',
    ),
    one.slice(0, 120),
  );
  assert.ok(one.includes('id="fabric-1"') && one.includes("url(#fabric-1)"));
  assert.ok(!one.includes('"fabric"') && !one.includes("#fabric)"));
  // Two in one document do not share a pattern.
  assert.ok(!framed(2).includes("fabric-1"));
  // The same drawing as a document of its own is unchanged.
  assert.equal(
    one.replace(
      /x="10" y="20" width="200" height="150"/,
      'width="240" height="240"',
    )
      .replaceAll("fabric-1", "fabric"),
    renderIllustration(spec),
  );
});

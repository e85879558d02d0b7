import assert from "node:assert/strict";
import { analyzeColors, hueDistance } from "./color_harmony.ts";

Deno.test("[colour harmony] hue distance wraps around the wheel", () => {
  assert.equal(hueDistance(350, 10), 20);
  assert.equal(hueDistance(10, 350), 20);
  assert.equal(hueDistance(0, 180), 180);
  assert.equal(hueDistance(25, 215), 170);
  assert.equal(hueDistance(90, 90), 0);
});

Deno.test("[colour harmony] neutrals go with everything", () => {
  const harmony = analyzeColors(["navy", "white", "camel", "navy"]);
  assert.equal(harmony.kind, "neutral");
  assert.deepEqual(harmony.neutrals, ["navy", "white", "camel"]);
  assert.deepEqual(harmony.accents, []);
  assert.ok(harmony.score > 0);
});

Deno.test("[colour harmony] shades of one hue are tonal", () => {
  assert.equal(analyzeColors(["rust", "black"]).kind, "tonal");
  const reds = analyzeColors(["red", "burgundy", "pink", "grey"]);
  assert.equal(reds.kind, "tonal");
  assert.deepEqual(reds.families, [["red", "burgundy", "pink"]]);
});

Deno.test("[colour harmony] neighbours are analogous, opposites complementary", () => {
  const analogous = analyzeColors(["green", "sage", "white"]);
  assert.equal(analogous.kind, "analogous");
  assert.equal(analogous.families.length, 2);
  assert.equal(analyzeColors(["cobalt", "orange"]).kind, "complementary");
  assert.equal(analyzeColors(["red", "emerald"]).kind, "complementary");
});

Deno.test("[colour harmony] clashes and crowds lose points", () => {
  const clash = analyzeColors(["red", "green"]);
  assert.equal(clash.kind, "clash");
  const busy = analyzeColors(["red", "green", "blue", "purple"]);
  assert.equal(busy.kind, "busy");
  const neutral = analyzeColors(["black"]).score;
  assert.ok(clash.score < 0 && busy.score < clash.score && neutral > 0);
  assert.ok(analyzeColors(["cobalt", "orange"]).score > clash.score);
});

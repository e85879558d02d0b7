import { askOf } from "../outfit_rules.ts";
import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../../sample_wardrobe.ts";
import type { Category, WardrobeItem } from "../../schemas.ts";
import { kindOf } from "../dress_rules.ts";
import { occasionRequest } from "../test_fixtures.ts";
import { briefFor } from "./local_scoring.ts";
import { pickTip } from "./local_tips.ts";

const of = (category: Category) =>
  SAMPLE_WARDROBE.filter((item) => item.category === category);

/** Every top × bottom × shoes × outerwear, and every dress × shoes × outerwear. */
function everyOutfit(): WardrobeItem[][] {
  const outfits: WardrobeItem[][] = [];
  for (const shoes of of("shoes")) {
    for (const layer of [undefined, ...of("outerwear")]) {
      const rest = [shoes, ...(layer ? [layer] : [])];
      for (const dress of of("dress")) outfits.push([dress, ...rest]);
      for (const top of of("top")) {
        for (const bottom of of("bottom")) outfits.push([top, bottom, ...rest]);
      }
    }
  }
  return outfits;
}

Deno.test("[local tips] advice fits the garment: no cuffed skirt, no draped puffer", () => {
  const brief = briefFor(
    askOf(occasionRequest("date_night"), [...SAMPLE_WARDROBE]),
    "winter",
  );
  const legs = new Set(["trousers", "jeans", "chinos"]);
  const drapable = new Set([
    "blazer",
    "jacket",
    "denim-jacket",
    "leather-jacket",
  ]);
  let tips = 0;
  for (const items of everyOutfit()) {
    const tip = pickTip(items, brief, new Set());
    tips++;
    const bottom = items.find((i) => i.category === "bottom");
    const layer = items.find((i) => i.category === "outerwear");
    if (/\bcuff\b|\bgraze\b/.test(tip)) {
      assert.ok(bottom && legs.has(kindOf(bottom)), `${tip} / ${bottom?.name}`);
    }
    if (/^Drape|push .*sleeves/i.test(tip)) {
      assert.ok(
        layer && drapable.has(kindOf(layer)),
        `${tip} / ${layer?.name}`,
      );
    }
    // "the skirt keeps its shape", "the jeans keep their shape".
    assert.doesNotMatch(tip, /skirt keep |jeans keeps /, tip);
  }
  assert.ok(tips > 1000);
});

Deno.test("[local tips] an umbrella is mentioned only when the forecast says rain", () => {
  const request = occasionRequest("casual");
  const pool = [...SAMPLE_WARDROBE];
  const day = (rain_chance: number) =>
    briefFor(askOf(request, pool), "autumn", undefined, {
      rules: [],
      weather: { high_c: 16, low_c: 11, rain_chance, summary: "" },
      place: {
        name: "Bergen",
        country: "Norway",
        latitude: 60.39,
        longitude: 5.32,
      },
      notes: { applied: [], passed_on: [] },
    });
  const umbrellas = (rain: number) =>
    everyOutfit().filter((items) =>
      /umbrella/.test(pickTip(items, day(rain), new Set()))
    ).length;
  assert.ok(umbrellas(90) > 0);
  assert.equal(umbrellas(10), 0);
});

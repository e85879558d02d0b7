import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "./sample_wardrobe.ts";
import {
  CATEGORIES,
  type Category,
  OCCASION_IDS,
  PATTERNS,
  SEASONS,
  WardrobeItem,
} from "./schemas.ts";
import { checkFeasible } from "./stylist/outfit_rules.ts";

const wardrobe = [...SAMPLE_WARDROBE];
const count = (category: Category) =>
  wardrobe.filter((item) => item.category === category).length;

Deno.test("[sample wardrobe] every item parses as a wardrobe item", () => {
  for (const item of wardrobe) {
    assert.deepEqual(WardrobeItem.parse(item), item, item.id);
  }
});

Deno.test("[sample wardrobe] ids are unique, readable slugs", () => {
  const ids = wardrobe.map((item) => item.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)+$/);
  assert.ok(ids.includes("white-oxford-shirt"));
});

Deno.test("[sample wardrobe] is about thirty varied pieces", () => {
  assert.ok(wardrobe.length >= 28 && wardrobe.length <= 40);
  const minimum: Record<Category, number> = {
    top: 5,
    bottom: 5,
    dress: 2,
    outerwear: 4,
    shoes: 6,
    accessory: 3,
    bag: 3,
  };
  for (const category of CATEGORIES) {
    assert.ok(count(category) >= minimum[category], category);
  }
  for (let level = 1; level <= 5; level++) {
    assert.ok(wardrobe.some((item) => item.formality === level), `${level}`);
  }
  const patterns = new Set(wardrobe.map((item) => item.pattern));
  assert.ok(
    patterns.size >= 4 && [...patterns].every((p) => PATTERNS.includes(p)),
  );
  for (const season of SEASONS) {
    assert.ok(wardrobe.filter((i) => i.seasons.includes(season)).length >= 20);
  }
});

Deno.test("[sample wardrobe] has sportswear, a cocktail dress and an evening bag", () => {
  const sporty = (category: Category) =>
    wardrobe.some((i) => i.category === category && i.formality === 1);
  assert.ok(sporty("top") && sporty("bottom") && sporty("shoes"));
  assert.ok(wardrobe.some((i) => i.category === "dress" && i.formality === 5));
  assert.ok(wardrobe.some((i) => i.category === "bag" && i.formality === 5));
  assert.ok(Object.isFrozen(SAMPLE_WARDROBE));
  assert.ok(wardrobe.every((item) => Object.isFrozen(item.colors)));
});

Deno.test("[sample wardrobe] supports every occasion and every item as an anchor", () => {
  for (const occasion of OCCASION_IDS) {
    const request = {
      mode: "occasion" as const,
      occasions: [occasion],
      include_reasoning: false,
      parallel: false,
    };
    assert.equal(checkFeasible(request, wardrobe), null, occasion);
  }
  for (const item of wardrobe) {
    const request = {
      mode: "complete" as const,
      anchor_ids: [item.id],
      include_reasoning: false,
      parallel: false,
    };
    assert.equal(checkFeasible(request, wardrobe), null, item.id);
  }
});

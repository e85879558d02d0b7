import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../sample_wardrobe.ts";
import {
  CANDIDATE_ID,
  type GenerateRequest,
  WardrobeItem,
} from "../schemas.ts";
import { candidateAsItem } from "./candidate.ts";
import {
  itemsForRequest,
  type OutfitCheck,
  validateOutfit,
} from "./outfit_rules.ts";
import {
  completeRequest,
  considerRequest,
  makeItem,
  occasionRequest,
  oneOutfitWardrobe,
} from "./test_fixtures.ts";
import type { OutfitDraft } from "./types.ts";

const wardrobe = [...SAMPLE_WARDROBE];

function draft(item_ids: string[], overrides: Partial<OutfitDraft> = {}) {
  return {
    title: "A look",
    tip: "Wear it well.",
    reasoning: "Because it works.",
    item_ids,
    ...overrides,
  };
}

function check(
  item_ids: string[],
  request: GenerateRequest = occasionRequest("casual"),
  overrides: Partial<OutfitDraft> = {},
  earlier: { item_ids: string[] }[] = [],
): OutfitCheck {
  return validateOutfit(draft(item_ids, overrides), {
    request,
    wardrobe,
    earlier,
  });
}

function reason(result: OutfitCheck): string {
  assert.equal(result.ok, false, "expected the outfit to be rejected");
  return result.ok ? "" : result.reason;
}

const BASIC = ["white-cotton-tee", "dark-wash-jeans", "white-leather-sneakers"];

Deno.test("[outfit rules] candidateAsItem fills defaults and parses", () => {
  const item = candidateAsItem({
    name: "Cobalt coat",
    category: "outerwear",
    colors: ["cobalt"],
  });
  assert.deepEqual(WardrobeItem.parse(item), item);
  assert.equal(item.id, CANDIDATE_ID);
  assert.equal(item.pattern, "solid");
  assert.equal(item.formality, 3);
  assert.deepEqual(item.seasons, ["spring", "summer", "autumn", "winter"]);
  assert.equal("price" in item, false);
});

Deno.test("[outfit rules] candidateAsItem keeps details and drops repeated seasons", () => {
  const item = candidateAsItem({
    name: "Linen shirt",
    category: "top",
    colors: ["sage"],
    pattern: "striped",
    formality: 2,
    seasons: ["summer", "summer", "spring"],
    price: 49,
    image_url: "https://shop.example.com/shirt.jpg",
  });
  assert.deepEqual(WardrobeItem.parse(item), item);
  assert.deepEqual(item.seasons, ["summer", "spring"]);
  assert.equal(item.price, 49);
  assert.equal(item.image_url, "https://shop.example.com/shirt.jpg");
});

Deno.test("[outfit rules] the pool adds the candidate only when considering a purchase", () => {
  assert.deepEqual(
    itemsForRequest(occasionRequest("work"), wardrobe),
    wardrobe,
  );
  assert.deepEqual(
    itemsForRequest(completeRequest(BASIC[0]), wardrobe),
    wardrobe,
  );
  const pool = itemsForRequest(considerRequest("shoes"), wardrobe);
  assert.equal(pool.length, wardrobe.length + 1);
  assert.equal(pool.at(-1)?.id, CANDIDATE_ID);
  const clash = [makeItem(CANDIDATE_ID, "top"), ...oneOutfitWardrobe()];
  const ids = itemsForRequest(considerRequest("bag"), clash).map((i) => i.id);
  assert.deepEqual(ids, ["tee", "jeans", "sneakers", CANDIDATE_ID]);
});

Deno.test("[outfit rules] a valid outfit comes back in display order", () => {
  const result = check([
    "silver-watch",
    "white-leather-sneakers",
    "dark-wash-jeans",
    "black-leather-tote",
    "white-oxford-shirt",
    "navy-wool-blazer",
    "brown-leather-belt",
  ]);
  assert.ok(result.ok);
  assert.deepEqual(result.items.map((i) => i.id), [
    "navy-wool-blazer",
    "white-oxford-shirt",
    "dark-wash-jeans",
    "white-leather-sneakers",
    "black-leather-tote",
    "silver-watch",
    "brown-leather-belt",
  ]);
  const dress = check(["black-pointed-heels", "black-cocktail-dress"]);
  assert.ok(dress.ok);
  assert.deepEqual(dress.items.map((i) => i.category), ["dress", "shoes"]);
});

Deno.test("[outfit rules] unknown and misplaced ids are rejected", () => {
  assert.equal(reason(check([...BASIC, "xyz"])), 'Unknown item "xyz"');
  assert.match(
    reason(check([...BASIC.slice(0, 2), CANDIDATE_ID])),
    /consider-buying/,
  );
  assert.match(
    reason(check([...BASIC, BASIC[0]])),
    /"white-cotton-tee" is listed twice/,
  );
  assert.equal(reason(check([])), "The outfit lists no items");
});

Deno.test("[outfit rules] outfits must be wearable", () => {
  const cases: [string[], RegExp][] = [
    [BASIC.slice(0, 2), /needs a pair of shoes/],
    [[...BASIC, "tan-suede-ankle-boots"], /only one pair of shoes/],
    [
      ["black-cocktail-dress", "dark-wash-jeans", "black-pointed-heels"],
      /dress cannot be worn/,
    ],
    [[
      "black-cocktail-dress",
      "emerald-satin-midi-dress",
      "black-pointed-heels",
    ], /only one dress/],
    [[...BASIC, "white-oxford-shirt"], /only one top/],
    [[...BASIC, "khaki-chinos"], /only one bottom/],
    [["white-cotton-tee", "white-leather-sneakers"], /top needs a bottom/],
    [["khaki-chinos", "white-leather-sneakers"], /bottom needs a top/],
    [
      ["navy-wool-blazer", "white-leather-sneakers"],
      /needs a dress, or a top and a bottom/,
    ],
    [[...BASIC, "navy-wool-blazer", "beige-trench-coat"], /one coat or jacket/],
    [[...BASIC, "black-leather-tote", "gold-evening-clutch"], /only one bag/],
    [
      [...BASIC, "silver-watch", "brown-leather-belt", "gold-hoop-earrings"],
      /at most two accessories/,
    ],
  ];
  for (const [ids, expected] of cases) {
    assert.match(reason(check(ids)), expected, ids.join(", "));
  }
});

Deno.test("[outfit rules] the flow's rule holds", () => {
  const complete = completeRequest("navy-wool-blazer", "dark-wash-jeans");
  assert.equal(
    reason(check(BASIC, complete)),
    'Anchor item "navy-wool-blazer" is missing',
  );
  assert.ok(check([...BASIC, "navy-wool-blazer"], complete).ok);

  const consider = considerRequest("bag");
  assert.match(
    reason(check(BASIC, consider)),
    /candidate item "candidate" is missing/,
  );
  assert.ok(check([...BASIC, CANDIDATE_ID], consider).ok);
  const shoes = considerRequest("shoes");
  assert.match(
    reason(check([...BASIC, CANDIDATE_ID], shoes)),
    /one pair of shoes/,
  );
});

Deno.test("[outfit rules] text fields must not be empty", () => {
  assert.equal(
    reason(check(BASIC, undefined, { title: "" })),
    "The title is empty",
  );
  assert.equal(
    reason(check(BASIC, undefined, { tip: "  " })),
    "The tip is empty",
  );
  assert.equal(
    reason(check(BASIC, undefined, { reasoning: "\n" })),
    "The reasoning is empty",
  );
});

Deno.test("[outfit rules] an outfit may not repeat an earlier one", () => {
  const earlier = [{ item_ids: ["x"] }, { item_ids: [...BASIC].reverse() }];
  assert.equal(
    reason(check(BASIC, undefined, {}, earlier)),
    "The outfit repeats earlier outfit 2",
  );
  assert.ok(check([...BASIC, "silver-watch"], undefined, {}, earlier).ok);
});

Deno.test("[outfit rules] an outfit worn lately or disliked, or a near copy, is refused", () => {
  const worn = [...BASIC, "silver-watch", "brown-leather-belt"];
  const ctx = (reason: "worn" | "disliked") => ({
    request: occasionRequest("casual"),
    wardrobe,
    earlier: [],
    blocked: [{ item_ids: worn, reason }],
  });
  // Four of five pieces shared: a near copy.
  const nearCopy = draft([...BASIC, "silver-watch", "black-leather-tote"]);
  assert.match(reason(validateOutfit(nearCopy, ctx("worn"))), /wore/);
  assert.match(reason(validateOutfit(nearCopy, ctx("disliked"))), /disliked/);
  // Three of five: a new outfit.
  const fresh = draft([...BASIC, "gold-hoop-earrings", "black-leather-tote"]);
  assert.ok(validateOutfit(fresh, ctx("worn")).ok);
});

import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../sample_wardrobe.ts";
import { OCCASION_IDS } from "../schemas.ts";
import { checkFeasible } from "./outfit_rules.ts";
import {
  completeRequest,
  considerRequest,
  makeItem,
  occasionRequest,
  oneOutfitWardrobe,
} from "./test_fixtures.ts";

const wardrobe = [...SAMPLE_WARDROBE];

Deno.test("[feasibility] an empty wardrobe or one without shoes is not feasible", () => {
  assert.match(
    checkFeasible(occasionRequest("casual"), []) ?? "",
    /^Your wardrobe is empty\./,
  );
  const noShoes = wardrobe.filter((item) => item.category !== "shoes");
  assert.equal(
    checkFeasible(occasionRequest("work"), noShoes),
    "Your wardrobe needs at least one pair of shoes to build outfits.",
  );
  assert.equal(checkFeasible(considerRequest("shoes"), noShoes), null);
});

Deno.test("[feasibility] a missing base is explained", () => {
  const only = (...categories: string[]) =>
    wardrobe.filter((item) => categories.includes(item.category));
  assert.match(
    checkFeasible(occasionRequest("casual"), only("top", "shoes")) ?? "",
    /^Add a bottom or a dress/,
  );
  assert.match(
    checkFeasible(occasionRequest("casual"), only("bottom", "shoes")) ?? "",
    /^Add a top or a dress/,
  );
  assert.match(
    checkFeasible(occasionRequest("casual"), only("shoes", "bag")) ?? "",
    /^Add a dress, or a top and a bottom/,
  );
  const tops = only("top", "shoes");
  assert.match(
    checkFeasible(completeRequest("white-oxford-shirt"), tops) ?? "",
    /Add a bottom, such as jeans.*"White oxford shirt"/,
  );
  assert.equal(
    checkFeasible(considerRequest("bottom"), only("bottom", "shoes")),
    'Add a top to your wardrobe to wear with "New bottom".',
  );
  assert.equal(
    checkFeasible(considerRequest("top"), only("bottom", "shoes")),
    null,
  );
});

Deno.test("[feasibility] anchors that cannot go together are explained", () => {
  const cases: [string[], RegExp][] = [
    [
      ["black-pointed-heels", "brown-leather-loafers"],
      /"Black pointed heels" and "Brown leather loafers" are both pairs of shoes/,
    ],
    [
      ["black-cocktail-dress", "dark-wash-jeans"],
      /"Black cocktail dress" can't be worn with "Dark-wash straight jeans"/,
    ],
    [
      ["white-oxford-shirt", "ivory-silk-blouse", "white-cotton-tee"],
      /are all tops/,
    ],
    [["navy-wool-blazer", "beige-trench-coat"], /coats or jackets/],
    [
      ["silver-watch", "brown-leather-belt", "gold-hoop-earrings"],
      /two accessories at most/,
    ],
  ];
  for (const [anchors, expected] of cases) {
    const message = checkFeasible(completeRequest(...anchors), wardrobe) ?? "";
    assert.match(message, expected);
    assert.match(message, /Choose/);
  }
});

Deno.test("[feasibility] too few distinct outfits are counted and explained", () => {
  const tiny = oneOutfitWardrobe();
  assert.match(
    checkFeasible(occasionRequest("casual"), tiny) ?? "",
    /^Only one outfit can be made from your wardrobe/,
  );
  assert.equal(checkFeasible(occasionRequest("casual"), tiny, 1), null);
  const twoWays = [...tiny, makeItem("watch", "accessory")];
  assert.match(
    checkFeasible(occasionRequest("casual"), twoWays) ?? "",
    /two outfits/,
  );
  // Watch and belt: none, either, or both make four outfits.
  const fourWays = [...twoWays, makeItem("belt", "accessory")];
  assert.equal(checkFeasible(occasionRequest("casual"), fourWays), null);
  assert.match(
    checkFeasible(completeRequest("tee", "watch"), fourWays) ?? "",
    /^Only two outfits can be built around "Tee" and "Watch"/,
  );
  assert.match(
    checkFeasible(considerRequest("shoes", { name: "Red flats" }), tiny) ?? "",
    /^Only one outfit can be made with "Red flats"/,
  );
});

Deno.test("[feasibility] the sample wardrobe is feasible for every flow", () => {
  for (const occasion of OCCASION_IDS) {
    assert.equal(checkFeasible(occasionRequest(occasion), wardrobe), null);
  }
  for (const item of wardrobe) {
    assert.equal(
      checkFeasible(completeRequest(item.id), wardrobe),
      null,
      item.id,
    );
  }
  assert.equal(checkFeasible(considerRequest("dress"), wardrobe), null);
});

Deno.test("[feasibility] unknown anchors do not crash feasibility", () => {
  assert.equal(checkFeasible(completeRequest("no-such-item"), wardrobe), null);
  assert.equal(
    checkFeasible(
      completeRequest("no-such-item", "white-oxford-shirt"),
      wardrobe,
    ),
    null,
  );
});

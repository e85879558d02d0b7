/**
 * The verdict on hand-built wardrobes where the right answer is obvious,
 * and the outfit count on wardrobes small enough to count by hand.
 */
import assert from "node:assert/strict";
import type { CandidateItem, Season, WardrobeItem } from "../schemas.ts";
import { countOutfits } from "./outfit_count.ts";
import { makeItem } from "./test_fixtures.ts";
import { verdictFor } from "./verdict.ts";

const WINTER: Season[] = ["winter"];

function casualBasics(): WardrobeItem[] {
  return [
    makeItem("grey-tee", "top", {
      name: "Grey tee",
      colors: ["grey"],
      formality: 2,
    }),
    makeItem("white-tee", "top", {
      name: "White tee",
      colors: ["white"],
      formality: 2,
    }),
    makeItem("jeans", "bottom", {
      name: "Blue jeans",
      colors: ["denim"],
      formality: 2,
    }),
    makeItem("shorts", "bottom", {
      name: "Khaki shorts",
      colors: ["khaki"],
      formality: 2,
    }),
    makeItem("sneakers", "shoes", {
      name: "White sneakers",
      colors: ["white"],
      formality: 2,
    }),
  ];
}

Deno.test("[outfit count] counted exactly: bases × shoes × (no layer or a layer), by season", () => {
  const wardrobe = [
    ...casualBasics(),
    makeItem("coat", "outerwear", {
      colors: ["camel"],
      formality: 2,
      seasons: WINTER,
    }),
  ];
  const tally = countOutfits(wardrobe);
  // 2 tops × 2 bottoms × 1 shoes, without the coat or with it.
  assert.equal(tally.total, 8);
  assert.equal(tally.bySeason.winter, 8);
  assert.equal(tally.bySeason.summer, 4);
  assert.equal(tally.byOccasion.casual, 8);
  assert.equal(tally.byOccasion.formal, 0);
});

Deno.test("[outfit count] pieces that share no season or sit too far apart on formality make no outfit", () => {
  const wardrobe = [
    makeItem("gown-top", "top", { formality: 5 }),
    makeItem("joggers", "bottom", { formality: 1 }),
    makeItem("summer-top", "top", { formality: 2, seasons: ["summer"] }),
    makeItem("winter-skirt", "bottom", { formality: 2, seasons: WINTER }),
    makeItem("flats", "shoes", { formality: 2 }),
  ];
  // Only the summer top with the joggers works (spread 1, all seasons meet summer).
  assert.equal(countOutfits(wardrobe).total, 1);
});

Deno.test("[verdict] a black tee in a wardrobe of black tees: think twice", () => {
  const tees = [1, 2, 3].map((n) =>
    makeItem(`black-tee-${n}`, "top", {
      name: `Black tee ${n}`,
      colors: ["black"],
      formality: 2,
    })
  );
  const wardrobe = [...tees, ...casualBasics()];
  const tee: CandidateItem = {
    name: "Black cotton tee",
    category: "top",
    colors: ["black"],
    formality: 2,
  };
  const verdict = verdictFor(tee, wardrobe, "EUR");
  assert.equal(verdict.label, "Think twice");
  assert.equal(verdict.similar.count, 3);
  assert.equal(
    verdict.similar.sentence,
    "You already own 3 similar black tees.",
  );
  assert.ok(verdict.reasons.includes(verdict.similar.sentence));
  assert.deepEqual(verdict.gaps, []);
});

Deno.test("[verdict] the first pair of shoes in a wardrobe with none: a great addition", () => {
  const wardrobe = casualBasics().filter((item) => item.category !== "shoes");
  const shoes: CandidateItem = {
    name: "White sneakers",
    category: "shoes",
    colors: ["white"],
    formality: 2,
  };
  const verdict = verdictFor(shoes, wardrobe, "EUR");
  assert.equal(verdict.label, "Great addition");
  assert.equal(verdict.unlocks.before, 0);
  assert.equal(verdict.unlocks.outfits, 4);
  assert.deepEqual(
    [verdict.unlocks.pairs_with, verdict.unlocks.of],
    [4, 4],
  );
  assert.equal(
    verdict.reasons[0],
    "Without it you can't make an outfit yet; with it you can make 4 outfits.",
  );
  const casual = verdict.gaps.find((g) => /casual/.test(g.what));
  assert.deepEqual([casual?.before, casual?.added], [0, 4]);
});

Deno.test("[verdict] a formal dress in a casual wardrobe fills the gap for dressy occasions", () => {
  const wardrobe = [
    ...casualBasics(),
    makeItem("loafers", "shoes", { name: "Black loafers", formality: 3 }),
  ];
  const dress: CandidateItem = {
    name: "Navy cocktail dress",
    category: "dress",
    colors: ["navy"],
    formality: 5,
    price: 200,
  };
  const verdict = verdictFor(dress, wardrobe, "EUR");
  assert.equal(verdict.label, "Great addition");
  const formal = verdict.gaps.find((g) => /formal/.test(g.what));
  assert.ok(formal, JSON.stringify(verdict.gaps));
  assert.equal(formal.before, 0);
  assert.equal(formal.added, 1);
  assert.equal(verdict.similar.count, 0);
  // One outfit in four seasons: a few wears a year, so a wear is dear.
  const cost = verdict.cost_per_wear!;
  assert.equal(cost.amount, 200 / cost.wears_a_year);
  assert.ok(cost.wears_a_year > 0 && cost.wears_a_year < 60, cost.how);
  assert.match(cost.sentence, /^€\d+\.\d\d a wear$/);
  assert.match(cost.how, /^About \d+ wears? a year/);
});

Deno.test("[verdict] a piece nothing goes with says so", () => {
  const wardrobe = casualBasics();
  const gown: CandidateItem = {
    name: "Ball gown",
    category: "dress",
    colors: ["emerald"],
    formality: 5,
  };
  const verdict = verdictFor(gown, wardrobe, "EUR");
  assert.equal(verdict.unlocks.outfits, 0);
  assert.equal(verdict.label, "Think twice");
  assert.match(verdict.reasons[0], /doesn't go with anything you own yet/);
  assert.equal(verdict.cost_per_wear, undefined);
});

Deno.test("[verdict] a scarf finishes outfits; the first of its kind is a great addition", () => {
  const scarf: CandidateItem = {
    name: "Rust silk scarf",
    category: "accessory",
    colors: ["rust"],
    price: 40,
  };
  const first = verdictFor(scarf, casualBasics(), "USD");
  assert.equal(first.label, "Great addition");
  assert.match(first.reasons[0], /can finish 4 outfits/);
  assert.match(first.cost_per_wear!.sentence, /^\$/);
  const scarves = [1, 2].map((n) =>
    makeItem(`scarf-${n}`, "accessory", {
      name: `Rust scarf ${n}`,
      colors: ["rust"],
    })
  );
  assert.equal(
    verdictFor(scarf, [...casualBasics(), ...scarves], "EUR").label,
    "Think twice",
  );
});

Deno.test("[verdict] things that come in pairs are said in pairs", () => {
  const wardrobe = [
    ...casualBasics(),
    makeItem("old-sneakers", "shoes", {
      name: "Old white sneakers",
      colors: ["white"],
      formality: 2,
    }),
  ];
  const sneakers: CandidateItem = {
    name: "White leather sneakers",
    category: "shoes",
    colors: ["white"],
    formality: 2,
  };
  // Two pairs owned already (the basics' and the old ones).
  assert.equal(
    verdictFor(sneakers, wardrobe, "EUR").similar.sentence,
    "You already own 2 similar pairs of white sneakers.",
  );
  assert.equal(
    verdictFor(sneakers, casualBasics(), "EUR").similar.sentence,
    "You already own a similar pair of white sneakers.",
  );
});

import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../sample_wardrobe.ts";
import {
  dressinessClash,
  formalityShift,
  ruleById,
  ruleProblem,
  rulesFrom,
} from "./dress_rules.ts";
import { countOutfits, followableRules } from "./rule_feasibility.ts";
import { makeItem, occasionRequest } from "./test_fixtures.ts";

const piece = (id: string) => {
  const item = SAMPLE_WARDROBE.find((i) => i.id === id);
  if (!item) throw new Error(`no ${id} in the sample wardrobe`);
  return item;
};
const outfit = (...ids: string[]) => ids.map(piece);

Deno.test("[dress rules] a cocktail dress does not go with oxfords or running shoes", () => {
  assert.match(
    dressinessClash(outfit("black-cocktail-dress", "black-leather-oxfords"))!,
    /Black cocktail dress.*Black leather oxfords/,
  );
  assert.ok(
    dressinessClash(outfit("black-cocktail-dress", "grey-running-shoes")),
  );
  assert.equal(
    dressinessClash(outfit("black-cocktail-dress", "black-pointed-heels")),
    null,
  );
  assert.equal(
    dressinessClash(
      outfit("white-cotton-tee", "dark-wash-jeans", "white-leather-sneakers"),
    ),
    null,
  );
});

Deno.test("[dress rules] each hard rule names the piece or the missing layer", () => {
  const heels = outfit(
    "ivory-silk-blouse",
    "black-tailored-trousers",
    "black-pointed-heels",
  );
  assert.equal(
    ruleProblem(heels, rulesFrom(["no-heels"])),
    "“Black pointed heels” breaks the rule: no heels",
  );
  assert.match(
    ruleProblem(heels, rulesFrom(["outer-layer"]))!,
    /^The outfit has no /,
  );
  assert.equal(
    ruleProblem(
      [...heels, piece("beige-trench-coat")],
      rulesFrom(["rain-layer"]),
    ),
    null,
  );
  assert.ok(
    ruleProblem(
      [...heels, piece("navy-wool-blazer")],
      rulesFrom(["rain-layer"]),
    ),
    "a blazer keeps no rain off",
  );
  assert.match(
    ruleProblem(outfit("tan-suede-ankle-boots"), rulesFrom(["no-suede"]))!,
    /Tan suede ankle boots/,
  );
  assert.ok(
    ruleProblem(outfit("olive-pleated-midi-skirt"), rulesFrom(["no-skirts"])),
  );
  assert.ok(
    ruleProblem(outfit("black-cocktail-dress"), rulesFrom(["no-dresses"])),
  );
  assert.ok(
    ruleProblem(outfit("white-linen-trousers"), rulesFrom(["no-summer-only"])),
  );
  assert.ok(
    ruleProblem(outfit("charcoal-puffer-jacket"), rulesFrom(["no-outerwear"])),
  );
});

Deno.test("[dress rules] colour rules cover a colour's shades", () => {
  const black = rulesFrom(["no-colour:black"]);
  assert.ok(ruleProblem(outfit("black-leggings"), black));
  assert.equal(ruleProblem(outfit("white-cotton-tee"), black), null);
  const green = rulesFrom(["some-colour:green"]);
  assert.equal(ruleProblem(outfit("emerald-satin-midi-dress"), green), null);
  assert.equal(ruleProblem(outfit("sage-training-top"), green), null);
  assert.ok(ruleProblem(outfit("white-cotton-tee"), green));
});

Deno.test("[dress rules] unknown ids are skipped; soft rules shift dressiness", () => {
  assert.equal(ruleById("no-colour:plaid"), null);
  assert.equal(ruleById("fly-me-to-the-moon"), null);
  assert.deepEqual(
    rulesFrom(["no-heels", "nope", "no-heels"]).map((r) => r.id),
    ["no-heels"],
  );
  assert.equal(formalityShift(rulesFrom(["dressy"])), 1);
  assert.equal(formalityShift(rulesFrom(["casual"])), -1);
});

Deno.test("[rule feasibility] counts outfits exactly and stops at the limit", () => {
  const tops = [makeItem("tee", "top"), makeItem("shirt", "top")];
  const pool = [
    ...tops,
    makeItem("jeans", "bottom"),
    makeItem("sneakers", "shoes"),
    makeItem("pumps", "shoes", { name: "Black pointed heels" }),
  ];
  // 2 tops × 1 bottom × 2 shoes.
  assert.equal(countOutfits(pool, [], [], 100), 4);
  assert.equal(countOutfits(pool, [], rulesFrom(["no-heels"]), 100), 2);
  assert.equal(countOutfits(pool, [], [], 3), 3);
});

Deno.test("[rule feasibility] a rule the wardrobe cannot follow is dropped, the rest kept", () => {
  const wardrobe = [
    makeItem("tee", "top"),
    makeItem("shirt", "top"),
    makeItem("blouse", "top"),
    makeItem("jeans", "bottom"),
    makeItem("pumps", "shoes", { name: "Black pointed heels" }),
  ];
  const { kept, dropped } = followableRules(
    rulesFrom(["no-heels", "dressy"]),
    occasionRequest("work"),
    wardrobe,
    3,
  );
  assert.deepEqual(kept.map((r) => r.id), ["dressy"]);
  assert.deepEqual(dropped.map((r) => r.id), ["no-heels"]);
  const sample = followableRules(
    rulesFrom(["no-heels", "outer-layer", "no-summer-only"]),
    occasionRequest("date_night"),
    SAMPLE_WARDROBE,
    3,
  );
  assert.equal(sample.dropped.length, 0);
});

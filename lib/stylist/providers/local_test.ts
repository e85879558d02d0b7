import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../../sample_wardrobe.ts";
import {
  CANDIDATE_ID,
  CATEGORIES,
  type GenerateRequest,
  OCCASION_IDS,
  type WardrobeItem,
} from "../../schemas.ts";
import { validateOutfit } from "../outfit_rules.ts";
import {
  AUTUMN,
  completeRequest,
  considerRequest,
  occasionRequest,
  type Run,
  run,
  SUMMER,
  WINTER,
} from "../test_fixtures.ts";
import { createLocalStylist } from "./local.ts";
import { isAllWhite, isHeel } from "./local_occasions.ts";

const wardrobe = [...SAMPLE_WARDROBE];
const stylist = createLocalStylist({ now: AUTUMN });

/**
 * Asserts the run delivered `count` outfits that each pass validation
 * against the ones before, and returns their items.
 */
function assertValid(
  result: Run,
  request: GenerateRequest,
  pieces: WardrobeItem[] = wardrobe,
  count = 3,
): WardrobeItem[][] {
  assert.equal(result.error, undefined, String(result.error));
  assert.equal(result.outfits.length, count);
  return result.outfits.map((outfit, i) => {
    const check = validateOutfit(outfit, {
      request,
      wardrobe: pieces,
      earlier: result.outfits.slice(0, i),
    });
    assert.ok(check.ok, check.ok ? "" : `${check.reason}: ${outfit.item_ids}`);
    return check.items;
  });
}

const mean = (items: WardrobeItem[]) =>
  items.reduce((sum, item) => sum + item.formality, 0) / items.length;

Deno.test("[local stylist] every occasion gets three valid, distinct outfits", async () => {
  for (const occasion of OCCASION_IDS) {
    const request = occasionRequest(occasion);
    const outfits = assertValid(
      await run(stylist, { request, wardrobe }),
      request,
    );
    const bases = outfits.map((items) =>
      items.filter((i) => ["top", "bottom", "dress"].includes(i.category))
        .map((i) => i.id).join("+")
    );
    assert.equal(new Set(bases).size, 3, `${occasion} repeats a base`);
  }
});

Deno.test("[local stylist] every pair of occasions gets three valid outfits", async () => {
  for (const [i, first] of OCCASION_IDS.entries()) {
    for (const second of OCCASION_IDS.slice(i + 1)) {
      const request = occasionRequest(first, second);
      assertValid(await run(stylist, { request, wardrobe }), request);
    }
  }
});

Deno.test("[local stylist] workouts get trainers and never heels", async () => {
  for (const now of [AUTUMN, SUMMER, WINTER]) {
    const request = occasionRequest("workout");
    const local = createLocalStylist({ now });
    for (
      const items of assertValid(
        await run(local, { request, wardrobe }),
        request,
      )
    ) {
      const shoes = items.find((item) => item.category === "shoes");
      assert.equal(shoes?.formality, 1);
      assert.ok(!items.some(isHeel));
      assert.ok(!items.some((item) => item.category === "dress"));
    }
  }
});

Deno.test("[local stylist] formal and wedding outfits are dressy, never all white", async () => {
  for (const now of [AUTUMN, SUMMER, WINTER]) {
    const local = createLocalStylist({ now });
    for (const occasion of ["formal", "wedding_guest"] as const) {
      const request = occasionRequest(occasion);
      const result = await run(local, { request, wardrobe });
      for (const items of assertValid(result, request)) {
        const level = mean(items);
        assert.ok(level >= (occasion === "formal" ? 4 : 3.75), `${level}`);
        assert.ok(!isAllWhite(items));
      }
    }
  }
});

Deno.test("[local stylist] relaxed occasions stay relaxed", async () => {
  for (const occasion of ["casual", "travel", "brunch"] as const) {
    const request = occasionRequest(occasion);
    const result = await run(stylist, { request, wardrobe });
    const outfits = assertValid(result, request);
    // The best look is squarely casual; later ones may dress up a little
    // rather than repeat the same pieces.
    assert.ok(mean(outfits[0]) <= 2.5, occasion);
    for (const items of outfits) {
      assert.ok(mean(items) <= 3, `${occasion}: ${items.map((i) => i.id)}`);
    }
  }
});

Deno.test("[local stylist] the season shapes the picks", async () => {
  const request = occasionRequest("casual");
  const inWinter = await run(createLocalStylist({ now: WINTER }), {
    request,
    wardrobe,
  });
  for (const items of assertValid(inWinter, request)) {
    assert.ok(items.some((item) => item.category === "outerwear"));
  }
  const inSummer = await run(createLocalStylist({ now: SUMMER }), {
    request,
    wardrobe,
  });
  for (const items of assertValid(inSummer, request)) {
    const off = items.filter((item) => !item.seasons.includes("summer"));
    assert.deepEqual(off, [], "summer outfits use summer pieces");
  }
});

Deno.test("[local stylist] complete outfits contain every anchor", async () => {
  const anchorSets = [
    ["white-oxford-shirt"],
    ["black-cocktail-dress"],
    ["tan-suede-ankle-boots"],
    ["rust-paisley-scarf"],
    ["navy-wool-blazer", "dark-wash-jeans"],
    ["emerald-satin-midi-dress", "black-pointed-heels"],
    ["brown-leather-loafers", "brown-leather-belt", "khaki-chinos"],
    ["camel-merino-sweater", "olive-pleated-midi-skirt", "black-leather-tote"],
  ];
  for (const anchors of anchorSets) {
    const request = completeRequest(...anchors);
    for (
      const items of assertValid(
        await run(stylist, { request, wardrobe }),
        request,
      )
    ) {
      const ids = items.map((item) => item.id);
      for (const anchor of anchors) assert.ok(ids.includes(anchor), anchor);
    }
  }
});

Deno.test("[local stylist] a candidate of any category is in every outfit", async () => {
  for (const category of CATEGORIES) {
    for (const formality of [1, 3, 5]) {
      const request = considerRequest(category, {
        formality,
        colors: ["teal"],
      });
      const result = await run(stylist, { request, wardrobe });
      for (const items of assertValid(result, request)) {
        assert.ok(items.some((item) => item.id === CANDIDATE_ID), category);
      }
      assert.ok(result.outfits.every((o) => o.title.length > 0));
    }
  }
});

Deno.test("[local stylist] no two cards of a batch give the same advice", async () => {
  const requests = [
    ...(["work", "date_night", "casual", "brunch", "interview"] as const).map((
      o,
    ) => occasionRequest(o)),
    // One sweater in all three outfits: each card still says something new.
    completeRequest("camel-merino-sweater"),
  ];
  for (const request of requests) {
    const { outfits } = await run(stylist, { request, wardrobe });
    const verbs = outfits.map((o) => o.tip.slice(0, o.tip.indexOf(" ")));
    assert.equal(new Set(verbs).size, 3, outfits.map((o) => o.tip).join("\n"));
  }
});

Deno.test("[local stylist] titles, tips and reasoning are informative", async () => {
  const request = occasionRequest("work");
  const { outfits } = await run(stylist, { request, wardrobe });
  assert.equal(new Set(outfits.map((o) => o.title)).size, 3);
  assert.equal(new Set(outfits.map((o) => o.tip)).size, 3);
  for (const outfit of outfits) {
    const sentences = outfit.reasoning.split(/(?<=\.) (?=[A-Z])/);
    assert.ok(sentences.length >= 2 && sentences.length <= 4, outfit.reasoning);
    assert.match(outfit.reasoning, /For work the aim is smart casual/);
    assert.match(outfit.reasoning, /neutral|colour wheel|colour/);
    assert.match(outfit.reasoning, /autumn/);
    assert.match(outfit.tip, /^[A-Z].*\.$/);
  }
  const consider = await run(stylist, {
    request: considerRequest("outerwear", { name: "Cobalt wool coat" }),
    wardrobe,
  });
  for (const outfit of consider.outfits) {
    assert.match(outfit.title, /cobalt wool coat/i);
    assert.match(outfit.reasoning, /cobalt wool coat/);
  }
  const complete = await run(stylist, {
    request: completeRequest("brown-leather-belt"),
    wardrobe,
  });
  for (const outfit of complete.outfits) {
    assert.match(outfit.title, /brown leather belt/);
  }
});

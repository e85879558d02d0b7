/**
 * Property tests: whatever the wardrobe, request, season and seed, every
 * outfit the built-in stylist yields passes validateOutfit, and it delivers
 * three exactly when checkFeasible says three can exist.
 */
import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../../sample_wardrobe.ts";
import {
  CATEGORIES,
  type GenerateRequest,
  OCCASION_IDS,
  type WardrobeItem,
} from "../../schemas.ts";
import { checkFeasible, validateOutfit } from "../outfit_rules.ts";
import {
  completeRequest,
  considerRequest,
  occasionRequest,
  randomSource,
  randomWardrobe,
  type Run,
  run,
} from "../test_fixtures.ts";
import { StylistError } from "../types.ts";
import { createLocalStylist } from "./local.ts";

function assertAllValid(
  result: Run,
  request: GenerateRequest,
  wardrobe: WardrobeItem[],
  label: string,
) {
  result.outfits.forEach((outfit, i) => {
    const check = validateOutfit(outfit, {
      request,
      wardrobe,
      earlier: result.outfits.slice(0, i),
    });
    assert.ok(check.ok, `${label}: ${check.ok ? "" : check.reason}`);
  });
}

function randomRequest(
  random: () => number,
  wardrobe: WardrobeItem[],
): GenerateRequest {
  const choose = <T>(list: readonly T[]) =>
    list[Math.floor(random() * list.length)];
  const mode = Math.floor(random() * 3);
  if (mode === 0) {
    const occasions = new Set([choose(OCCASION_IDS), choose(OCCASION_IDS)]);
    return occasionRequest(...occasions);
  }
  if (mode === 1 && wardrobe.length) {
    const size = 1 + Math.floor(random() * 3);
    const anchors = Array.from({ length: size }, () => choose(wardrobe).id);
    return completeRequest(...new Set(anchors));
  }
  return considerRequest(choose(CATEGORIES), {
    formality: 1 + Math.floor(random() * 5),
    colors: [choose(["teal", "cobalt", "red", "black", "mustard"] as const)],
  });
}

Deno.test("[local stylist] random wardrobes: valid outfits, or the feasibility message", async () => {
  const random = randomSource(7);
  let feasibleRounds = 0;
  for (let round = 0; round < 400; round++) {
    const wardrobe = randomWardrobe(random, Math.floor(random() * 18));
    const request = randomRequest(random, wardrobe);
    const month = Math.floor(random() * 12);
    const local = createLocalStylist({
      now: () => new Date(Date.UTC(2025, month, 1)),
    });
    const result = await run(local, {
      request,
      wardrobe,
      seed: `job-${round}`,
    });
    const label = `round ${round}`;
    assertAllValid(result, request, wardrobe, label);
    const feasible = checkFeasible(request, wardrobe);
    if (feasible === null) {
      feasibleRounds++;
      assert.equal(result.error, undefined, `${label}: ${result.error}`);
      assert.equal(result.outfits.length, 3, label);
    } else {
      assert.ok(result.error instanceof StylistError, label);
      assert.equal(result.error.message, feasible, label);
      assert.ok(result.outfits.length < 3, label);
    }
  }
  // Both branches must be exercised for the property to mean anything.
  assert.ok(feasibleRounds > 100 && feasibleRounds < 350, `${feasibleRounds}`);
});

Deno.test("[local stylist] the sample wardrobe: any request, season and seed is valid", async () => {
  const wardrobe = [...SAMPLE_WARDROBE];
  const random = randomSource(11);
  for (let round = 0; round < 60; round++) {
    const request = randomRequest(random, wardrobe);
    const month = round % 12;
    const local = createLocalStylist({
      now: () => new Date(Date.UTC(2025, month, 1)),
    });
    const result = await run(local, {
      request,
      wardrobe,
      seed: `seed-${round}`,
    });
    const label = `round ${round}: ${JSON.stringify(request)}`;
    assertAllValid(result, request, wardrobe, label);
    const feasible = checkFeasible(request, wardrobe);
    assert.equal(result.outfits.length, feasible === null ? 3 : 0, label);
  }
});

Deno.test("[local stylist] outfits to avoid are never repeated", async () => {
  const random = randomSource(3);
  const local = createLocalStylist();
  for (let round = 0; round < 100; round++) {
    const wardrobe = randomWardrobe(random, 4 + Math.floor(random() * 8));
    const request = randomRequest(random, wardrobe);
    const first = await run(local, { request, wardrobe, seed: "a" });
    const second = await run(local, {
      request,
      wardrobe,
      seed: "b",
      avoid: first.outfits,
    });
    const all = [...first.outfits, ...second.outfits];
    all.forEach((outfit, i) => {
      const check = validateOutfit(outfit, {
        request,
        wardrobe,
        earlier: all.slice(0, i),
      });
      assert.ok(check.ok, `round ${round}: ${check.ok ? "" : check.reason}`);
    });
    if (second.outfits.length < 3) {
      assert.ok(second.error instanceof StylistError, `round ${round}`);
    }
  }
});

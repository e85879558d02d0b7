/**
 * The built-in stylist remembers: asked again it gives new looks, never
 * brings back what was worn lately or disliked, and leans towards liked
 * pairings. Behaviour is asserted, not particular outfits.
 */
import assert from "node:assert/strict";
import { withShown } from "../../looks/recent.ts";
import { SAMPLE_WARDROBE } from "../../sample_wardrobe.ts";
import type { Occasion } from "../../schemas.ts";
import { largeWardrobe } from "../fixture_wardrobes.ts";
import { askOf, validateOutfit } from "../outfit_rules.ts";
import { sharedShare } from "../similarity.ts";
import { AUTUMN, occasionRequest, run } from "../test_fixtures.ts";
import type { OutfitDraft, Taste } from "../types.ts";
import { createLocalStylist } from "./local.ts";
import { briefFor, scoreOutfit } from "./local_scoring.ts";

const stylist = createLocalStylist({ now: AUTUMN });
const wardrobe = [...SAMPLE_WARDROBE];
const NO_TASTE: Taste = { recent: [], blocked: [], liked: [] };
const keyOf = (o: OutfitDraft) => [...o.item_ids].sort().join(" ");

async function ask(occasion: Occasion, seed: string, taste = NO_TASTE) {
  const request = occasionRequest(occasion);
  const result = await run(stylist, { request, wardrobe, seed, taste });
  assert.equal(result.error, undefined, String(result.error));
  result.outfits.forEach((outfit, i) => {
    const check = validateOutfit(outfit, {
      request,
      wardrobe,
      earlier: result.outfits.slice(0, i),
      blocked: taste.blocked,
    });
    assert.ok(check.ok, check.ok ? "" : check.reason);
  });
  return result.outfits;
}

Deno.test("[local memory] asked four times, twelve different outfits with no piece in more than three", async () => {
  for (const occasion of ["date_night", "work", "casual"] as const) {
    for (const seed of ["a", "b", "c"]) {
      let recent: string[][] = [];
      const all: OutfitDraft[] = [];
      for (let k = 0; k < 4; k++) {
        const batch = await ask(occasion, `${seed}${k}`, {
          ...NO_TASTE,
          recent,
        });
        all.push(...batch);
        recent = withShown(recent, batch);
      }
      assert.equal(new Set(all.map(keyOf)).size, 12, `${occasion}/${seed}`);
      const uses = new Map<string, number>();
      for (const id of all.flatMap((o) => o.item_ids)) {
        uses.set(id, (uses.get(id) ?? 0) + 1);
      }
      const [piece, most] = [...uses].sort((a, b) => b[1] - a[1])[0];
      assert.ok(most <= 3, `${occasion}/${seed}: ${piece} in ${most} of 12`);
    }
  }
});

Deno.test("[local memory] the same request and seed, told what was shown, changes its outfits", async () => {
  const first = await ask("date_night", "same");
  const again = await ask("date_night", "same", {
    ...NO_TASTE,
    recent: first.map((o) => o.item_ids),
  });
  for (const outfit of again) {
    for (const shown of first) {
      assert.ok(sharedShare(outfit.item_ids, shown.item_ids) < 0.6);
    }
  }
});

Deno.test("[local memory] outfits worn lately or disliked, and near copies, never come back", async () => {
  for (const seed of ["s1", "s2", "s3", "s4"]) {
    const before = await ask("work", seed);
    const taste: Taste = {
      ...NO_TASTE,
      blocked: [
        { item_ids: before[0].item_ids, reason: "worn" },
        { item_ids: before[1].item_ids, reason: "disliked" },
      ],
    };
    // Same seed: without the block these two would be drawn again.
    const after = await ask("work", seed, taste);
    for (const outfit of after) {
      for (const blocked of taste.blocked) {
        assert.ok(sharedShare(outfit.item_ids, blocked.item_ids) < 0.8);
      }
    }
  }
});

Deno.test("[local memory] a liked pairing scores higher", () => {
  const request = occasionRequest("casual");
  const byId = new Map(wardrobe.map((item) => [item.id, item]));
  const items = [
    "white-cotton-tee",
    "dark-wash-jeans",
    "white-leather-sneakers",
  ]
    .map((id) => byId.get(id)!);
  const plain = scoreOutfit(
    items,
    briefFor(askOf(request, wardrobe), "autumn"),
  );
  const liked = scoreOutfit(
    items,
    briefFor(askOf(request, wardrobe), "autumn", {
      ...NO_TASTE,
      liked: [["white-cotton-tee", "dark-wash-jeans", "black-leather-jacket"]],
    }),
  );
  assert.equal(liked.notes.likedPairs, 1);
  assert.ok(liked.value > plain.value);
});

Deno.test("[local memory] a 120-piece wardrobe stays valid and varied", async () => {
  const large = largeWardrobe(120);
  const request = occasionRequest("date_night");
  let recent: string[][] = [];
  const all: OutfitDraft[] = [];
  for (let k = 0; k < 4; k++) {
    const result = await run(stylist, {
      request,
      wardrobe: large,
      seed: `large-${k}`,
      taste: { ...NO_TASTE, recent },
    });
    assert.equal(result.outfits.length, 3);
    all.push(...result.outfits);
    recent = withShown(recent, result.outfits);
  }
  assert.equal(new Set(all.map(keyOf)).size, 12);
});

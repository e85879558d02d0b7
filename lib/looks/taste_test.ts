import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../sample_wardrobe.ts";
import type { Look } from "./look.ts";
import { tasteOf } from "./taste.ts";

function look(n: number, changes: Partial<Look>): Look {
  const items = SAMPLE_WARDROBE.slice(n, n + 3);
  return {
    id: `look-${n}`,
    title: "",
    tip: "",
    items,
    from: { job_id: "job", outfit_number: 1, mode: "occasion" },
    created_at: "2026-11-01T00:00:00Z",
    updated_at: `2026-11-${String(10 + n).padStart(2, "0")}T00:00:00Z`,
    saved_at: null,
    worn: [],
    rating: null,
    ...changes,
  };
}
const ids = (l: Look) => l.items.map((i) => i.id);
const today = new Date("2026-11-30T12:00:00Z");

Deno.test("[taste] worn in the last 14 days or disliked is blocked; older wears are not", () => {
  const wornLately = look(0, { worn: ["2026-11-01", "2026-11-17"] });
  const wornLongAgo = look(3, { worn: ["2026-11-01", "2026-11-15"] });
  const disliked = look(6, { rating: "down", worn: ["2026-11-29"] });
  const taste = tasteOf([wornLately, wornLongAgo, disliked], [], today);
  // Most recently touched first.
  assert.deepEqual(taste.blocked, [
    { item_ids: ids(disliked), reason: "disliked" },
    { item_ids: ids(wornLately), reason: "worn" },
  ]);
});

Deno.test("[taste] liked looks are preferences; recent outfits pass through", () => {
  const liked = look(9, { rating: "up" });
  const recent = [["a", "b"], ["c", "d"]];
  const taste = tasteOf([liked, look(12, { saved_at: "x" })], recent, today);
  assert.deepEqual(taste.liked, [ids(liked)]);
  assert.deepEqual(taste.recent, recent);
  assert.deepEqual(taste.blocked, []);
});

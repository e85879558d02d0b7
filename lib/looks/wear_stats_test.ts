import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../sample_wardrobe.ts";
import type { Look } from "./look.ts";
import { costPerWear, wearStats } from "./wear_stats.ts";

const [shirt, jeans, boots] = SAMPLE_WARDROBE;
function look(items: typeof SAMPLE_WARDROBE[number][], worn: string[]): Look {
  return {
    id: "look-x",
    title: "",
    tip: "",
    items: [...items],
    from: { job_id: "job", outfit_number: 1, mode: "occasion" },
    created_at: "",
    updated_at: "",
    saved_at: null,
    worn,
    rating: null,
  };
}

Deno.test("[wear stats] each worn day counts once per piece, however many looks", () => {
  const stats = wearStats([
    look([shirt, jeans], ["2026-11-02", "2026-11-09"]),
    // The shirt again on the 9th, in another look: still one wear that day.
    look([shirt, boots], ["2026-11-09", "2026-11-20"]),
    look([boots], []),
  ]);
  assert.deepEqual(stats.get(shirt.id), { count: 3, last: "2026-11-20" });
  assert.deepEqual(stats.get(jeans.id), { count: 2, last: "2026-11-09" });
  assert.deepEqual(stats.get(boots.id), { count: 2, last: "2026-11-20" });
});

Deno.test("[wear stats] cost per wear is the price over the wears", () => {
  assert.equal(costPerWear(120, 2), 60);
  assert.equal(costPerWear(89.99, 3), 89.99 / 3);
  assert.equal(costPerWear(120, 0), null);
  assert.equal(costPerWear(undefined, 5), null);
});

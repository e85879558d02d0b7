import assert from "node:assert/strict";
import { RECENT_LIMIT, withShown } from "./recent.ts";

Deno.test("[recent] newest first, no repeats, at most the limit", () => {
  const first = withShown([], [{ item_ids: ["a", "b"] }, { item_ids: ["c"] }]);
  assert.deepEqual(first, [["c"], ["a", "b"]]);
  const again = withShown(first, [{ item_ids: ["b", "a"] }]);
  assert.deepEqual(again, [["b", "a"], ["c"]]);
  let many: string[][] = [];
  for (let i = 0; i < 50; i++) {
    many = withShown(many, [{ item_ids: [`x${i}`] }]);
  }
  assert.equal(many.length, RECENT_LIMIT);
  assert.deepEqual(many[0], ["x49"]);
});

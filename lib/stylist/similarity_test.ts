import assert from "node:assert/strict";
import {
  indexOfNearCopy,
  jaccard,
  LOOKS_ALIKE,
  NEAR_COPY,
  sharedShare,
} from "./similarity.ts";

Deno.test("[similarity] shared share is over the larger outfit", () => {
  assert.equal(
    sharedShare(["a", "b", "c", "d", "e"], ["a", "b", "c", "d", "f"]),
    0.8,
  );
  assert.equal(sharedShare(["a", "b", "c"], ["a", "b", "c", "d", "e"]), 0.6);
  assert.equal(sharedShare(["a", "b"], ["c", "d"]), 0);
  assert.equal(sharedShare(["a", "a", "b"], ["b", "a"]), 1);
});

Deno.test("[similarity] Jaccard is over all distinct pieces", () => {
  assert.equal(jaccard(["a", "b"], ["b", "c"]), 1 / 3);
  assert.equal(jaccard(["a"], ["a"]), 1);
  assert.equal(jaccard(["a"], ["b"]), 0);
});

Deno.test("[similarity] pieces every outfit must hold do not count", () => {
  const anchor = new Set(["shirt"]);
  // Only the anchor in common: not alike at all.
  assert.equal(
    sharedShare(
      ["shirt", "jeans", "boots"],
      ["shirt", "skirt", "heels"],
      anchor,
    ),
    0,
  );
  assert.equal(jaccard(["shirt", "jeans"], ["shirt", "jeans"], anchor), 1);
  assert.ok(LOOKS_ALIKE < NEAR_COPY);
});

Deno.test("[similarity] the first near copy is found, or -1", () => {
  const outfit = ["a", "b", "c", "d", "e"];
  assert.equal(
    indexOfNearCopy(outfit, [["x", "y"], ["a", "b", "c", "d", "z"]]),
    1,
  );
  assert.equal(indexOfNearCopy(outfit, [["a", "b", "c", "x", "y"]]), -1);
});

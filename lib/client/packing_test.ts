/**
 * packingOf: every piece a trip wears, once, with the days it is worn, in
 * the order a suitcase is checked.
 */
import assert from "node:assert/strict";
import type { Category } from "../schemas.ts";
import { packingOf } from "./packing.ts";

const piece = (id: string, category: Category) => ({
  id,
  name: id.replaceAll("-", " "),
  category,
});
const TRENCH = piece("trench", "outerwear");
const TEE = piece("tee", "top");
const SHIRT = piece("shirt", "top");
const JEANS = piece("jeans", "bottom");
const DRESS = piece("dress", "dress");
const SNEAKERS = piece("sneakers", "shoes");
const TOTE = piece("tote", "bag");
const WATCH = piece("watch", "accessory");

Deno.test("[trip] packingOf lists each piece once with every day it is worn, in the order worn", () => {
  const packing = packingOf([
    { date: "2026-12-08", items: [TEE, JEANS, SNEAKERS, TRENCH] },
    { date: "2026-12-09", items: [SHIRT, JEANS, SNEAKERS] },
    { date: "2026-12-10", items: [DRESS, SNEAKERS, TRENCH, WATCH] },
  ]);
  assert.equal(packing.count, 7);
  assert.equal(packing.count, packing.items.length);
  const dates = Object.fromEntries(
    packing.items.map((item) => [item.id, item.dates]),
  );
  assert.deepEqual(dates, {
    trench: ["2026-12-08", "2026-12-10"],
    tee: ["2026-12-08"],
    shirt: ["2026-12-09"],
    jeans: ["2026-12-08", "2026-12-09"],
    dress: ["2026-12-10"],
    sneakers: ["2026-12-08", "2026-12-09", "2026-12-10"],
    watch: ["2026-12-10"],
  });
  assert.deepEqual(packing.items.find((item) => item.id === "trench"), {
    id: "trench",
    name: "trench",
    category: "outerwear",
    dates: ["2026-12-08", "2026-12-10"],
  });
});

Deno.test("[trip] packingOf orders the case outside in, top to toe, first worn first within a kind", () => {
  const packing = packingOf([
    { date: "2026-12-08", items: [WATCH, TOTE, SNEAKERS, JEANS, SHIRT] },
    { date: "2026-12-09", items: [DRESS, TEE, TRENCH] },
  ]);
  assert.deepEqual(packing.items.map((item) => item.id), [
    "trench",
    "shirt",
    "tee",
    "dress",
    "jeans",
    "sneakers",
    "tote",
    "watch",
  ]);
});

Deno.test("[trip] packingOf: the same day twice is one date; undated outfits still pack their pieces", () => {
  const packing = packingOf([
    { date: "2026-12-08", items: [TEE, JEANS] },
    { date: "2026-12-08", items: [SHIRT, JEANS] },
    { items: [TEE, SNEAKERS] },
  ]);
  assert.deepEqual(
    packing.items.map((item) => [item.id, item.dates]),
    [
      ["tee", ["2026-12-08"]],
      ["shirt", ["2026-12-08"]],
      ["jeans", ["2026-12-08"]],
      ["sneakers", []],
    ],
  );
  assert.deepEqual(packingOf([]), { items: [], count: 0 });
});

Deno.test("[trip] packingOf copies what it lists: the outfits are left as they were", () => {
  const outfits = [{ date: "2026-12-08", items: [TEE, JEANS] }];
  const before = structuredClone(outfits);
  const packing = packingOf(outfits);
  packing.items[0].dates.push("2026-12-31");
  assert.deepEqual(outfits, before);
  assert.ok(!("dates" in TEE));
});

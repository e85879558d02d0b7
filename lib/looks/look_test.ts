import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../sample_wardrobe.ts";
import type { Outfit } from "../schemas.ts";
import {
  applyChange,
  isListed,
  lookFromOutfit,
  lookIdOf,
  wornDayProblem,
} from "./look.ts";

const items = SAMPLE_WARDROBE.slice(0, 3);
const outfit: Outfit = {
  title: "Test",
  item_ids: items.map((i) => i.id),
  items,
  reasoning: "Because.",
  tip: "Wear it.",
  source: "local",
};
const from = { job_id: "job", outfit_number: 1, mode: "occasion" as const };
const t0 = new Date("2026-11-01T10:00:00Z");
const t1 = new Date("2026-11-02T10:00:00Z");

Deno.test("[look] its id comes from its pieces, in any order", async () => {
  assert.equal(await lookIdOf(items), await lookIdOf([...items].reverse()));
  assert.match(await lookIdOf(items), /^look-[0-9a-f]{16}$/);
  assert.notEqual(await lookIdOf(items), await lookIdOf(items.slice(1)));
});

Deno.test("[look] two candidates with the same pieces around them are two looks", async () => {
  const candidate = (name: string) => ({ ...items[0], id: "candidate", name });
  assert.notEqual(
    await lookIdOf([candidate("Red coat"), items[1]]),
    await lookIdOf([candidate("Blue coat"), items[1]]),
  );
});

Deno.test("[look] the same change twice gives the same look", async () => {
  const look = await lookFromOutfit(outfit, from, t0);
  assert.equal(isListed(look), false);
  const saved = applyChange(look, { saved: true }, t1);
  assert.equal(saved.saved_at, t1.toISOString());
  assert.equal(applyChange(saved, { saved: true }, new Date()), saved);
  const worn = applyChange(
    saved,
    { wear: { day: "2026-11-02", worn: true } },
    t1,
  );
  assert.deepEqual(worn.worn, ["2026-11-02"]);
  assert.equal(
    applyChange(worn, { wear: { day: "2026-11-02", worn: true } }, t1),
    worn,
  );
  const earlier = applyChange(
    worn,
    { wear: { day: "2026-10-30", worn: true } },
    t1,
  );
  assert.deepEqual(earlier.worn, ["2026-10-30", "2026-11-02"]);
  const unsaved = applyChange(earlier, { saved: false }, t1);
  assert.equal(unsaved.saved_at, null);
  assert.equal(isListed(unsaved), true, "worn looks stay listed");
});

Deno.test("[look] a wear may be today or tomorrow (time zones), not later", () => {
  const today = new Date("2026-11-30T23:00:00Z");
  assert.equal(wornDayProblem("2026-11-30", today), null);
  assert.equal(wornDayProblem("2026-12-01", today), null);
  assert.ok(wornDayProblem("2026-12-02", today));
  assert.ok(wornDayProblem("1999-12-31", today));
});

import { delay } from "../../delay.ts";
import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../../sample_wardrobe.ts";
import {
  AUTUMN,
  completeRequest,
  makeItem,
  occasionRequest,
  oneOutfitWardrobe,
  run,
} from "../test_fixtures.ts";
import { StylistError, type StylistEvent } from "../types.ts";
import { createLocalStylist } from "./local.ts";

const wardrobe = [...SAMPLE_WARDROBE];
const request = occasionRequest("date_night");
const stylist = createLocalStylist({ now: AUTUMN });

Deno.test("[local stylist] streams started, reasoning, progress, outfit for each outfit", async () => {
  const { events, outfits, error } = await run(stylist, { request, wardrobe });
  assert.equal(error, undefined);
  assert.equal(stylist.name, "local");
  assert.equal(outfits.length, 3);
  let cursor = 0;
  for (let k = 1; k <= 3; k++) {
    assert.deepEqual(events[cursor++], {
      type: "outfit_started",
      outfit_number: k,
    });
    let reasoning = "";
    const fractions: number[] = [];
    while (events[cursor].type !== "outfit") {
      const event = events[cursor++];
      if (event.type === "reasoning") reasoning += event.delta;
      else if (event.type === "outfit_progress") fractions.push(event.fraction);
      else assert.fail(`unexpected ${event.type}`);
    }
    const done = events[cursor++] as Extract<StylistEvent, { type: "outfit" }>;
    assert.deepEqual(fractions, [0.25, 0.5, 0.75, 1]);
    assert.equal(reasoning, done.outfit.reasoning);
  }
  assert.equal(cursor, events.length);
});

Deno.test("[local stylist] the same seed gives the same outfits", async () => {
  const first = await run(stylist, { request, wardrobe, seed: "job-42" });
  const again = await run(createLocalStylist({ now: AUTUMN }), {
    request,
    wardrobe,
    seed: "job-42",
  });
  assert.deepEqual(again.events, first.events);
});

Deno.test("[local stylist] different seeds can give different outfits", async () => {
  const seen = new Set<string>();
  for (let i = 0; i < 8; i++) {
    const { outfits } = await run(stylist, {
      request,
      wardrobe,
      seed: `job-${i}`,
    });
    seen.add(JSON.stringify(outfits.map((o) => [...o.item_ids].sort())));
  }
  assert.ok(seen.size > 1, "eight seeds all chose the same outfits");
});

Deno.test("[local stylist] count and avoid fill in missing outfits without repeats", async () => {
  const first = await run(stylist, { request, wardrobe, count: 2 });
  assert.equal(first.error, undefined);
  assert.equal(first.outfits.length, 2);
  const rest = await run(stylist, {
    request,
    wardrobe,
    avoid: first.outfits,
    count: 1,
  });
  assert.equal(rest.outfits.length, 1);
  const [extra] = rest.outfits;
  const key = (ids: string[]) => [...ids].sort().join();
  for (const earlier of first.outfits) {
    assert.notEqual(key(extra.item_ids), key(earlier.item_ids));
    assert.notEqual(extra.tip, earlier.tip);
  }
  assert.deepEqual(rest.events[0], {
    type: "outfit_started",
    outfit_number: 1,
  });
  const none = await run(stylist, { request, wardrobe, count: 0 });
  assert.deepEqual(none, { events: [], outfits: [] });
});

Deno.test("[local stylist] a tiny wardrobe yields what it can, then a StylistError", async () => {
  const tiny = oneOutfitWardrobe();
  const result = await run(stylist, {
    request: occasionRequest("casual"),
    wardrobe: tiny,
  });
  assert.equal(result.outfits.length, 1);
  assert.ok(result.error instanceof StylistError);
  assert.match(result.error.message, /^Only one outfit can be made/);
  assert.equal(result.events.at(-1)?.type, "outfit");

  const avoided = await run(stylist, {
    request: occasionRequest("casual"),
    wardrobe: [
      ...tiny,
      makeItem("belt", "accessory"),
      makeItem("watch", "accessory"),
    ],
    avoid: result.outfits,
  });
  assert.equal(
    avoided.outfits.length,
    3,
    "none, belt, watch and both are four",
  );
});

Deno.test("[local stylist] impossible requests fail before any outfit", async () => {
  const cases = [
    { wardrobe: [], message: /^Your wardrobe is empty/ },
    {
      wardrobe: wardrobe.filter((item) => item.category !== "shoes"),
      message: /at least one pair of shoes/,
    },
    {
      wardrobe,
      request: completeRequest("black-cocktail-dress", "khaki-chinos"),
      message: /can't be worn with/,
    },
  ];
  for (const c of cases) {
    const result = await run(stylist, {
      request: c.request ?? request,
      wardrobe: c.wardrobe,
    });
    assert.deepEqual(result.events, []);
    assert.ok(result.error instanceof StylistError);
    assert.match(result.error.message, c.message);
  }
});

Deno.test("[local stylist] paces outfits with delayMs", async () => {
  const paced = createLocalStylist({ delayMs: 40, now: AUTUMN });
  const started = performance.now();
  const { outfits } = await run(paced, { request, wardrobe });
  const elapsed = performance.now() - started;
  assert.equal(outfits.length, 3);
  assert.ok(elapsed >= 110, `took only ${elapsed} ms`);
});

Deno.test("[local stylist] abort after the first outfit stops the stream at once", async () => {
  const paced = createLocalStylist({ delayMs: 400, now: AUTUMN });
  const controller = new AbortController();
  const reason = new Error("Cancelled by the shopper");
  const stream = paced.generate({
    request,
    wardrobe,
    seed: "x",
    signal: controller.signal,
  })[Symbol.asyncIterator]();
  let outfits = 0;
  while (outfits === 0) {
    const next = await stream.next();
    assert.equal(next.done, false);
    if (next.value.type === "outfit") outfits++;
  }
  controller.abort(reason);
  const aborted = performance.now();
  await assert.rejects(stream.next(), (error) => error === reason);
  assert.ok(performance.now() - aborted < 50);
  assert.deepEqual(await stream.next(), { done: true, value: undefined });
});

Deno.test("[local stylist] abort during a pause rejects without waiting it out", async () => {
  const paced = createLocalStylist({ delayMs: 4_000, now: AUTUMN });
  const controller = new AbortController();
  const stream = paced.generate({
    request,
    wardrobe,
    seed: "x",
    signal: controller.signal,
  })[Symbol.asyncIterator]();
  assert.equal((await stream.next()).value?.type, "outfit_started");
  const started = performance.now();
  const pending = stream.next();
  await delay(20);
  controller.abort();
  await assert.rejects(pending, { name: "AbortError" });
  assert.ok(performance.now() - started < 500);
});

Deno.test("[local stylist] an already aborted signal yields nothing", async () => {
  const result = await run(stylist, {
    request,
    wardrobe,
    signal: AbortSignal.abort(new Error("gone")),
  });
  assert.deepEqual(result.events, []);
  assert.equal((result.error as Error).message, "gone");
});

/**
 * Pack for a trip over the real API: `POST /api/outfits/generate` with mode
 * "trip", the job's events over real SSE, each day dressed for its own
 * forecast (an Open-Meteo-shaped fake on loopback), the packing list in the
 * result, and the ticks a shopper keeps at /api/jobs/:id/packing. The model
 * path runs the real `openai` SDK against a scripted server on loopback.
 */
import assert from "node:assert/strict";
import { bookableDays, daysAfter, serverDay } from "../lib/client/days.ts";
import { SAMPLE_WARDROBE } from "../lib/sample_wardrobe.ts";
import type {
  GenerateRequest,
  JobContext,
  JobResult,
  Outfit,
  WardrobeItem,
} from "../lib/schemas.ts";
import { ruleProblem, rulesFrom } from "../lib/stylist/dress_rules.ts";
import { getJob } from "../lib/jobs/store.ts";
import { seasonOf } from "../lib/stylist/season.ts";
import { sameItemSet } from "../lib/stylist/wearable.ts";
import { chunkText } from "./helpers/fake_openai.ts";
import {
  everyBookableDay,
  type FakeDay,
  OSLO,
  startFakeOpenMeteo,
} from "./helpers/fake_open_meteo.ts";
import { startModelApp } from "./helpers/model_app.ts";
import { modelAnswer, plannedOutfits } from "./helpers/model_script.ts";
import { startTestServer } from "./helpers/server.ts";
import { assertRefusedByField, type FieldCase } from "./helpers/refusals.ts";
import { readEvents, type SseEvent } from "./helpers/sse_client.ts";

const RAIN: FakeDay = { low: 9, high: 13, rain: 85, code: 61 };
const COLD_DRY: FakeDay = { low: -4, high: 2, rain: 5, code: 0 };
const MILD: FakeDay = { low: 10, high: 16, rain: 10, code: 2 };
const HOT: FakeDay = { low: 20, high: 29, rain: 0, code: 1 };

const ITEMS = new Map(SAMPLE_WARDROBE.map((item) => [item.id, item]));

/** Today in Oslo, where the forecast's reach is counted from. */
const osloToday = () =>
  new Intl.DateTimeFormat("en-CA", {
    timeZone: OSLO.timezone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(new Date());

/** Tomorrow (UTC): a day every time zone can book, today or later in Oslo. */
const tomorrow = () => daysAfter(serverDay(), 1);

/** Mild everywhere, but these days in Oslo. */
function weatherFor(start: string, week: FakeDay[]) {
  const oslo = everyBookableDay(MILD);
  week.forEach((day, i) => oslo[daysAfter(start, i)] = day);
  return startFakeOpenMeteo({ places: [OSLO], days: { Oslo: oslo } });
}

function trip(fields: Record<string, unknown> = {}) {
  return {
    mode: "trip",
    place: "Oslo",
    start_date: tomorrow(),
    days: 5,
    occasions: ["casual", "work"],
    ...fields,
  };
}

type OutfitEvent = { outfit_number: number; outfit: Outfit };
const outfitEvents = (events: SseEvent[]) =>
  events.filter((e) => e.event === "outfit").map((e) => e.data as OutfitEvent);
const contextOf = (events: SseEvent[]) =>
  (events.find((e) => e.event === "context")!.data as { context: JobContext })
    .context;
const resultOf = (events: SseEvent[]) => {
  const last = events.at(-1)!;
  assert.equal(last.event, "complete", JSON.stringify(last));
  return (last.data as { result: JobResult }).result;
};
const progressMessages = (events: SseEvent[]) => [
  ...new Set(
    events.filter((e) => e.event === "progress").map((e) =>
      (e.data as { message: string }).message
    ),
  ),
];
/** "−4° to 2°", as the built-in stylist writes a forecast. */
const degrees = (day: FakeDay) =>
  `${day.low}° to ${day.high}°`.replaceAll("-", "−");
const owned = (id: string): WardrobeItem => {
  const item = ITEMS.get(id);
  assert.ok(item, `"${id}" is in the sample wardrobe`);
  return item;
};

/**
 * What every finished trip must hold: one dated outfit per day in order,
 * each within its own day's rules, no day the same outfit, and a packing
 * list of every piece worn, once, with the days it is worn.
 */
function assertTrip(
  events: SseEvent[],
  days: string[],
): { context: JobContext; result: JobResult; outfits: Outfit[] } {
  const context = contextOf(events);
  const result = resultOf(events);
  const streamed = outfitEvents(events);
  assert.deepEqual(
    streamed.map((e) => e.outfit_number),
    days.map((_, i) => i + 1),
  );
  const outfits = streamed.map((e) => e.outfit);
  assert.deepEqual(outfits.map((o) => o.date), days, "each outfit's day");
  assert.deepEqual(result.outfits, outfits, "the result holds the streamed");
  assert.deepEqual(context.days?.map((day) => day.date), days);
  outfits.forEach((outfit, i) => {
    assert.equal(
      ruleProblem(
        outfit.item_ids.map(owned),
        rulesFrom(context.days![i].rules),
      ),
      null,
      `day ${i + 1} (${outfit.item_ids}) keeps ${context.days![i].rules}`,
    );
    for (let j = 0; j < i; j++) {
      assert.ok(
        !sameItemSet(outfit.item_ids, outfits[j].item_ids),
        `days ${j + 1} and ${i + 1} wear the same outfit`,
      );
    }
  });

  const packing = result.packing!;
  assert.ok(packing, "a trip's result has a packing list");
  const listed = packing.items.map((item) => item.id);
  assert.equal(new Set(listed).size, listed.length, "each piece once");
  assert.equal(packing.count, listed.length);
  assert.deepEqual(
    new Set(listed),
    new Set(outfits.flatMap((o) => o.item_ids)),
    "every piece worn, nothing else",
  );
  for (const item of packing.items) {
    const own = owned(item.id);
    assert.equal(item.name, own.name);
    assert.equal(item.category, own.category);
    assert.deepEqual(
      item.dates,
      outfits.filter((o) => o.item_ids.includes(item.id)).map((o) => o.date),
      `the days "${item.id}" is worn`,
    );
  }
  return { context, result, outfits };
}

Deno.test("[trip] bad trips are 400s naming the field, and nothing is written", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const { first, last } = bookableDays();
  const cases: FieldCase[] = [
    [{ place: "" }, "place"],
    [{ place: "   " }, "place"],
    [{ place: undefined }, "place"],
    [{ place: "x".repeat(101) }, "place"],
    [{ start_date: daysAfter(first, -1) }, "start_date"],
    [{ start_date: daysAfter(last, 1) }, "start_date"],
    [{ start_date: "next friday" }, "start_date"],
    [{ start_date: "2026-02-30" }, "start_date"],
    [{ start_date: undefined }, "start_date"],
    [{ days: 0 }, "days"],
    [{ days: 15 }, "days"],
    [{ days: 2.5 }, "days"],
    [{ days: "5" }, "days"],
    [{ days: undefined }, "days"],
    [{ occasions: [] }, "occasions"],
    [{ occasions: ["casual", "work", "brunch", "party"] }, "occasions"],
    [{ occasions: ["casual", "casual"] }, "occasions"],
    [{ occasions: ["sightseeing"] }, "occasions.0"],
  ];
  await assertRefusedByField(server.kv, shopper, trip(), cases);

  // The edges themselves are fine: today, the forecast's last day, 1 and 14 days.
  for (
    const fields of [
      { start_date: first, days: 1 },
      { start_date: last, days: 14 },
    ]
  ) {
    const res = await shopper.send("POST", "/api/outfits/generate", {
      ...trip(),
      ...fields,
    });
    assert.equal(res.status, 202, JSON.stringify(fields));
  }
});

Deno.test("[trip] five days in Oslo: one outfit a day in order, each dressed for its own forecast, packed in at most 12 pieces", async () => {
  const start = tomorrow();
  const week = [RAIN, COLD_DRY, MILD, HOT, RAIN];
  const days = week.map((_, i) => daysAfter(start, i));
  await using weather = weatherFor(start, week);
  await using server = await startTestServer({ weather });
  const shopper = server.client();
  const jobId = await shopper.generate(trip());
  const events = await shopper.events(jobId);
  const names = events.map((e) => e.event);
  assert.ok(
    names.indexOf("context") < names.indexOf("outfit"),
    `the days' forecasts before the first outfit: ${names.join(" ")}`,
  );
  const { context, result, outfits } = assertTrip(events, days);

  // Every day's own forecast, and the rules it brings.
  context.days!.forEach((day, i) => {
    assert.equal(day.weather?.low_c, week[i].low, `day ${i + 1}'s low`);
    assert.equal(day.weather?.high_c, week[i].high, `day ${i + 1}'s high`);
    assert.equal(day.weather?.rain_chance, week[i].rain);
  });
  const rules = context.days!.map((day) => day.rules);
  for (const d of [0, 4]) {
    assert.ok(rules[d].includes("rain-layer") && rules[d].includes("no-suede"));
  }
  assert.ok(rules[1].includes("outer-layer"), `${rules[1]}`);
  assert.ok(rules[1].includes("no-summer-only"), `${rules[1]}`);
  assert.ok(!rules[2].some((id) => /layer|outerwear/.test(id)), `${rules[2]}`);
  assert.ok(rules[3].includes("no-outerwear"), `${rules[3]}`);
  assert.deepEqual(context.rules, rules[0], "the job's rules are day 1's");
  assert.equal(context.date, start);
  assert.equal(context.weather?.low_c, RAIN.low);
  assert.equal(context.season, seasonOf(start, OSLO.latitude));
  assert.deepEqual(context.notices, []);

  // What the days' rules mean for the clothes, piece by piece.
  const pieces = outfits.map((o) => o.item_ids.map(owned));
  for (const d of [0, 4]) {
    const layer = pieces[d].find((p) => p.category === "outerwear");
    assert.ok(
      layer && /trench|coat|puffer|jacket/i.test(layer.name),
      `day ${d + 1} in the rain: ${outfits[d].item_ids}`,
    );
    assert.ok(!pieces[d].some((p) => /suede/i.test(p.name)), "no suede");
  }
  assert.ok(pieces[1].some((p) => p.category === "outerwear"), "cold: a coat");
  assert.ok(
    !pieces[1].some((p) =>
      p.seasons.every((s) => s === "spring" || s === "summer")
    ),
    "cold: nothing only for warm days",
  );
  assert.ok(
    !pieces[3].some((p) => p.category === "outerwear"),
    "hot: no coat",
  );
  // The words are written for the day, too.
  outfits.forEach((outfit, i) => {
    assert.ok(
      outfit.reasoning.includes(`It will be ${degrees(week[i])} in Oslo`),
      `day ${i + 1}: ${outfit.reasoning}`,
    );
  });

  assert.ok(result.packing!.count <= 12, `packs ${result.packing!.count}`);

  // "Styling day k of 5…" as day k starts, its outfit before day k+1 starts.
  assert.deepEqual(progressMessages(events), [
    "Getting ready…",
    "Checking the forecast for Oslo…",
    "Styling day 1 of 5…",
    "Styling day 2 of 5…",
    "Styling day 3 of 5…",
    "Styling day 4 of 5…",
    "Styling day 5 of 5…",
    "Finalizing outfits…",
    "Complete!",
  ]);
  const order = events.flatMap((e) => {
    if (e.event === "outfit") {
      return [`outfit ${(e.data as OutfitEvent).outfit_number}`];
    }
    const m = e.event === "progress" &&
      /^Styling day (\d) of 5…$/.exec((e.data as { message: string }).message);
    return m ? [`day ${m[1]}`] : [];
  });
  assert.deepEqual([...new Set(order)], [
    "day 1",
    "outfit 1",
    "day 2",
    "outfit 2",
    "day 3",
    "outfit 3",
    "day 4",
    "outfit 4",
    "day 5",
    "outfit 5",
  ]);

  // The snapshot says what the stream said.
  const snapshot = await shopper.get(`/api/jobs/${jobId}`);
  assert.equal(snapshot.status, 200);
  assert.equal(snapshot.body.mode, "trip");
  assert.equal(snapshot.body.status, "complete");
  assert.deepEqual(snapshot.body.result, result);
  assert.deepEqual(snapshot.body.outfits, outfits);
  assert.deepEqual(snapshot.body.context, context);
  assert.equal(weather.calls("forecast").length, 1, "one look-up for all days");
});

Deno.test("[trip] each day's outfit is streamed as soon as it is made, not when the trip is done", async () => {
  await using server = await startTestServer({ localDelayMs: 200 });
  const shopper = server.client();
  const jobId = await shopper.generate(trip());
  const res = await shopper.stream(jobId);
  let seenAtFirst: { status: string; outfits: unknown[] } | undefined;
  const events: SseEvent[] = [];
  for await (const event of readEvents(res.body!)) {
    events.push(event);
    if (event.event === "outfit" && !seenAtFirst) {
      seenAtFirst = (await shopper.get(`/api/jobs/${jobId}`)).body;
    }
  }
  assert.ok(seenAtFirst);
  assert.equal(seenAtFirst.status, "running");
  assert.ok(
    seenAtFirst.outfits.length < 5,
    `${seenAtFirst.outfits.length} of 5 days were made when day 1 arrived`,
  );
  assertTrip(events, [0, 1, 2, 3, 4].map((i) => daysAfter(tomorrow(), i)));
});

Deno.test("[trip] days past the forecast's reach are dressed for the season, and said so", async () => {
  // Days 14 to 16 from today in Oslo have a forecast; 17 and 18 do not.
  const start = daysAfter(osloToday(), 13);
  const days = [0, 1, 2, 3, 4].map((i) => daysAfter(start, i));
  await using weather = weatherFor(start, [COLD_DRY, RAIN, HOT]);
  await using server = await startTestServer({ weather });
  const shopper = server.client();
  const events = await shopper.events(
    await shopper.generate(trip({ start_date: start })),
  );
  const { context, outfits } = assertTrip(events, days);
  const season = seasonOf(start, OSLO.latitude);
  assert.equal(context.season, season);
  assert.deepEqual(
    context.days!.map((day) => day.weather?.low_c ?? null),
    [COLD_DRY.low, RAIN.low, HOT.low, null, null],
  );
  assert.deepEqual(context.days![3].rules, ["matched-dressiness"]);
  assert.deepEqual(context.days![4].rules, ["matched-dressiness"]);
  assert.ok(context.days![1].rules.includes("rain-layer"));
  assert.ok(context.days![2].rules.includes("no-outerwear"));
  assert.deepEqual(context.notices, [
    `The forecast for Oslo isn't out yet from ${
      new Intl.DateTimeFormat("en-GB", {
        weekday: "long",
        day: "numeric",
        month: "long",
        timeZone: "UTC",
      }).format(Date.parse(`${days[3]}T12:00:00Z`))
    } to ${
      new Intl.DateTimeFormat("en-GB", {
        weekday: "long",
        day: "numeric",
        month: "long",
        timeZone: "UTC",
      }).format(Date.parse(`${days[4]}T12:00:00Z`))
    }, so those days are dressed for ${season} there.`,
  ]);
  // Asked only for the days it can have, in one request.
  const asked = weather.calls("forecast");
  assert.equal(asked.length, 1);
  assert.equal(asked[0].url.searchParams.get("start_date"), days[0]);
  assert.equal(asked[0].url.searchParams.get("end_date"), days[2]);
  // The forecast's days are dressed for their forecast, the rest for the season.
  for (const i of [0, 1, 2]) {
    assert.match(outfits[i].reasoning, /It will be .* in Oslo/);
  }
  for (const i of [3, 4]) {
    assert.doesNotMatch(outfits[i].reasoning, /It will be/);
    assert.ok(
      outfits[i].reasoning.includes(season),
      `day ${i + 1}: ${outfits[i].reasoning}`,
    );
  }
});

Deno.test("[trip] no forecast at all (weather off, a town out of reach): the season for every day, and a sentence", async () => {
  // WEATHER=off.
  {
    await using server = await startTestServer();
    const shopper = server.client();
    const start = tomorrow();
    const days = Array.from({ length: 14 }, (_, i) => daysAfter(start, i));
    const events = await shopper.events(
      await shopper.generate(trip({ days: 14, occasions: ["travel"] })),
    );
    const { context, outfits, result } = assertTrip(events, days);
    const season = seasonOf(start);
    assert.equal(context.season, season);
    assert.ok(context.days!.every((day) => day.weather === null));
    assert.ok(
      context.days!.every((day) =>
        day.rules.length === 1 && day.rules[0] === "matched-dressiness"
      ),
    );
    assert.deepEqual(context.notices, [
      `Forecasts are switched off here, so these outfits are dressed for ${season}.`,
    ]);
    for (const outfit of outfits) {
      assert.ok(outfit.reasoning.includes(season), outfit.reasoning);
    }
    assert.ok(
      result.packing!.count <
        outfits.reduce((n, o) => n + o.item_ids.length, 0),
      "a fortnight reuses pieces",
    );
  }
  // Honolulu is a day behind UTC+14, where the last bookable day is
  // counted: a trip starting then is wholly past the forecast there.
  {
    await using weather = startFakeOpenMeteo({
      places: [{
        name: "Honolulu",
        country: "United States",
        latitude: 21.31,
        longitude: -157.86,
        timezone: "Pacific/Honolulu",
      }],
      days: {},
    });
    await using server = await startTestServer({ weather });
    const shopper = server.client();
    const { last } = bookableDays();
    const days = [0, 1, 2].map((i) => daysAfter(last, i));
    const events = await shopper.events(
      await shopper.generate(
        trip({ place: "Honolulu", start_date: last, days: 3 }),
      ),
    );
    const { context } = assertTrip(events, days);
    const season = seasonOf(last, 21.31);
    assert.equal(context.place?.name, "Honolulu");
    assert.ok(context.days!.every((day) => day.weather === null));
    assert.deepEqual(context.notices, [
      `The forecast for Honolulu isn't out yet for these days, so the trip is dressed for ${season} there.`,
    ]);
    assert.equal(weather.calls("forecast").length, 0, "not asked for");
  }
});

Deno.test("[trip] the packing list's ticks are the shopper's own, per trip", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const jobId = await shopper.generate(trip({ days: 3 }));
  const { result } = assertTrip(
    await shopper.events(jobId),
    [0, 1, 2].map((i) => daysAfter(tomorrow(), i)),
  );
  const [a, b] = result.packing!.items.map((item) => item.id);
  // The list (and the page) last until the day after the trip, not a day.
  const lastDay = daysAfter(tomorrow(), 2);
  assert.equal(
    (await getJob(server.kv, jobId))?.job.keep_until,
    Date.parse(`${daysAfter(lastDay, 2)}T14:00:00Z`),
  );
  const url = `/api/jobs/${jobId}/packing`;
  const tick = (itemId: unknown, packed: unknown, who = shopper) =>
    who.send("PUT", url, { item_id: itemId, packed });

  assert.deepEqual(await shopper.get(url).then((r) => [r.status, r.body]), [
    200,
    { packed: [] },
  ]);
  assert.deepEqual((await tick(a, true)).body, { packed: [a] });
  assert.deepEqual((await tick(b, true)).body, { packed: [a, b] });
  assert.deepEqual((await tick(a, true)).body, { packed: [a, b] }, "twice");
  assert.deepEqual((await tick(a, false)).body, { packed: [b] });
  assert.deepEqual((await shopper.get(url)).body, { packed: [b] }, "kept");

  // Another shopper sees no list, and cannot tick this one.
  const stranger = server.client();
  await stranger.get("/api/wardrobe");
  assert.equal((await stranger.get(url)).status, 404);
  assert.equal((await tick(a, true, stranger)).status, 404);
  assert.deepEqual((await shopper.get(url)).body, { packed: [b] });

  // Another trip of the same shopper starts with nothing ticked.
  const next = await shopper.generate(trip({ days: 2 }));
  await shopper.events(next);
  assert.deepEqual((await shopper.get(`/api/jobs/${next}/packing`)).body, {
    packed: [],
  });
  assert.deepEqual((await shopper.get(url)).body, { packed: [b] });

  // A piece no day wears, or not a piece at all, names item_id.
  const unworn = SAMPLE_WARDROBE.find((item) =>
    !result.packing!.items.some((p) => p.id === item.id)
  )!;
  for (const itemId of [unworn.id, "no-such-piece", "Not An Id!"]) {
    const res = await tick(itemId, true);
    assert.equal(res.status, 400, itemId);
    assert.deepEqual(
      res.body.issues.map((issue: { path: string }) => issue.path),
      ["item_id"],
      itemId,
    );
  }
  const wrong = await tick(a, "yes");
  assert.equal(wrong.status, 400);
  assert.deepEqual(
    wrong.body.issues.map((issue: { path: string }) => issue.path),
    ["packed"],
  );
  assert.deepEqual((await shopper.get(url)).body, { packed: [b] });

  // A job that is not a trip has no list; nor has a job that is not there.
  const occasion = await shopper.generate({
    mode: "occasion",
    occasions: ["casual"],
  });
  await shopper.events(occasion);
  const worn = (await shopper.get(`/api/jobs/${occasion}`)).body.outfits[0]
    .item_ids[0];
  assert.equal(
    (await shopper.get(`/api/jobs/${occasion}/packing`)).status,
    404,
  );
  assert.equal(
    (await shopper.send("PUT", `/api/jobs/${occasion}/packing`, {
      item_id: worn,
      packed: true,
    })).status,
    404,
  );
  const missing = `/api/jobs/${crypto.randomUUID()}/packing`;
  assert.equal((await shopper.get(missing)).status, 404);
});

Deno.test("[trip] the model plans the days; an invalid day 3 is made again by the built-in stylist for day 3", async () => {
  const start = tomorrow();
  // Day 3 is the one wet day: an outfit without a rain layer passes on
  // every other day, so only day 3's own rules can refuse it. Days 4 and 5
  // want no coat at all, so day 3's replacement cannot be theirs.
  const week = [MILD, COLD_DRY, RAIN, HOT, HOT];
  const days = week.map((_, i) => daysAfter(start, i));
  await using weather = weatherFor(start, week);
  const job = Promise.withResolvers<string>();
  const request: GenerateRequest = {
    mode: "trip",
    place: "Oslo",
    start_date: start,
    days: 5,
    occasions: ["casual"],
    include_reasoning: false,
    parallel: false,
  };
  let broken: string[] = [];
  let chunks: string[] = [];
  await using app = await startModelApp(
    async () => {
      // The model answers with the job's own context, as settled.
      const entry = await getJob(app.server.kv, await job.promise);
      const context = entry!.job.context!;
      const outfits = await plannedOutfits(request, 5, context);
      const layerless = outfits[2].item_ids.filter((id) =>
        owned(id).category !== "outerwear"
      );
      assert.notDeepEqual(layerless, outfits[2].item_ids, "day 3 had a layer");
      broken = layerless;
      outfits[2] = { ...outfits[2], item_ids: layerless };
      chunks = chunkText(modelAnswer(request, outfits, context), 9);
      return { chunks, paceMs: 2 };
    },
    {},
    { weather },
  );
  const shopper = app.server.client();
  const jobId = await shopper.generate(request);
  job.resolve(jobId);
  const res = await shopper.stream(jobId);
  const events: SseEvent[] = [];
  let deltasAtFirstOutfit = -1;
  for await (const event of readEvents(res.body!)) {
    if (event.event === "outfit" && deltasAtFirstOutfit < 0) {
      deltasAtFirstOutfit = app.fake.requests[0].deltasSent;
    }
    events.push(event);
  }
  const { context, result, outfits } = assertTrip(events, days);
  assert.ok(
    deltasAtFirstOutfit > 0 && deltasAtFirstOutfit < chunks.length * 0.4,
    `day 1 arrived after ${deltasAtFirstOutfit} of ${chunks.length} deltas`,
  );
  assert.deepEqual(outfits.map((o) => o.source), [
    "model",
    "model",
    "local",
    "model",
    "model",
  ]);
  assert.match(outfits[2].fallback_reason!, /built-in stylist made this one/);
  assert.equal(outfits[2].date, days[2]);
  assert.ok(!sameItemSet(outfits[2].item_ids, broken), "not the model's");
  assert.ok(context.days![2].rules.includes("rain-layer"));
  assert.match(outfits[2].reasoning, /It will be .* rain/);
  assert.equal(result.fallback, undefined, "the model itself did not fail");
  assert.equal(app.fake.requests.length, 1, "one request for all five days");
  // The token cap is sized for three outfits; five days get five thirds.
  const body = app.fake.requests[0].body;
  assert.equal(
    body.max_tokens ?? body.max_completion_tokens,
    Math.ceil(2000 * 5 / 3),
  );

  // The model was asked for five outfits, day by day with each day's needs.
  const prompt = app.fake.requests[0].body.messages.map((
    m: { content: string },
  ) => m.content).join("\n");
  assert.match(prompt, /Return exactly 5 outfits\./);
  for (let i = 1; i <= 5; i++) assert.match(prompt, new RegExp(`Day ${i}, `));
  assert.match(
    prompt,
    /Day 3, [^\n]*its outfit: [^\n]*a coat or jacket for the rain/,
  );
  // What a day forbids is said too: another day's pieces are offered.
  assert.match(prompt, /Day 4, [^\n]*its outfit: [^\n]*no coat or jacket/);
  assert.doesNotMatch(prompt, /Day 1, [^\n]*coat or jacket/);
});

Deno.test("[trip] a trip's place does not become the forms' everyday Where", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  await shopper.events(
    await shopper.generate({
      mode: "occasion",
      occasions: ["work"],
      place: "Bergen",
    }),
  );
  await shopper.events(await shopper.generate(trip()));
  const form = await (await shopper.fetch("/occasion")).text();
  assert.match(form, /Bergen/, "home is still the occasion form's Where");
  assert.doesNotMatch(form, /Oslo/);
  const tripForm = await (await shopper.fetch("/trip")).text();
  assert.doesNotMatch(tripForm, /Bergen/, "nor is home the next trip's");
});

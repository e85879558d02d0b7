/**
 * A job listens: the day, the place and its forecast (from an
 * Open-Meteo-shaped fake on loopback), and the shopper's notes, settled
 * once, sent as a `context` event before the first outfit, and kept by
 * every outfit. The forecast is a courtesy: when it cannot be had, the job
 * says so in a sentence and still makes three outfits.
 */
import assert from "node:assert/strict";
import { bookableDays } from "../lib/client/days.ts";
import { SAMPLE_WARDROBE } from "../lib/sample_wardrobe.ts";
import { seasonOf } from "../lib/stylist/season.ts";
import {
  everyBookableDay,
  type FakeDay,
  OSLO,
  startFakeOpenMeteo,
  SYDNEY,
} from "./helpers/fake_open_meteo.ts";
import { startTestServer } from "./helpers/server.ts";
import { assertRefusedByField, type FieldCase } from "./helpers/refusals.ts";
import type { SseEvent } from "./helpers/sse_client.ts";

const FREEZING_RAIN: FakeDay = { low: -5, high: 1, rain: 80, code: 61 };
const SCORCHER: FakeDay = { low: 21, high: 30, rain: 5, code: 1 };

function fakeWeather() {
  return startFakeOpenMeteo({
    places: [OSLO, SYDNEY],
    days: {
      Oslo: everyBookableDay(FREEZING_RAIN),
      Sydney: everyBookableDay(SCORCHER),
    },
  });
}

/** A day two days from now, that every time zone can still book. */
const inTwoDays = () =>
  new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

const ITEMS = new Map(SAMPLE_WARDROBE.map((item) => [item.id, item]));

type EventOutfit = { item_ids: string[]; reasoning: string };
const outfitsOf = (events: SseEvent[]) =>
  events.filter((e) => e.event === "outfit").map((e) =>
    (e.data as { outfit: EventOutfit }).outfit
  );
const contextOf = (events: SseEvent[]) =>
  // deno-lint-ignore no-explicit-any
  (events.find((e) => e.event === "context")?.data as any)?.context;
const piecesOf = (outfit: EventOutfit) =>
  outfit.item_ids.map((id) => ITEMS.get(id)!);

Deno.test("[context] Oslo in freezing rain: context first, then three outfits with a coat and no suede", async () => {
  await using weather = fakeWeather();
  await using server = await startTestServer({ weather });
  const shopper = server.client();
  const date = inTwoDays();
  const jobId = await shopper.generate({
    mode: "occasion",
    occasions: ["date_night"],
    date,
    place: "Oslo",
    notes: "No heels please, it's our anniversary",
  });
  const events = await shopper.events(jobId);
  const names = events.map((e) => e.event);
  assert.ok(
    names.indexOf("context") < names.indexOf("outfit"),
    `context before the first outfit: ${names.join(" ")}`,
  );
  const context = contextOf(events);
  assert.deepEqual(context.place, {
    name: "Oslo",
    country: "Norway",
    latitude: 59.91,
    longitude: 10.75,
  });
  assert.equal(context.date, date);
  assert.equal(context.season, seasonOf(date, 59.91));
  assert.deepEqual(context.weather, {
    high_c: 1,
    low_c: -5,
    rain_chance: 80,
    summary: context.weather.summary,
  });
  assert.match(context.weather.summary, /rain/);
  assert.deepEqual(context.notes, {
    applied: ["no heels"],
    passed_on: ["it's our anniversary"],
  });
  assert.deepEqual(context.notices, []);

  const outfits = outfitsOf(events);
  assert.equal(outfits.length, 3);
  const rainproof = /trench|coat|puffer|jacket/i;
  for (const outfit of outfits) {
    const pieces = piecesOf(outfit);
    const layer = pieces.find((p) => p.category === "outerwear");
    assert.ok(layer && rainproof.test(layer.name), outfit.item_ids.join());
    assert.ok(!pieces.some((p) => /suede/i.test(p.name)), "no suede in rain");
    assert.ok(!pieces.some((p) => /heel/i.test(p.name)), "no heels");
  }
  assert.match(outfits.map((o) => o.reasoning).join(" "), /Oslo/);

  const snapshot = await shopper.get(`/api/jobs/${jobId}`);
  assert.deepEqual(snapshot.body.context, context);
});

Deno.test("[context] Sydney dresses for its own hemisphere’s season, and a hot day drops the coat", async () => {
  await using weather = fakeWeather();
  await using server = await startTestServer({ weather });
  const shopper = server.client();
  const date = inTwoDays();
  const events = await shopper.events(
    await shopper.generate({
      mode: "occasion",
      occasions: ["brunch"],
      date,
      place: "Sydney",
    }),
  );
  const context = contextOf(events);
  assert.equal(context.season, seasonOf(date, -33.87));
  assert.notEqual(context.season, seasonOf(date, 33.87), "the other way round");
  for (const outfit of outfitsOf(events)) {
    const pieces = piecesOf(outfit);
    assert.ok(
      !pieces.some((p) => p.category === "outerwear"),
      "no coat at 30°",
    );
    assert.ok(
      !pieces.some((p) =>
        p.seasons.every((s) => s === "autumn" || s === "winter")
      ),
      "nothing winter-only",
    );
  }
});

Deno.test("[context] places and forecasts are cached: asking again costs Open-Meteo nothing", async () => {
  await using weather = fakeWeather();
  await using server = await startTestServer({ weather });
  const shopper = server.client();
  const date = inTwoDays();
  await shopper.events(
    await shopper.generate({
      mode: "occasion",
      occasions: ["work"],
      date,
      place: "Oslo",
    }),
  );
  assert.equal(weather.calls("search").length, 1);
  assert.equal(weather.calls("forecast").length, 1);
  const again = await shopper.events(
    await shopper.generate({
      mode: "occasion",
      occasions: ["casual"],
      date,
      place: "  oslo ",
    }),
  );
  assert.equal(contextOf(again).place.name, "Oslo");
  assert.equal(contextOf(again).weather.low_c, -5);
  assert.equal(weather.calls("search").length, 1, "geocode cached");
  assert.equal(weather.calls("forecast").length, 1, "forecast cached");
  const geocoded = await server.kv.get(["geocodes", "oslo"]);
  assert.equal(
    (geocoded.value as { place: { name: string } }).place.name,
    "Oslo",
  );
});

Deno.test("[context] a service slower than the budget is given up on: a sentence, not an outfit", async () => {
  await using weather = fakeWeather();
  weather.slowDown(10_000);
  await using server = await startTestServer({ weather });
  const shopper = server.client();
  const events = await shopper.events(
    await shopper.generate({
      mode: "occasion",
      occasions: ["casual"],
      place: "Oslo",
    }),
  );
  assert.equal(events.at(-1)!.event, "complete");
  assert.equal(outfitsOf(events).length, 3);
  const context = contextOf(events);
  assert.equal(context.weather, null);
  assert.match(context.notices[0], /couldn't get the forecast for Oslo/);
  assert.ok(
    weather.requests.length >= 1 && weather.requests.every((r) => r.aborted),
    "the look-up was abandoned, not left running",
  );
});

Deno.test("[context] an unknown place, a broken service and WEATHER=off each cost one sentence", async () => {
  await using weather = fakeWeather();
  await using server = await startTestServer({ weather });
  const shopper = server.client();
  const run = async (place: string) => {
    const events = await shopper.events(
      await shopper.generate({
        mode: "occasion",
        occasions: ["casual"],
        place,
      }),
    );
    assert.equal(outfitsOf(events).length, 3, place);
    return contextOf(events);
  };
  const nowhere = await run("Atlantis");
  assert.equal(nowhere.place, null);
  assert.match(
    nowhere.notices[0],
    /We couldn't find “Atlantis”, so these outfits are dressed for (spring|summer|autumn|winter)\./,
  );

  weather.fail(500);
  const broken = await run("Sydney");
  assert.equal(broken.weather, null);
  assert.match(broken.notices[0], /couldn't get the forecast for Sydney/);

  await using off = await startTestServer();
  const elsewhere = off.client();
  const events = await elsewhere.events(
    await elsewhere.generate({
      mode: "occasion",
      occasions: ["casual"],
      place: "Oslo",
    }),
  );
  assert.match(contextOf(events).notices[0], /Forecasts are switched off here/);
});

Deno.test("[context] no place: today, the season, and only the rule that pieces agree", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const jobId = await shopper.generate({
    mode: "occasion",
    occasions: ["work"],
  });
  const context = contextOf(await shopper.events(jobId));
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(context.date, today);
  assert.equal(context.season, seasonOf(today));
  assert.equal(context.place, null);
  assert.equal(context.weather, null);
  assert.deepEqual(context.rules, ["matched-dressiness"]);
  assert.deepEqual(context.notes, { applied: [], passed_on: [] });
});

Deno.test("[context] bad dates and places are 400s naming the field", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const far = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const cases: FieldCase[] = [
    [{ date: "2020-01-01" }, "date"],
    [{ date: far }, "date"],
    [{ date: "next tuesday" }, "date"],
    [{ date: "2026-02-30" }, "date"],
    [{ place: "x".repeat(101) }, "place"],
    [{ place: 42 }, "place"],
    [{ notes: "y".repeat(501) }, "notes"],
  ];
  await assertRefusedByField(server.kv, shopper, {
    mode: "occasion",
    occasions: ["work"],
  }, cases);
});

Deno.test("[context] every flow takes the day, the place and notes", async () => {
  await using weather = fakeWeather();
  await using server = await startTestServer({ weather });
  const shopper = server.client();
  const day = { date: inTwoDays(), place: "Oslo", notes: "no heels" };
  const requests = [
    { mode: "complete", anchor_ids: ["black-cocktail-dress"], ...day },
    {
      mode: "consider_buying",
      candidate: {
        name: "Camel wool coat",
        category: "outerwear",
        colors: ["camel"],
        pattern: "solid",
        formality: 3,
        seasons: ["autumn", "winter"],
      },
      ...day,
    },
  ];
  for (const request of requests) {
    const events = await shopper.events(await shopper.generate(request));
    const context = contextOf(events);
    assert.equal(context.place.name, "Oslo", request.mode);
    assert.deepEqual(context.notes.applied, ["no heels"], request.mode);
    for (const outfit of outfitsOf(events)) {
      assert.ok(
        !outfit.item_ids.some((id) => /heel/.test(id)),
        `${request.mode}: ${outfit.item_ids}`,
      );
    }
  }
});

Deno.test("[context] a day past the forecast's reach where the town is: said so, and not asked for", async () => {
  // Honolulu is 24 h behind UTC+14, where the last day a request may name
  // is counted: that day is always its sixteenth, one past the forecast.
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
  const events = await shopper.events(
    await shopper.generate({
      mode: "occasion",
      occasions: ["brunch"],
      date: last,
      place: "Honolulu",
    }),
  );
  const context = contextOf(events);
  assert.equal(context.place.name, "Honolulu");
  assert.equal(context.weather, null);
  assert.match(
    context.notices[0],
    /The forecast for Honolulu on .* isn't out yet/,
  );
  assert.equal(weather.calls("forecast").length, 0);
  assert.equal(outfitsOf(events).length, 3);
});

import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../sample_wardrobe.ts";
import type { FoundPlace } from "../weather/open_meteo.ts";
import { ruleProblem, rulesFrom } from "./dress_rules.ts";
import { dayWords } from "../client/days.ts";
import { composeContext, ruleIdsFor } from "./job_context.ts";
import { createLocalStylist } from "./providers/local.ts";
import {
  considerRequest,
  makeItem,
  occasionRequest,
  OSLO,
  run,
  WEATHER,
} from "./test_fixtures.ts";

const SYDNEY: FoundPlace = {
  name: "Sydney",
  country: "Australia",
  latitude: -33.87,
  longitude: 151.21,
  timezone: "Australia/Sydney",
};
const FREEZING_RAIN = WEATHER.freezingRain;
const HOT_DRY = WEATHER.hotDry;

Deno.test("[job context] the forecast says how warm; the notes add what it cannot know", () => {
  // "hot" in the notes on a freezing day keeps the coat.
  const ids = ruleIdsFor([], ["hot"], ["cold"]);
  assert.ok(ids.includes("outer-layer"));
  assert.ok(!ids.includes("no-outerwear"));
  // Without a forecast, the notes' "cold" is the day.
  assert.ok(ruleIdsFor([], ["cold"], []).includes("outer-layer"));
  // Rain in the notes adds to a dry hot forecast: a light jacket, no suede.
  const showers = ruleIdsFor([], ["rain"], ["hot"]);
  assert.ok(showers.includes("rain-layer") && showers.includes("no-suede"));
  // A hot wet day still brings a light jacket.
  const wet = ruleIdsFor([], [], ["hot", "rain"]);
  assert.ok(wet.includes("rain-layer") && !wet.includes("no-outerwear"));
  // Outdoors on a hot day needs no layer.
  assert.ok(!ruleIdsFor([], ["outdoors"], ["hot"]).includes("outer-layer"));
  assert.equal(ruleIdsFor([], [], []).at(-1), "matched-dressiness");
});

Deno.test("[job context] a freezing wet day in Oslo: coat on, no suede, winter", () => {
  const context = composeContext(
    { ...occasionRequest("date_night"), notes: "no heels" },
    SAMPLE_WARDROBE,
    3,
    { place: OSLO, weather: FREEZING_RAIN, date: "2026-12-08" },
  );
  assert.equal(context.season, "winter");
  assert.deepEqual(context.place, {
    name: "Oslo",
    country: "Norway",
    latitude: 59.91,
    longitude: 10.75,
  });
  assert.deepEqual(context.notes, { applied: ["no heels"], passed_on: [] });
  for (const id of ["no-heels", "outer-layer", "rain-layer", "no-suede"]) {
    assert.ok(context.rules.includes(id), id);
  }
  assert.deepEqual(context.notices, []);
});

Deno.test("[job context] December in Sydney is summer, and hot means no coat", () => {
  const context = composeContext(
    occasionRequest("brunch"),
    SAMPLE_WARDROBE,
    3,
    {
      place: SYDNEY,
      weather: HOT_DRY,
      date: "2026-12-08",
    },
  );
  assert.equal(context.season, "summer");
  assert.ok(context.rules.includes("no-outerwear"));
});

Deno.test("[job context] a rule the wardrobe cannot keep is passed on with a reason", () => {
  const heelsOnly = [
    makeItem("tee", "top"),
    makeItem("shirt", "top"),
    makeItem("blouse", "top"),
    makeItem("jeans", "bottom"),
    makeItem("pumps", "shoes", { name: "Black pointed heels" }),
  ];
  const context = composeContext(
    { ...occasionRequest("work"), notes: "no heels, my sister's birthday" },
    heelsOnly,
    3,
    { place: null, weather: null, date: "2026-12-08" },
  );
  assert.deepEqual(context.notes.applied, []);
  assert.deepEqual(context.notes.passed_on, [
    "my sister's birthday",
    "no heels",
  ]);
  assert.ok(!context.rules.includes("no-heels"));
  assert.equal(context.notices.length, 1);
});

Deno.test("[job context] the built-in stylist dresses within the context's rules", async () => {
  const request = {
    ...occasionRequest("date_night"),
    notes: "Flats only, no heels… outdoors, cold",
  };
  const context = composeContext(request, SAMPLE_WARDROBE, 3, {
    place: OSLO,
    weather: FREEZING_RAIN,
    date: "2026-12-08",
  });
  const result = await run(createLocalStylist(), {
    request,
    wardrobe: [...SAMPLE_WARDROBE],
    context,
  });
  assert.equal(result.outfits.length, 3);
  const rules = rulesFrom(context.rules);
  for (const outfit of result.outfits) {
    const items = outfit.item_ids.map((id) =>
      SAMPLE_WARDROBE.find((i) => i.id === id)!
    );
    assert.equal(ruleProblem(items, rules), null, outfit.item_ids.join());
  }
  assert.match(result.outfits.map((o) => o.reasoning).join(" "), /Oslo/);
});

Deno.test("[job context] days read as a shopper says them", () => {
  assert.equal(dayWords("2026-12-08"), "Tuesday 8 December");
});

Deno.test("[job context] the piece the shopper asked about stays in, and the page says why", async () => {
  const request = considerRequest("outerwear", {
    name: "Rust suede jacket",
    colors: ["rust"],
  });
  const context = composeContext(request, SAMPLE_WARDROBE, 3, {
    place: OSLO,
    weather: FREEZING_RAIN,
    date: "2026-12-08",
  });
  assert.ok(context.rules.includes("no-suede"), "suede stays out elsewhere");
  assert.deepEqual(context.notices, [
    "You asked for “Rust suede jacket”, so it's in every outfit, though it goes against “no suede”.",
  ]);
  const result = await run(createLocalStylist(), {
    request,
    wardrobe: [...SAMPLE_WARDROBE],
    context,
  });
  assert.equal(result.outfits.length, 3);
  for (const outfit of result.outfits) {
    assert.ok(outfit.item_ids.includes("candidate"));
    assert.ok(!outfit.item_ids.includes("tan-suede-ankle-boots"));
  }
});

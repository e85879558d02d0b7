import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../sample_wardrobe.ts";
import { composeContext } from "./job_context.ts";
import { contextOfOutfit } from "./outfit_day.ts";
import { reviseWords } from "./revise_words.ts";
import { tripRequest, WEATHER } from "./test_fixtures.ts";

const { heatwave: HOT, freezingDry: COLD } = WEATHER;

Deno.test("[outfit day] a trip's second outfit is worded for its own freezing day, not the first day's heat", () => {
  const wardrobe = [...SAMPLE_WARDROBE];
  const request = tripRequest(["casual"], 2);
  const context = composeContext(request, wardrobe, 2, {
    place: null,
    weather: HOT,
    date: "2026-12-08",
    days: [
      { date: "2026-12-08", weather: HOT },
      { date: "2026-12-09", weather: COLD },
    ],
  });
  const day2 = contextOfOutfit(context, 1)!;
  assert.equal(day2.date, "2026-12-09");
  assert.deepEqual(day2.weather, COLD);
  assert.deepEqual(day2.rules, context.days![1].rules);
  const first = (category: string, name = /./) =>
    wardrobe.find((i) => i.category === category && name.test(i.name))!;
  const items = [
    first("outerwear"),
    first("top", /tee/i),
    first("bottom"),
    first("shoes"),
  ];
  // A tip the job already gave is rewritten, for the day it is for.
  const words = reviseWords({ title: "Warm layers", tip: "Same tip" }, items, {
    request,
    wardrobe,
    earlier: [{ title: "Day one", tip: "Same tip" }],
    context: day2,
  });
  assert.notEqual(words.tip, "Same tip");
  assert.doesNotMatch(words.tip, /heat|cool|sun/i);
});

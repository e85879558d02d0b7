/**
 * The built-in trip planner, pure: one outfit per day in order, each within
 * its own day's rules, a small suitcase, no outfit twice, no day in the day
 * before's base when another will do, and a resumed job plans only the
 * days still to dress.
 */
import assert from "node:assert/strict";
import { daysAfter } from "../client/days.ts";
import { packingOf } from "../client/packing.ts";
import { SAMPLE_WARDROBE } from "../sample_wardrobe.ts";
import type {
  DayWeather,
  JobContext,
  Occasion,
  WardrobeItem,
} from "../schemas.ts";
import { ruleProblem, rulesFrom } from "../stylist/dress_rules.ts";
import { composeContext } from "../stylist/job_context.ts";
import { askOf } from "../stylist/outfit_rules.ts";
import { baseKey } from "../stylist/providers/local_history.ts";
import { planOutfits } from "../stylist/providers/local_planner.ts";
import {
  makeItem,
  OSLO,
  tripRequest,
  WEATHER,
} from "../stylist/test_fixtures.ts";
import type { OutfitDraft } from "../stylist/types.ts";
import { sameItemSet, wearableProblem } from "../stylist/wearable.ts";
import { planTrip } from "./trip_plan.ts";
import type { TripRequest } from "./trip.ts";

const { rain: RAIN, coldDry: COLD_DRY, mild: MILD, hot: HOT } = WEATHER;
const START = "2026-12-08";
const SAMPLE = [...SAMPLE_WARDROBE];

/** The context a job would settle for these days' forecasts (null: none). */
function tripContext(
  request: TripRequest,
  weather: (DayWeather | null)[],
  wardrobe: readonly WardrobeItem[] = SAMPLE,
): JobContext {
  return composeContext(request, wardrobe, request.days, {
    place: OSLO,
    weather: weather[0],
    date: request.start_date,
    days: weather.map((w, i) => ({ date: daysAfter(START, i), weather: w })),
  });
}

function plan(
  request: TripRequest,
  context: JobContext,
  seed: string,
  { count = request.days, avoid }: { count?: number; avoid?: OutfitDraft[] } =
    {},
  wardrobe: WardrobeItem[] = SAMPLE,
) {
  return planTrip({
    ask: askOf(request, wardrobe),
    seed,
    season: context.season,
    count,
    avoid,
    context,
  });
}

const ids = (items: readonly WardrobeItem[]) => items.map((item) => item.id);
const draft = (items: readonly WardrobeItem[]): OutfitDraft => ({
  title: "Day",
  item_ids: ids(items),
  reasoning: "Planned",
  tip: "Pack it",
});

const OCCASION_SETS: Occasion[][] = [
  ["casual"],
  ["work"],
  ["date_night"],
  ["formal"],
  ["brunch", "casual"],
  ["travel", "work"],
  ["party", "date_night", "wedding_guest"],
];
const SEEDS = ["a", "trip-7", "0f6c"];
const WEEK: (DayWeather | null)[] = [RAIN, COLD_DRY, MILD, HOT, null];

Deno.test("[trip] five days from the sample wardrobe: one outfit a day, each in its day's rules, at most 12 pieces, none repeated", () => {
  for (const occasions of OCCASION_SETS) {
    const request = tripRequest(occasions);
    const context = tripContext(request, WEEK);
    for (const seed of SEEDS) {
      const what = `${occasions.join("+")} / ${seed}`;
      const { outfits } = plan(request, context, seed);
      assert.equal(outfits.length, 5, what);
      outfits.forEach((outfit, d) => {
        const day = context.days![d];
        assert.equal(wearableProblem(outfit.items), null, `${what} day ${d}`);
        assert.equal(
          ruleProblem(outfit.items, rulesFrom(day.rules)),
          null,
          `${what}: day ${d + 1} keeps its own rules ${day.rules}`,
        );
        // Its words are written for its own day.
        assert.deepEqual(outfit.brief?.weather, day.weather, what);
      });
      // The days' rules really differ, so keeping them means something.
      assert.ok(outfits[0].items.some((i) => i.category === "outerwear"));
      assert.ok(!outfits[3].items.some((i) => i.category === "outerwear"));

      const packing = packingOf(
        outfits.map((o, d) => ({
          date: context.days![d].date,
          items: o.items,
        })),
      );
      assert.ok(packing.count <= 12, `${what}: packs ${packing.count}`);
      for (let a = 0; a < 5; a++) {
        for (let b = a + 1; b < 5; b++) {
          assert.ok(
            !sameItemSet(ids(outfits[a].items), ids(outfits[b].items)),
            `${what}: days ${a + 1} and ${b + 1} wear the same outfit`,
          );
        }
        if (a > 0) {
          assert.notEqual(
            baseKey(outfits[a].items),
            baseKey(outfits[a - 1].items),
            `${what}: day ${a + 1} wears day ${a}'s base`,
          );
        }
      }
    }
  }
});

Deno.test("[trip] the same weather all week: a smaller case than five outfits picked for variety", () => {
  for (const occasions of OCCASION_SETS) {
    const request = tripRequest(occasions);
    const context = tripContext(request, Array(5).fill(MILD));
    for (const seed of SEEDS) {
      const what = `${occasions.join("+")} / ${seed}`;
      const { outfits } = plan(request, context, seed);
      assert.equal(outfits.length, 5, what);
      const packed = packingOf(outfits).count;
      assert.ok(packed <= 12, `${what}: ${packed}`);
      // The standard search spreads five outfits over the wardrobe.
      const varied = planOutfits({
        ask: askOf(request, SAMPLE),
        seed,
        season: context.season,
        count: 5,
        context,
      });
      assert.ok(
        packed < packingOf(varied.outfits).count,
        `${what}: the trip packs ${packed}, five varied outfits ${
          packingOf(varied.outfits).count
        }`,
      );
    }
  }
});

Deno.test("[trip] the same seed plans the same trip", () => {
  const request = tripRequest(["work"]);
  const context = tripContext(request, WEEK);
  const once = plan(request, context, "same").outfits.map((o) => ids(o.items));
  const again = plan(request, context, "same").outfits.map((o) => ids(o.items));
  assert.deepEqual(again, once);
});

Deno.test("[trip] a wardrobe with one base wears it again rather than leave a day bare, never the same outfit", () => {
  const wardrobe = [
    makeItem("tee", "top", { colors: ["white"], formality: 2 }),
    makeItem("jeans", "bottom", { colors: ["denim"], formality: 2 }),
    makeItem("sneakers", "shoes", { colors: ["white"], formality: 2 }),
    makeItem("loafers", "shoes", { colors: ["brown"], formality: 2 }),
  ];
  const request = tripRequest(["casual"], 2);
  const context = tripContext(request, [null, null], wardrobe);
  const { outfits } = plan(request, context, "s", {}, wardrobe);
  assert.equal(outfits.length, 2);
  assert.equal(baseKey(outfits[0].items), baseKey(outfits[1].items));
  assert.ok(!sameItemSet(ids(outfits[0].items), ids(outfits[1].items)));
  // A third day has no new outfit left: the plan stops short, it never repeats.
  const three = tripRequest(["casual"], 3);
  const short = plan(
    three,
    tripContext(three, [null, null, null], wardrobe),
    "s",
    {},
    wardrobe,
  );
  assert.equal(short.outfits.length, 2);
});

Deno.test("[trip] a day that could wear any coat leaves the one rain coat to the wet days that need it", () => {
  // Day 1 is cold (any coat), days 2 and 3 wet (a rain coat). Only two
  // outfits have the trench; a plan that gives it to day 1 leaves day 3
  // with nothing, though the blazer would have done for day 1.
  const wardrobe = [
    makeItem("tee", "top", { colors: ["white"], formality: 2 }),
    makeItem("jeans", "bottom", { colors: ["denim"], formality: 2 }),
    makeItem("sneakers", "shoes", { colors: ["white"], formality: 2 }),
    makeItem("loafers", "shoes", { colors: ["brown"], formality: 2 }),
    makeItem("trench", "outerwear", {
      name: "Beige trench coat",
      colors: ["beige"],
      formality: 2,
    }),
    makeItem("blazer", "outerwear", {
      name: "Navy wool blazer",
      colors: ["navy"],
      formality: 4,
    }),
  ];
  const request = tripRequest(["casual"], 3);
  const context = tripContext(request, [COLD_DRY, RAIN, RAIN], wardrobe);
  assert.deepEqual(context.notices, [], "every day's rules can be kept");
  for (const seed of SEEDS) {
    const { outfits } = plan(request, context, seed, {}, wardrobe);
    assert.equal(outfits.length, 3, `${seed}: every day dressed`);
    outfits.forEach((outfit, d) =>
      assert.equal(
        ruleProblem(outfit.items, rulesFrom(context.days![d].rules)),
        null,
        `${seed}: day ${d + 1}`,
      )
    );
    assert.ok(ids(outfits[0].items).includes("blazer"), seed);
  }
});

Deno.test("[trip] resuming with the days already dressed plans only the days left, for their own weather", () => {
  // Days 3 to 5 want what days 1 and 2 do not: no coat on a hot day 3, a
  // rain layer on day 4, so a plan that started over from day 1 would show.
  const weather = [MILD, COLD_DRY, HOT, RAIN, HOT];
  for (const occasions of OCCASION_SETS) {
    const request = tripRequest(occasions);
    const context = tripContext(request, weather);
    for (const seed of SEEDS) {
      const what = `${occasions.join("+")} / ${seed}`;
      const full = plan(request, context, seed).outfits;
      const done = full.slice(0, 2).map((o) => draft(o.items));
      const rest = plan(request, context, `${seed}:resumed`, {
        count: 3,
        avoid: done,
      }).outfits;
      assert.equal(rest.length, 3, what);
      rest.forEach((outfit, i) => {
        const day = context.days![i + 2];
        assert.deepEqual(outfit.brief?.weather, day.weather, what);
        assert.equal(
          ruleProblem(outfit.items, rulesFrom(day.rules)),
          null,
          `${what}: resumed outfit ${i + 1} keeps day ${i + 3}'s rules`,
        );
        for (const before of done) {
          assert.ok(
            !sameItemSet(before.item_ids, ids(outfit.items)),
            `${what}: day ${i + 3} repeats an earlier day`,
          );
        }
      });
      assert.ok(!rest[0].items.some((i) => i.category === "outerwear"), what);
      assert.notEqual(
        baseKey(rest[0].items),
        baseKey(full[1].items),
        `${what}: day 3 wears day 2's base`,
      );
      // The days already packed count: the whole trip still packs light.
      const packed = packingOf([
        ...full.slice(0, 2),
        ...rest,
      ]).count;
      assert.ok(packed <= 12, `${what}: packs ${packed}`);
    }
  }
});

Deno.test("[trip] resuming with every day dressed plans nothing", () => {
  const request = tripRequest(["casual"], 2);
  const context = tripContext(request, [MILD, RAIN]);
  const full = plan(request, context, "x").outfits;
  const rest = plan(request, context, "x", {
    count: 0,
    avoid: full.map((o) => draft(o.items)),
  });
  assert.deepEqual(rest.outfits, []);
});

Deno.test("[trip] days with different rules that share a rain layer share its coats: a rule the trip cannot keep is dropped with a sentence, not the job", () => {
  // Two wet days and two cold wet days: each pair alone can have the rain
  // jacket, the four together cannot (two tops, one pair of jeans).
  const coldRain: DayWeather = {
    high_c: 2,
    low_c: -4,
    rain_chance: 80,
    summary: "rain likely",
  };
  const wardrobe = [
    makeItem("white-tee", "top", { colors: ["white"] }),
    makeItem("grey-sweater", "top", { colors: ["grey"] }),
    makeItem("blue-jeans", "bottom", { colors: ["denim"] }),
    makeItem("white-sneakers", "shoes", { colors: ["white"] }),
    makeItem("black-rain-jacket", "outerwear"),
    makeItem("navy-blazer", "outerwear", { colors: ["navy"] }),
  ];
  const request = tripRequest(["casual"], 4);
  const context = tripContext(
    request,
    [RAIN, RAIN, coldRain, coldRain],
    wardrobe,
  );
  assert.ok(context.notices.length > 0, "the dropped rule is said");
  for (const seed of SEEDS) {
    const { outfits } = plan(request, context, seed, {}, wardrobe);
    assert.equal(outfits.length, 4, `${seed}: every day dressed`);
    outfits.forEach((outfit, d) =>
      assert.equal(
        ruleProblem(outfit.items, rulesFrom(context.days![d].rules)),
        null,
        `${seed}: day ${d + 1} keeps its rules`,
      )
    );
  }
});

/**
 * What a job dresses the shopper for, settled once before the first outfit:
 * the day (asked for, or today at the place), the place and its forecast,
 * the season there, the notes read as rules, and which of those rules the
 * wardrobe can follow. The forecast is a courtesy: a place not found, a
 * service that is slow or down, costs a sentence (`notices`), never the
 * outfits, and all look-ups together get {@link LOOKUP_BUDGET_MS}.
 */
import type {
  DayWeather,
  GenerateRequest,
  JobContext,
  Place,
  WardrobeItem,
} from "../schemas.ts";
import {
  findPlace,
  forecastFor,
  type WeatherConfig,
} from "../weather/forecast.ts";
import type { FoundPlace } from "../weather/open_meteo.ts";
import { ALWAYS_RULES, type DressRule, rulesFrom } from "./dress_rules.ts";
import { type Band, readNotes } from "./notes.ts";
import { askOf, itemsForRequest, requiredItems } from "./outfit_rules.ts";
import { canDressEveryDay } from "../flows/trip_plan.ts";
import { flowOf } from "../flows/mod.ts";
import { followableRules } from "./rule_feasibility.ts";
import { seasonOf } from "./season.ts";
import { daysAfter, dayWords, MAX_DAYS_AHEAD } from "../client/days.ts";
import { weatherBands } from "./weather_bands.ts";

/** Geocoding and forecast together, however slow the service. */
export const LOOKUP_BUDGET_MS = 1_500;

export type ContextSources = {
  kv: Deno.Kv;
  /** Null: `WEATHER=off`. */
  weather: WeatherConfig | null;
  now?: () => Date;
};

/** The rules each kind of weather brings, most important first. */
const BAND_RULES: Readonly<Record<Band, readonly string[]>> = {
  cold: ["outer-layer", "no-summer-only"],
  rain: ["rain-layer", "no-suede"],
  hot: ["no-outerwear", "no-winter-only"],
  warm: ["no-winter-only"],
  outdoors: ["no-heels", "outer-layer"],
};

/** Bands that say how warm the day is, as opposed to what it brings. */
const TEMPERATURE: ReadonlySet<Band> = new Set(["cold", "hot", "warm"]);

/**
 * The rule ids for the notes' own rules, the notes' weather words and the
 * forecast's, in that order of importance, and last the rules every outfit
 * keeps. How warm the day is comes from the forecast when it says (cold or
 * hot); the notes' own "hot" or "cold" count only when it does not (no
 * forecast, or a mild one), so "hot" on a freezing day keeps the coat. Rain
 * and outdoors add up from either. On a hot wet day a light jacket still
 * comes; outdoors on a warm or hot day needs no layer.
 */
export function ruleIdsFor(
  noteRules: readonly string[],
  noteBands: readonly Band[],
  forecast: readonly Band[],
): string[] {
  const forecastSaysHowWarm = forecast.some((band) =>
    band === "cold" || band === "hot"
  );
  const bands = new Set<Band>(
    noteBands.filter((band) => !(forecastSaysHowWarm && TEMPERATURE.has(band))),
  );
  for (const band of forecast) bands.add(band);
  if (bands.has("cold")) bands.delete("warm");
  const ids = [...noteRules];
  for (const band of bands) {
    for (const id of BAND_RULES[band]) {
      if (
        id === "outer-layer" && band === "outdoors" &&
        (bands.has("hot") || bands.has("warm"))
      ) continue;
      ids.push(id);
    }
  }
  const wanted = bands.has("rain") || bands.has("cold") ||
    ids.includes("outer-layer");
  return [
    ...new Set(
      [...ids, ...ALWAYS_RULES].filter((id) =>
        !(id === "no-outerwear" && wanted)
      ),
    ),
  ];
}

/** Today where the place is (its own time zone), or in UTC. */
function todayAt(place: FoundPlace | null, now: Date): string {
  if (place) {
    try {
      return new Intl.DateTimeFormat("en-CA", {
        timeZone: place.timezone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }).format(now);
    } catch {
      // An unknown time zone: UTC below.
    }
  }
  return now.toISOString().slice(0, 10);
}

/** What the look-ups found, and what to say about what they did not. */
export type Looked = {
  place: FoundPlace | null;
  weather: DayWeather | null;
  date: string;
  /** A trip: each day and its forecast (null past the forecast's reach). */
  days?: { date: string; weather: DayWeather | null }[];
  notice?: (season: string) => string;
};

/** The day the request names (its flow's day field), if it names one. */
function askedDay(request: GenerateRequest): string | undefined {
  const day = (request as Record<string, unknown>)[flowOf(request).dayField];
  return typeof day === "string" ? day : undefined;
}

/** The place and the day's forecast, within the budget; never throws but for a cancel. */
async function lookUp(
  sources: ContextSources,
  request: GenerateRequest,
  signal: AbortSignal,
  now: Date,
): Promise<Looked> {
  const query = request.place;
  const trip = flowOf(request).days?.dates(request);
  const dated = (place: FoundPlace | null) =>
    trip?.[0] ?? askedDay(request) ?? todayAt(place, now);
  /** The trip's days with what was found for them. */
  const spread = (found?: Map<string, DayWeather>) =>
    trip
      ? {
        days: trip.map((date) => ({ date, weather: found?.get(date) ?? null })),
      }
      : {};
  if (!query) {
    return { place: null, weather: null, date: dated(null), ...spread() };
  }
  if (!sources.weather) {
    return {
      place: null,
      weather: null,
      date: dated(null),
      ...spread(),
      notice: (season) =>
        `Forecasts are switched off here, so these outfits are dressed for ${season}.`,
    };
  }
  const budget = AbortSignal.any([
    signal,
    AbortSignal.timeout(LOOKUP_BUDGET_MS),
  ]);
  let place: FoundPlace | null = null;
  try {
    place = await findPlace(sources.kv, sources.weather, query, budget);
    if (!place) {
      return {
        place: null,
        weather: null,
        date: dated(null),
        ...spread(),
        notice: (season) =>
          `We couldn't find “${query}”, so these outfits are dressed for ${season}.`,
      };
    }
    const date = dated(place);
    const name = place.name;
    // Far behind UTC, the last day a request may name is past the
    // forecast's reach there: no need to ask.
    const reach = daysAfter(todayAt(place, now), MAX_DAYS_AHEAD);
    if (trip) {
      const within = trip.filter((day) => day <= reach);
      const found = within.length
        ? await forecastFor(sources.kv, sources.weather, place, within, budget)
        : new Map<string, DayWeather>();
      return {
        place,
        weather: found.get(date) ?? null,
        date,
        ...spread(found),
      };
    }
    const notOutYet = {
      place,
      weather: null,
      date,
      notice: (season: string) =>
        `The forecast for ${name} on ${
          dayWords(date)
        } isn't out yet, so these outfits are dressed for ${season} there.`,
    };
    if (date > reach) return notOutYet;
    const days = await forecastFor(
      sources.kv,
      sources.weather,
      place,
      [date],
      budget,
    );
    const weather = days.get(date) ?? null;
    return weather ? { place, weather, date } : notOutYet;
  } catch (err) {
    signal.throwIfAborted();
    console.warn(`Weather look-up for "${query}" failed:`, err);
    const name = place?.name ?? query;
    return {
      place,
      weather: null,
      date: dated(place),
      ...spread(),
      notice: (season) =>
        `We couldn't get the forecast for ${name} just now, so these outfits are dressed for ${season}${
          place ? " there" : ""
        }.`,
    };
  }
}

function publicPlace(place: FoundPlace | null): Place | null {
  if (!place) return null;
  const { name, country, latitude, longitude } = place;
  return { name, country, latitude, longitude };
}

/**
 * Settles the job's context: looks up the place and forecast, reads the
 * notes, and keeps the rules the wardrobe can follow for `count` outfits.
 */
export async function settleContext(
  sources: ContextSources,
  request: GenerateRequest,
  wardrobe: readonly WardrobeItem[],
  count: number,
  signal: AbortSignal,
): Promise<JobContext> {
  const now = sources.now?.() ?? new Date();
  const looked = await lookUp(sources, request, signal, now);
  return composeContext(request, wardrobe, count, looked);
}

/**
 * The context once the place and forecast are known (or known to be
 * missing): pure, for tests and benchmarks that bring their own weather.
 */
export function composeContext(
  request: GenerateRequest,
  wardrobe: readonly WardrobeItem[],
  count: number,
  looked: Looked,
): JobContext {
  const season = seasonOf(looked.date, looked.place?.latitude ?? 0);
  const notes = readNotes(request.notes);
  const noteRules = notes.heard.flatMap((note) => note.rules);
  const noteBands = notes.heard.flatMap((note) => note.band ?? []);
  // A trip's days, or the one day; each keeps the rules the wardrobe can
  // follow. Days that want the same rules are settled together, for as many
  // outfits as there are such days; if the trip as a whole then cannot be
  // dressed (days that share a rain layer share the coats that make it,
  // whatever else they want), again for as many outfits as there are days
  // wanting any one of those rules.
  const trip = looked.days ??
    flowOf(request).days?.dates(request).map((date) => ({
      date,
      weather: null,
    }));
  const days = trip ?? [{ date: looked.date, weather: looked.weather }];
  const wanted = days.map((day) =>
    ruleIdsFor(noteRules, noteBands, weatherBands(day.weather))
  );
  const wanting = (id: string) =>
    wanted.filter((ids) => ids.includes(id)).length;
  const alike = new Map<string, number>();
  for (const ids of wanted) {
    const key = JSON.stringify(ids);
    alike.set(key, (alike.get(key) ?? 0) + 1);
  }
  const settle = (shared: boolean) =>
    new Map(
      [...alike].map(([key, alikeDays]) => {
        const ids: string[] = JSON.parse(key);
        const needed = !trip
          ? count
          : shared
          ? Math.max(alikeDays, ...ids.map(wanting))
          : alikeDays;
        return [
          key,
          followableRules(rulesFrom(ids), request, wardrobe, needed),
        ];
      }),
    );
  const keptFrom = (settled: ReturnType<typeof settle>) =>
    wanted.map((ids) => settled.get(JSON.stringify(ids))!.kept);
  const ruleIds = (rules: readonly DressRule[]) => rules.map((rule) => rule.id);
  const tripDays = (settled: ReturnType<typeof settle>) =>
    keptFrom(settled).map((rules, i) => ({
      date: days[i].date,
      weather: days[i].weather,
      rules: ruleIds(rules),
    }));
  let settled = settle(false);
  // One set of rules for every day was already settled for all of them.
  if (
    trip && alike.size > 1 && !canDressEveryDay({
      ask: askOf(request, [...wardrobe]),
      season,
      count: days.length,
      context: {
        rules: [],
        weather: null,
        place: null,
        notes: { applied: [], passed_on: [] },
        days: tripDays(settled),
      },
    })
  ) settled = settle(true);
  const keptOn = keptFrom(settled);
  const kept = [...new Set(keptOn.flat())];
  const dropped = [...new Set([...settled.values()].flatMap((s) => s.dropped))];
  const asked = requiredItems(request, itemsForRequest(request, [...wardrobe]));
  const keptIds = new Set(kept.map((rule) => rule.id));
  const followed = (ids: readonly string[]) =>
    ids.length === 0 || ids.some((id) => keptIds.has(id));
  const applied: string[] = [];
  const passedOn = [...notes.passedOn];
  for (const note of notes.heard) {
    const ids = note.band ? BAND_RULES[note.band] : note.rules;
    (followed(ids) ? applied : passedOn).push(note.label);
  }
  return {
    place: publicPlace(looked.place),
    date: looked.date,
    season,
    weather: looked.weather,
    notes: { applied, passed_on: passedOn },
    rules: ruleIds(keptOn[0]),
    ...(trip ? { days: tripDays(settled) } : {}),
    notices: [
      ...(looked.notice
        ? [looked.notice(season)]
        : trip && looked.place
        ? forecastGaps(looked.place.name, days, season)
        : []),
      ...unmetSentences(dropped),
      ...askedDespite(asked, kept),
    ],
  };
}

/** A trip's days past the forecast's reach, in a sentence. */
function forecastGaps(
  place: string,
  days: readonly { date: string; weather: DayWeather | null }[],
  season: string,
): string[] {
  const missing = days.filter((day) => !day.weather);
  if (missing.length === 0) return [];
  if (missing.length === days.length) {
    return [
      `The forecast for ${place} isn't out yet for these days, so the trip is dressed for ${season} there.`,
    ];
  }
  const first = dayWords(missing[0].date);
  const span = missing.length === 1
    ? `on ${first}`
    : `from ${first} to ${dayWords(missing.at(-1)!.date)}`;
  return [
    `The forecast for ${place} isn't out yet ${span}, so ${
      missing.length === 1 ? "that day is" : "those days are"
    } dressed for ${season} there.`,
  ];
}

/** The pieces asked for stay in, whatever the rules forbid: said so. */
function askedDespite(
  asked: readonly WardrobeItem[],
  kept: readonly DressRule[],
): string[] {
  return asked.flatMap((item) =>
    kept.filter((rule) => rule.excludes?.(item)).map((rule) =>
      `You asked for “${item.name}”, so it's in every outfit, though it goes against “${rule.label}”.`
    )
  );
}

function unmetSentences(dropped: readonly DressRule[]): string[] {
  return [...new Set(dropped.map((rule) => rule.unmet).filter(Boolean))];
}

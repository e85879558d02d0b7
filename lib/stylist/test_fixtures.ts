/**
 * Test data for the stylist's unit tests: request builders, item factories,
 * a seeded random wardrobe and a helper that drains a stylist's stream.
 * Only tests import this module.
 */
import { COLOR_NAMES } from "../colors.ts";
import {
  type CandidateItem,
  CATEGORIES,
  type Category,
  type DayWeather,
  type GenerateRequest,
  type Occasion,
  PATTERNS,
  SEASONS,
  type WardrobeItem,
} from "../schemas.ts";
import type { FoundPlace } from "../weather/open_meteo.ts";
import type { TripRequest } from "../flows/trip.ts";
import type {
  OutfitDraft,
  Stylist,
  StylistEvent,
  StylistInput,
} from "./types.ts";

/** Oslo as the geocoder finds it. */
export const OSLO: FoundPlace = {
  name: "Oslo",
  country: "Norway",
  latitude: 59.91,
  longitude: 10.75,
  timezone: "Europe/Oslo",
};

/** Days' forecasts the context and planner tests dress for. */
export const WEATHER = {
  freezingRain: {
    high_c: 1,
    low_c: -5,
    rain_chance: 80,
    summary: "rain likely",
  },
  rain: { high_c: 12, low_c: 9, rain_chance: 80, summary: "rain likely" },
  coldDry: { high_c: 2, low_c: -4, rain_chance: 5, summary: "clear skies" },
  freezingDry: {
    high_c: 1,
    low_c: -6,
    rain_chance: 10,
    summary: "clear skies",
  },
  mild: { high_c: 16, low_c: 10, rain_chance: 10, summary: "partly cloudy" },
  hot: { high_c: 29, low_c: 20, rain_chance: 0, summary: "sunny" },
  hotDry: { high_c: 30, low_c: 21, rain_chance: 5, summary: "sunny" },
  heatwave: { high_c: 31, low_c: 22, rain_chance: 0, summary: "sunny" },
} satisfies Record<string, DayWeather>;

/** Mid-October: autumn in the northern hemisphere. */
export const AUTUMN = () => new Date(Date.UTC(2025, 9, 15));
export const SUMMER = () => new Date(Date.UTC(2025, 6, 15));
export const WINTER = () => new Date(Date.UTC(2025, 0, 15));

/** A plain, all-season item; override what the test cares about. */
export function makeItem(
  id: string,
  category: Category,
  overrides: Partial<WardrobeItem> = {},
): WardrobeItem {
  return {
    id,
    name: id.replaceAll("-", " ").replace(/^./, (c) => c.toUpperCase()),
    category,
    colors: ["black"],
    pattern: "solid",
    formality: 3,
    seasons: [...SEASONS],
    ...overrides,
  };
}

/** The smallest wardrobe that makes exactly one outfit. */
export function oneOutfitWardrobe(): WardrobeItem[] {
  return [
    makeItem("tee", "top", { colors: ["white"] }),
    makeItem("jeans", "bottom", { colors: ["denim"] }),
    makeItem("sneakers", "shoes", { colors: ["white"] }),
  ];
}

/** A trip to Oslo from 8 December 2026. */
export function tripRequest(
  occasions: Occasion[],
  days = 5,
  start_date = "2026-12-08",
): TripRequest {
  return {
    mode: "trip",
    place: "Oslo",
    start_date,
    days,
    occasions,
    include_reasoning: false,
    parallel: false,
  };
}

export function occasionRequest(...occasions: Occasion[]): GenerateRequest {
  return {
    mode: "occasion",
    occasions,
    include_reasoning: false,
    parallel: false,
  };
}

export function completeRequest(...anchor_ids: string[]): GenerateRequest {
  return {
    mode: "complete",
    anchor_ids,
    include_reasoning: false,
    parallel: false,
  };
}

export function considerRequest(
  category: Category,
  overrides: Partial<CandidateItem> = {},
): GenerateRequest {
  return {
    mode: "consider_buying",
    candidate: {
      name: `New ${category}`,
      category,
      colors: ["cobalt"],
      ...overrides,
    },
    include_reasoning: false,
    parallel: false,
  };
}

/** A deterministic pseudo-random source (mulberry32). */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A random but valid wardrobe of `size` items. */
export function randomWardrobe(
  random: () => number,
  size: number,
): WardrobeItem[] {
  const choose = <T>(list: readonly T[]) =>
    list[Math.floor(random() * list.length)];
  return Array.from({ length: size }, (_, i) => {
    const colors = [...new Set([choose(COLOR_NAMES), choose(COLOR_NAMES)])];
    const seasons = SEASONS.filter(() => random() < 0.6);
    return makeItem(`item-${i}`, choose(CATEGORIES), {
      colors,
      pattern: random() < 0.7 ? "solid" : choose(PATTERNS),
      formality: 1 + Math.floor(random() * 5),
      seasons: seasons.length ? seasons : ["autumn"],
    });
  });
}

export type Run = {
  events: StylistEvent[];
  outfits: OutfitDraft[];
  /** What the stream threw, if it did. */
  error?: unknown;
};

/** Drains a stylist's stream, keeping what it yielded and what it threw. */
export async function run(
  stylist: Stylist,
  input: Partial<StylistInput> & Pick<StylistInput, "request" | "wardrobe">,
): Promise<Run> {
  const events: StylistEvent[] = [];
  const full: StylistInput = {
    signal: new AbortController().signal,
    seed: "seed-1",
    ...input,
  };
  try {
    for await (const event of stylist.generate(full)) events.push(event);
  } catch (error) {
    return { events, outfits: outfitsOf(events), error };
  }
  return { events, outfits: outfitsOf(events) };
}

function outfitsOf(events: StylistEvent[]): OutfitDraft[] {
  return events.flatMap((e) => e.type === "outfit" ? [e.outfit] : []);
}

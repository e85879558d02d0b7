/**
 * Open-Meteo's two endpoints, as plain functions: find a town (geocoding)
 * and read a few days of its daily forecast. No key is needed. The data is
 * CC BY 4.0: pages that show it credit Open-Meteo (components/day_context.tsx).
 *
 * Responses are parsed with zod, so a changed or broken answer is an error
 * here rather than a NaN in a shopper's sentence.
 */
import { z } from "zod";
import type { DayWeather, Place } from "../schemas.ts";

export const OPEN_METEO = {
  geocodingUrl: "https://geocoding-api.open-meteo.com/v1/search",
  weatherUrl: "https://api.open-meteo.com/v1/forecast",
} as const;

/** A place with the time zone its days are counted in. */
export type FoundPlace = Place & { timezone: string };

/** A failed request, or an answer that is not what Open-Meteo sends. */
export class WeatherServiceError extends Error {
  override name = "WeatherServiceError";
}

const GeoResult = z.object({
  name: z.string(),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  country: z.string().optional(),
  country_code: z.string().optional(),
  admin1: z.string().optional(),
  timezone: z.string().optional(),
});
const GeoAnswer = z.object({ results: z.array(GeoResult).optional() });

const nullableNumbers = z.array(z.number().nullable());
const ForecastAnswer = z.object({
  daily: z.object({
    time: z.array(z.string()),
    temperature_2m_max: nullableNumbers,
    temperature_2m_min: nullableNumbers,
    precipitation_probability_max: nullableNumbers.optional(),
    weather_code: nullableNumbers.optional(),
  }),
});

async function getJson(url: URL, signal: AbortSignal): Promise<unknown> {
  const res = await fetch(url, {
    signal,
    headers: { accept: "application/json" },
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const reason = (body as { reason?: unknown } | null)?.reason;
    throw new WeatherServiceError(
      `${url.origin}${url.pathname} answered ${res.status}${
        typeof reason === "string" ? `: ${reason}` : ""
      }`,
    );
  }
  return body;
}

/** What people write for a country that its ISO code does not say. */
const COUNTRY_ALIASES: Record<string, string> = {
  uk: "gb",
  england: "gb",
  scotland: "gb",
  wales: "gb",
  usa: "us",
};

/**
 * Whether a result is in the region or country the shopper added after a
 * comma: "Maine", "ME"-less "Illinois, USA", "UK" (GB), "Norway".
 */
function isIn(result: z.infer<typeof GeoResult>, qualifier: string): boolean {
  const q = qualifier.toLowerCase();
  const code = result.country_code?.toLowerCase();
  return (code !== undefined && (COUNTRY_ALIASES[q] ?? q) === code) ||
    [result.admin1, result.country].some((s) => s?.toLowerCase().startsWith(q));
}

/**
 * The best match for a town name, or null when there is none. "Portland,
 * Maine" looks up Portland and prefers the match in a region or country
 * named after the comma; a qualifier it cannot place ("New York, NY")
 * leaves the best-known town of the name.
 *
 * @example await geocode("Oslo", { url: OPEN_METEO.geocodingUrl, signal }) // { name: "Oslo", country: "Norway", … }
 */
export async function geocode(
  query: string,
  { url, signal }: { url: string; signal: AbortSignal },
): Promise<FoundPlace | null> {
  const [name, ...qualifiers] = query.split(",").map((s) => s.trim())
    .filter(Boolean);
  if (!name) return null;
  const search = new URL(url);
  search.searchParams.set("name", name);
  search.searchParams.set("count", qualifiers.length ? "10" : "1");
  search.searchParams.set("language", "en");
  search.searchParams.set("format", "json");
  const parsed = GeoAnswer.safeParse(await getJson(search, signal));
  if (!parsed.success) {
    throw new WeatherServiceError("The geocoding answer could not be read");
  }
  const results = parsed.data.results ?? [];
  // Open-Meteo ranks by population: the first is the best-known town.
  const found = results.find((r) => qualifiers.every((q) => isIn(r, q))) ??
    results.find((r) => qualifiers.some((q) => isIn(r, q))) ?? results[0];
  if (!found) return null;
  return {
    name: found.name,
    country: found.country ?? "",
    latitude: found.latitude,
    longitude: found.longitude,
    timezone: found.timezone ?? "UTC",
  };
}

/**
 * The daily forecast from `first` to `last` (`YYYY-MM-DD`, in the place's
 * own time zone), by day. Days the service has no temperatures for are
 * left out.
 */
export async function dailyForecast(
  place: { latitude: number; longitude: number },
  first: string,
  last: string,
  { url, signal }: { url: string; signal: AbortSignal },
): Promise<Map<string, DayWeather>> {
  const query = new URL(url);
  query.searchParams.set("latitude", String(place.latitude));
  query.searchParams.set("longitude", String(place.longitude));
  query.searchParams.set(
    "daily",
    "temperature_2m_max,temperature_2m_min,precipitation_probability_max,weather_code",
  );
  query.searchParams.set("timezone", "auto");
  query.searchParams.set("start_date", first);
  query.searchParams.set("end_date", last);
  const parsed = ForecastAnswer.safeParse(await getJson(query, signal));
  if (!parsed.success) {
    throw new WeatherServiceError("The forecast answer could not be read");
  }
  const { daily } = parsed.data;
  const days = new Map<string, DayWeather>();
  daily.time.forEach((day, i) => {
    const high = daily.temperature_2m_max[i];
    const low = daily.temperature_2m_min[i];
    if (high == null || low == null) return;
    const chance = daily.precipitation_probability_max?.[i] ?? null;
    const code = daily.weather_code?.[i] ?? null;
    days.set(day, {
      high_c: Math.round(high * 10) / 10,
      low_c: Math.round(low * 10) / 10,
      rain_chance: chance === null ? null : Math.round(chance),
      summary: summaryOf(code, chance),
    });
  });
  return days;
}

/** WMO weather codes (Open-Meteo's `weather_code`) by what falls. */
const SNOW = new Set([71, 73, 75, 77, 85, 86]);
const THUNDER = new Set([95, 96, 99]);
const WET = new Set([51, 53, 55, 56, 57, 61, 63, 65, 66, 67, 80, 81, 82]);

/**
 * A day in a few words: what falls when it likely will, else the sky.
 *
 * @example summaryOf(61, 80) // "rain likely"
 * @example summaryOf(1, 5) // "mostly clear"
 */
export function summaryOf(code: number | null, chance: number | null): string {
  const likely = chance === null
    ? code !== null && (SNOW.has(code) || THUNDER.has(code) || WET.has(code))
    : chance >= 50;
  if (code !== null && likely) {
    if (SNOW.has(code)) return "snow likely";
    if (THUNDER.has(code)) return "thunderstorms likely";
  }
  if (likely) return "rain likely";
  if (chance !== null && chance >= 30) return "a chance of rain";
  if (code === null) return "dry";
  if (code === 0) return "clear skies";
  if (code <= 2) return "mostly clear";
  if (code === 3) return "cloudy";
  if (code === 45 || code === 48) return "foggy";
  return "mostly dry";
}

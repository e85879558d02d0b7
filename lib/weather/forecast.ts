/**
 * Places and forecasts through a KV cache: a town is looked up once a month
 * at most, a day's forecast once every few hours, so a shopper asking again
 * (or a hundred shoppers in Oslo) costs Open-Meteo nothing and costs the job
 * one KV read. Callers bound the whole look-up with one signal.
 */
import { keys } from "../kv.ts";
import type { DayWeather } from "../schemas.ts";
import { dailyForecast, type FoundPlace, geocode } from "./open_meteo.ts";

/** Where the look-ups go (`GEOCODING_URL`, `WEATHER_URL`). */
export type WeatherConfig = { geocodingUrl: string; weatherUrl: string };

const DAY_MS = 86_400_000;
/** Towns stay where they are; a name that found nothing may be found later. */
const PLACE_TTL_MS = 30 * DAY_MS;
const NO_PLACE_TTL_MS = DAY_MS;
/** Open-Meteo updates its models every few hours. */
const FORECAST_TTL_MS = 3 * 3_600_000;

type CachedPlace = { place: FoundPlace | null };
/**
 * A day's forecast and when it was fetched: `expireIn` only promises the
 * entry goes some time after, so freshness is checked on reading.
 */
type CachedDay = { weather: DayWeather; at: number };

/** The same town however it is typed: "  oslo " and "Oslo" share an entry. */
export function placeKey(query: string): string {
  return query.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Where the forecast for a place is kept: to about a kilometre. */
function spot(place: { latitude: number; longitude: number }) {
  return [place.latitude.toFixed(2), place.longitude.toFixed(2)] as const;
}

/** Caching never decides a job: a write that fails is only logged. */
async function remember(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (err) {
    console.warn("Weather cache not written:", err);
  }
}

/**
 * The town a shopper typed, from the cache or the geocoder; null when there
 * is no such place. Throws when the geocoder cannot be asked.
 */
export async function findPlace(
  kv: Deno.Kv,
  config: WeatherConfig,
  query: string,
  signal: AbortSignal,
): Promise<FoundPlace | null> {
  const key = keys.geocode(placeKey(query));
  const cached = await kv.get<CachedPlace>(key);
  if (cached.value) return cached.value.place;
  const place = await geocode(query, { url: config.geocodingUrl, signal });
  await remember(
    kv.set(key, { place } satisfies CachedPlace, {
      expireIn: place ? PLACE_TTL_MS : NO_PLACE_TTL_MS,
    }),
  );
  return place;
}

/**
 * The forecast at `place` for each of `days` it has one for: cached days
 * from KV, the rest in one request for the span they cover.
 */
export async function forecastFor(
  kv: Deno.Kv,
  config: WeatherConfig,
  place: { latitude: number; longitude: number },
  days: readonly string[],
  signal: AbortSignal,
): Promise<Map<string, DayWeather>> {
  const [lat, lon] = spot(place);
  const found = new Map<string, DayWeather>();
  // getMany takes at most 10 keys.
  for (let i = 0; i < days.length; i += 10) {
    const batch = days.slice(i, i + 10);
    const entries = await kv.getMany<CachedDay[]>(
      batch.map((day) => keys.forecast(lat, lon, day)),
    );
    entries.forEach((entry, j) => {
      const cached = entry.value;
      if (cached && Date.now() - cached.at < FORECAST_TTL_MS) {
        found.set(batch[j], cached.weather);
      }
    });
  }
  const missing = days.filter((day) => !found.has(day)).sort();
  if (missing.length === 0) return found;
  const fetched = await dailyForecast(place, missing[0], missing.at(-1)!, {
    url: config.weatherUrl,
    signal,
  });
  const op = kv.atomic();
  const at = Date.now();
  for (const [day, weather] of fetched) {
    op.set(keys.forecast(lat, lon, day), { weather, at } satisfies CachedDay, {
      expireIn: FORECAST_TTL_MS,
    });
    if (days.includes(day)) found.set(day, weather);
  }
  await remember(op.commit());
  return found;
}

/**
 * What a day's forecast asks of an outfit, in bands: cold (a low of 8 °C or
 * less), hot (a high of 26 °C or more), rain (a 50 % chance or more). The
 * rules each band brings are in job_context.ts.
 */
import type { DayWeather } from "../schemas.ts";
import type { Band } from "./notes.ts";

export const COLD_LOW_C = 8;
export const HOT_HIGH_C = 26;
export const RAIN_CHANCE = 50;

/** What the forecast says to dress for. */
export function weatherBands(weather: DayWeather | null): Band[] {
  if (!weather) return [];
  const bands: Band[] = [];
  if (weather.low_c <= COLD_LOW_C) bands.push("cold");
  if (weather.high_c >= HOT_HIGH_C) bands.push("hot");
  const wet = weather.rain_chance === null
    ? /likely/.test(weather.summary)
    : weather.rain_chance >= RAIN_CHANCE;
  if (wet) bands.push("rain");
  return bands;
}

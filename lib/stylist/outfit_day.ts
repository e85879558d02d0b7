/**
 * The job's context as one outfit sees it. A one-day job's outfits share
 * its day; on a trip, outfit k is day k's, with that day's date, forecast
 * and rules, whoever makes, checks or words it.
 */
import type { JobContext } from "../schemas.ts";

/** @example contextOfOutfit(job.context, 2)?.weather // day 3's forecast */
export function contextOfOutfit<C extends Partial<JobContext>>(
  context: C | undefined,
  index: number,
): C | undefined {
  const day = context?.days?.[index];
  return context && day
    ? { ...context, date: day.date, weather: day.weather, rules: day.rules }
    : context;
}

/**
 * How often something was worn, in the words every page uses ("Worn 3
 * times · last on 28 November"), and what each wear cost.
 */
import { costPerWear } from "../looks/wear_stats.ts";
import { formatMoney } from "../money.ts";
import { onDay } from "./days.ts";

export function timesWorn(count: number): string {
  if (count === 0) return "Not worn yet";
  return count === 1 ? "Worn once" : `Worn ${count} times`;
}

/**
 * @example wornSummary(3, "2024-11-28", "2024-11-30") // "Worn 3 times · last on 28 November"
 */
export function wornSummary(
  count: number,
  last: string | undefined,
  today: string,
): string {
  if (count === 0 || !last) return timesWorn(0);
  return `${timesWorn(count)} · ${count === 1 ? "" : "last "}${
    onDay(last, today)
  }`;
}

/** "€60.00 a wear", or null when the price is unknown or it was never worn. */
export function costPerWearText(
  price: number | undefined,
  wears: number,
  currency: string,
): string | null {
  const cost = costPerWear(price, wears);
  return cost === null ? null : `${formatMoney(cost, currency)} a wear`;
}

/**
 * A wardrobe card's wear line: how often the piece was worn, when last, and
 * what each wear cost (price ÷ wears). Only what is known is said.
 */
import { onDay } from "../lib/client/days.ts";
import { costPerWearText, timesWorn } from "../lib/client/wears.ts";
import type { WearStats } from "../lib/looks/wear_stats.ts";

export type ItemWearProps = {
  price?: number;
  stats?: WearStats;
  currency: string;
  /** The shopper's day, `YYYY-MM-DD`. */
  today: string;
};

export function ItemWear({ price, stats, currency, today }: ItemWearProps) {
  if (!stats && price === undefined) return null;
  const count = stats?.count ?? 0;
  const cost = costPerWearText(price, count, currency);
  return (
    <p class="item-wear">
      <span>{timesWorn(count)}</span>
      {stats && <span>Last worn {onDay(stats.last, today)}</span>}
      {cost && <span class="item-cost">{cost}</span>}
    </p>
  );
}

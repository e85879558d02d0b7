/**
 * A trip's packing list as an island of its own, so the reveal island of
 * every other flow does not carry it. It follows the outfits the reveal
 * island announces (lib/client/job_news.ts) as each day's outfit arrives.
 */
import { PackingList } from "../components/packing_list.tsx";
import { useJobNews } from "../lib/client/job_news.ts";
import type { Outfit } from "../lib/schemas.ts";

export type PackingListProps = {
  job_id: string;
  /** The outfits when the page was rendered. */
  outfits: Outfit[];
  /** The pieces the shopper had ticked. */
  packed: string[];
  /** How many days the trip has. */
  days: number;
};

export default function PackingListIsland(props: PackingListProps) {
  const news = useJobNews(props.job_id, {
    outfits: props.outfits,
    reasoning: "",
    running: true,
  });
  const { outfits } = news.value;
  if (outfits.length === 0) return null;
  return (
    <PackingList
      jobId={props.job_id}
      outfits={outfits}
      packed={props.packed}
      days={props.days}
    />
  );
}

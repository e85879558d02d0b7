/**
 * A trip's packing list as an island of its own, so the reveal island of
 * every other flow does not carry it. It follows the outfits the reveal
 * island announces (`JOB_EVENT`) as each day's outfit arrives.
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { PackingList } from "../components/packing_list.tsx";
import { JOB_EVENT, type JobNews } from "../lib/client/reveal_model.ts";
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
  const outfits = useSignal(props.outfits);
  useEffect(() => {
    const follow = (e: Event) =>
      outfits.value = (e as CustomEvent<JobNews>).detail.outfits;
    addEventListener(JOB_EVENT, follow);
    return () => removeEventListener(JOB_EVENT, follow);
  }, []);
  if (outfits.value.length === 0) return null;
  return (
    <PackingList
      jobId={props.job_id}
      outfits={outfits.value}
      packed={props.packed}
      days={props.days}
    />
  );
}

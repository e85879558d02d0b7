/**
 * A trip's packing list on the reveal page: every piece its days wear,
 * once, with the days it is worn, each a box the shopper ticks as it goes
 * in the case. It grows as each day's outfit arrives; ticks are kept per
 * shopper (`PUT /api/jobs/:id/packing`), shown at once and taken back with
 * a sentence if the server could not keep them.
 */
import { useSignal } from "@preact/signals";
import { sendJson } from "../lib/client/api.ts";
import { packingOf } from "../lib/client/packing.ts";
import type { Outfit } from "../lib/schemas.ts";
import { listOf } from "./item_words.ts";

export function PackingList(
  { jobId, outfits, packed: initial, days }: {
    jobId: string;
    outfits: readonly Outfit[];
    /** The ids the shopper had ticked when the page was rendered. */
    packed: readonly string[];
    /** How many days the trip has. */
    days: number;
  },
) {
  const packed = useSignal<ReadonlySet<string>>(new Set(initial));
  const problem = useSignal("");
  const { items, count } = packingOf(outfits);
  const dayOf = new Map(outfits.map((o, i) => [o.date ?? "", i + 1]));
  const ticked = items.filter((item) => packed.value.has(item.id)).length;

  async function tick(id: string, on: boolean) {
    const before = packed.value;
    const next = new Set(before);
    if (on) next.add(id);
    else next.delete(id);
    packed.value = next;
    problem.value = "";
    const res = await sendJson<{ packed: string[] }>(
      "PUT",
      `/api/jobs/${encodeURIComponent(jobId)}/packing`,
      { item_id: id, packed: on },
    );
    if (res.status === 200) packed.value = new Set(res.body.packed);
    else {
      packed.value = before;
      problem.value = res.body.error ??
        "That tick wasn't kept. Please try again.";
    }
  }

  const planned = outfits.length;
  return (
    <section class="card packing-list" aria-labelledby="packing-title">
      <h2 id="packing-title">Packing list</h2>
      <p class="muted" aria-live="polite">
        {count} {count === 1 ? "piece" : "pieces"} for{" "}
        {planned < days ? `${planned} of ${days} days so far` : `${days} days`}
        {ticked > 0 && ` · ${ticked} packed`}
      </p>
      {problem.value && (
        <p class="notice notice-error" role="alert">{problem.value}</p>
      )}
      <ul class="packing-items">
        {items.map((item) => {
          const worn = item.dates.map((d) => String(dayOf.get(d)));
          return (
            <li key={item.id}>
              <label class="packing-item">
                <input
                  type="checkbox"
                  checked={packed.value.has(item.id)}
                  onChange={(e) => tick(item.id, e.currentTarget.checked)}
                />
                <span class="packing-name">{item.name}</span>
                <span class="packing-days">
                  {worn.length === days && days > 1
                    ? "Every day"
                    : `${worn.length === 1 ? "Day" : "Days"} ${listOf(worn)}`}
                </span>
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

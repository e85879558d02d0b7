/** The complete-a-look flow's form: pick one to three anchor pieces. */
import { useSignal } from "@preact/signals";
import { ItemVisual, type VisualItem } from "../components/item_visual.tsx";
import { toggled } from "../components/fields.tsx";
import type { PageFlags } from "../lib/client/api.ts";
import { useGeneration } from "../lib/client/generation.ts";

export type AnchorChoice = VisualItem & { id: string; category: string };

export type CompleteFormProps = { items: AnchorChoice[]; flags: PageFlags };

const MAX = 3;

export default function CompleteForm({ items, flags }: CompleteFormProps) {
  const chosen = useSignal<string[]>([]);
  const generation = useGeneration(flags);
  const { problem } = generation;

  async function submit(e: Event) {
    e.preventDefault();
    if (!chosen.value.length) {
      problem.value = { error: "Choose at least one piece to build around." };
      return;
    }
    await generation.start({
      mode: "complete",
      anchor_ids: chosen.value,
      include_reasoning: flags.debug,
      parallel: false,
    });
  }

  const full = chosen.value.length >= MAX;
  const names = items.filter((i) => chosen.value.includes(i.id)).map((i) =>
    i.name
  );
  return (
    <form class="form" onSubmit={submit} noValidate>
      <fieldset class="field" aria-describedby="anchors-status">
        <legend>Which pieces do you want to wear?</legend>
        <p class="hint" id="anchors-status" aria-live="polite">
          {chosen.value.length
            ? `${chosen.value.length} of ${MAX} chosen: ${names.join(", ")}.`
            : `Choose up to ${MAX}.`}
        </p>
        <ul class="item-grid pick-grid">
          {items.map((item) => {
            const on = chosen.value.includes(item.id);
            return (
              <li key={item.id}>
                <label class={`card pick${on ? " is-picked" : ""}`}>
                  <input
                    type="checkbox"
                    name="anchor_ids"
                    value={item.id}
                    checked={on}
                    disabled={!on && full}
                    onChange={() =>
                      chosen.value = toggled(chosen.value, item.id, !on)}
                  />
                  <ItemVisual item={item} />
                  <span class="item-name">{item.name}</span>
                  <span class="muted">{item.category}</span>
                </label>
              </li>
            );
          })}
        </ul>
      </fieldset>
      {problem.value && (
        <p class="notice notice-error" role="alert">
          {problem.value.issues?.[0]?.message ?? problem.value.error}
        </p>
      )}
      <div class="sticky-actions">
        <button
          type="submit"
          class="button button-primary"
          disabled={generation.blocked}
        >
          {generation.label("Create outfits")}
        </button>
      </div>
    </form>
  );
}

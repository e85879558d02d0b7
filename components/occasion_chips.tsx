/**
 * "What are you dressing for?": one to three occasions as chips, the rest
 * waiting once three are chosen. The occasion and trip forms share it.
 */
import type { Signal } from "@preact/signals";
import type { Occasion } from "../lib/schemas.ts";
import { FieldError, toggled } from "./fields.tsx";

/** The schema's cap, held in the form: the other boxes wait when full. */
const MAX = 3;

export function OccasionChips(
  { occasions, chosen, legend, hint, error }: {
    occasions: { id: Occasion; label: string }[];
    chosen: Signal<Occasion[]>;
    legend: string;
    /** What the hint says until three are chosen. */
    hint: string;
    /** The sentence when the choice needs another look. */
    error?: string;
  },
) {
  const full = chosen.value.length >= MAX;
  return (
    <fieldset
      class="field chips"
      aria-describedby={`occasions-hint${error ? " occasions-error" : ""}`}
    >
      <legend>{legend}</legend>
      <p class="hint" id="occasions-hint" aria-live="polite">
        {full
          ? "That's three, the most at once. Untick one to choose another."
          : hint}
      </p>
      <FieldError id="occasions-error" message={error} />
      <div class="chip-grid">
        {occasions.map(({ id, label }) => {
          const on = chosen.value.includes(id);
          return (
            <label key={id} class="chip">
              <input
                type="checkbox"
                name="occasions"
                value={id}
                checked={on}
                disabled={!on && full}
                onChange={() => chosen.value = toggled(chosen.value, id, !on)}
              />
              {label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

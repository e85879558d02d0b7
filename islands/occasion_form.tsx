/** The occasion flow's form: one to three occasions, optional notes. */
import { useSignal } from "@preact/signals";
import { FieldError, issueFor, toggled } from "../components/fields.tsx";
import type { PageFlags } from "../lib/client/api.ts";
import { useGeneration } from "../lib/client/generation.ts";
import type { Occasion } from "../lib/schemas.ts";

export type OccasionFormProps = {
  occasions: { id: Occasion; label: string }[];
  flags: PageFlags;
};

const MAX = 3;

export default function OccasionForm({ occasions, flags }: OccasionFormProps) {
  const chosen = useSignal<Occasion[]>([]);
  const notes = useSignal("");
  const generation = useGeneration(flags);
  const { problem } = generation;

  async function submit(e: Event) {
    e.preventDefault();
    if (!chosen.value.length) {
      problem.value = { error: "Choose at least one occasion." };
      return;
    }
    await generation.start({
      mode: "occasion",
      occasions: chosen.value,
      notes: notes.value.trim() || undefined,
      include_reasoning: flags.debug,
      parallel: false,
    });
  }

  const full = chosen.value.length >= MAX;
  const issues = problem.value?.issues;
  return (
    <form class="card form" onSubmit={submit} noValidate>
      <fieldset class="field chips" aria-describedby="occasions-hint">
        <legend>What are you dressing for?</legend>
        <p class="hint" id="occasions-hint">Choose up to {MAX}.</p>
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
        <FieldError
          id="occasions-error"
          message={issueFor(issues, "occasions")}
        />
      </fieldset>
      <div class="field">
        <label for="notes">Notes (optional)</label>
        <textarea
          id="notes"
          name="notes"
          rows={3}
          maxLength={500}
          placeholder="Outdoors in the evening; I'd like to wear flats."
          value={notes.value}
          onInput={(e) => notes.value = e.currentTarget.value}
        />
        <FieldError id="notes-error" message={issueFor(issues, "notes")} />
      </div>
      {problem.value && !issues?.length && (
        <p class="notice notice-error" role="alert">{problem.value.error}</p>
      )}
      <button
        type="submit"
        class="button button-primary"
        disabled={generation.blocked}
      >
        {generation.label("Create outfits")}
      </button>
    </form>
  );
}

/** The occasion flow's form: one to three occasions; the day, place and notes. */
import { OccasionChips } from "../components/occasion_chips.tsx";
import { useSignal } from "@preact/signals";
import {
  type DayDefaults,
  DayFields,
  dayRequest,
  dayValues,
  useDayFields,
} from "../components/day_fields.tsx";
import {
  apiIssues,
  DATE,
  NOTES,
  OCCASIONS,
  PLACE,
  sentence,
  standing,
} from "../components/field_issues.ts";
import { focusFirstError, issueFor } from "../components/fields.tsx";
import type { PageFlags } from "../lib/client/api.ts";
import { useGeneration } from "../lib/client/generation.ts";
import type { Occasion } from "../lib/schemas.ts";

export type OccasionFormProps = {
  occasions: { id: Occasion; label: string }[];
  flags: PageFlags;
  day: DayDefaults;
};

const SAY = { occasions: OCCASIONS, date: DATE, place: PLACE, notes: NOTES };

export default function OccasionForm(
  { occasions, flags, day: defaults }: OccasionFormProps,
) {
  const chosen = useSignal<Occasion[]>([]);
  const day = useDayFields(defaults);
  /** What was last sent, which the server's messages speak about. */
  const sent = useSignal<Record<string, unknown> | null>(null);
  /** Once a submit was tried, the form's own check follows every change. */
  const tried = useSignal(false);
  const generation = useGeneration(flags);
  const { problem } = generation;

  async function submit(e: Event) {
    e.preventDefault();
    tried.value = true;
    if (!chosen.value.length) {
      return focusFirstError(e.currentTarget as HTMLFormElement);
    }
    const form = e.currentTarget as HTMLFormElement;
    sent.value = { occasions: chosen.value, ...dayValues(day) };
    await generation.start({
      mode: "occasion",
      occasions: chosen.value,
      ...dayRequest(day),
      include_reasoning: flags.debug,
      parallel: false,
    });
    // Refused (a field the server found wrong): take the shopper to it.
    if (problem.value?.issues?.length) focusFirstError(form);
  }

  const now: Record<string, unknown> = {
    occasions: chosen.value,
    ...dayValues(day),
  };
  const told = standing(apiIssues(SAY, problem.value?.issues), sent.value, now);
  const error = (path: string) =>
    path === "occasions" && tried.value && !chosen.value.length
      ? sentence(SAY, path, "few")
      : issueFor(told, path);
  return (
    <form class="card form" onSubmit={submit} noValidate>
      <OccasionChips
        occasions={occasions}
        chosen={chosen}
        legend="What are you dressing for?"
        hint="Choose up to three."
        error={error("occasions")}
      />
      <DayFields day={day} error={error} />
      {problem.value && !problem.value.issues?.length && (
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

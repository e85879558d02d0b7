/**
 * "Create outfits" for a request the server already knows in full (the
 * reviewed candidate of the consider-buying flow), with the day, place and
 * notes every flow takes.
 */
import { useSignal } from "@preact/signals";
import {
  type DayDefaults,
  DayFields,
  dayRequest,
  dayValues,
  useDayFields,
} from "../components/day_fields.tsx";
import { apiIssues, DAY, standing } from "../components/field_issues.ts";
import { focusFirstError, issueFor } from "../components/fields.tsx";
import type { PageFlags } from "../lib/client/api.ts";
import { useGeneration } from "../lib/client/generation.ts";
import type { GenerateRequest } from "../lib/schemas.ts";

export type GenerateButtonProps = {
  request: GenerateRequest;
  flags: PageFlags;
  label: string;
  day: DayDefaults;
};

export default function GenerateButton(
  { request, flags, label, day: defaults }: GenerateButtonProps,
) {
  const generation = useGeneration(flags);
  const day = useDayFields(defaults);
  const sent = useSignal<ReturnType<typeof dayValues> | null>(null);
  const problem = generation.problem.value;
  const told = standing(
    apiIssues(DAY, problem?.issues),
    sent.value,
    dayValues(day),
  );
  return (
    <form
      class="card form generate"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        sent.value = dayValues(day);
        await generation.start({ ...request, ...dayRequest(day) });
        // Refused (a field the server found wrong): take the shopper to it.
        if (generation.problem.value?.issues?.length) focusFirstError(form);
      }}
    >
      <DayFields day={day} error={(path) => issueFor(told, path)} />
      {problem && !problem.issues?.length && (
        <p class="notice notice-error" role="alert">{problem.error}</p>
      )}
      <button
        type="submit"
        class="button button-primary"
        disabled={generation.blocked}
      >
        {generation.label(label)}
      </button>
    </form>
  );
}

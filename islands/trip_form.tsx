/**
 * The trip form: where, the first day, how many days, what the days hold
 * and the shopper's notes. The stylist plans one outfit a day for each
 * day's forecast and packs them into as few pieces as it can.
 */
import { OccasionChips } from "../components/occasion_chips.tsx";
import { useSignal } from "@preact/signals";
import { dayChoices, PlaceInput } from "../components/day_fields.tsx";
import {
  apiIssues,
  DESTINATION,
  NOTES,
  OCCASIONS,
  sentence,
  standing,
  START_DATE,
  TRIP_DAYS,
} from "../components/field_issues.ts";
import {
  focusFirstError,
  issueFor,
  LabelledField,
} from "../components/fields.tsx";
import type { PageFlags } from "../lib/client/api.ts";
import { useToday } from "../lib/client/days.ts";
import { useGeneration } from "../lib/client/generation.ts";
import type { Occasion } from "../lib/schemas.ts";

export type TripFormProps = {
  occasions: { id: Occasion; label: string }[];
  flags: PageFlags;
  /** The server's date, until the browser knows the shopper's own. */
  today: string;
  /** The longest trip one plan covers (the schema's cap). */
  max_days: number;
};

const SAY = {
  place: DESTINATION,
  start_date: START_DATE,
  days: TRIP_DAYS,
  occasions: OCCASIONS,
  notes: NOTES,
};

export default function TripForm(props: TripFormProps) {
  const today = useToday(props.today);
  // Empty: the forms' remembered "Where" is home, not the next trip.
  const place = useSignal("");
  const start = useSignal("");
  const days = useSignal(3);
  const chosen = useSignal<Occasion[]>(["casual"]);
  const notes = useSignal("");
  const sent = useSignal<Record<string, unknown> | null>(null);
  const tried = useSignal(false);
  const generation = useGeneration(props.flags);
  const { problem } = generation;

  const now: Record<string, unknown> = {
    place: place.value.trim(),
    start_date: start.value || today.value,
    days: days.value,
    occasions: chosen.value,
    notes: notes.value.trim(),
  };
  const told = standing(apiIssues(SAY, problem.value?.issues), sent.value, now);
  const error = (path: keyof typeof SAY) => {
    if (tried.value && path === "place" && !now.place) {
      return sentence(SAY, path, "few");
    }
    if (tried.value && path === "occasions" && !chosen.value.length) {
      return sentence(SAY, path, "few");
    }
    return issueFor(told, path);
  };

  async function submit(e: Event) {
    e.preventDefault();
    tried.value = true;
    const form = e.currentTarget as HTMLFormElement;
    if (!now.place || !chosen.value.length) return focusFirstError(form);
    sent.value = now;
    await generation.start({
      mode: "trip",
      place: now.place as string,
      start_date: now.start_date as string,
      days: days.value,
      occasions: chosen.value,
      notes: (now.notes as string) || undefined,
      include_reasoning: props.flags.debug,
      parallel: false,
    });
    if (problem.value?.issues?.length) focusFirstError(form);
  }

  const invalid = (path: keyof typeof SAY) => error(path) ? "true" : undefined;
  return (
    <form class="card form" onSubmit={submit} noValidate>
      <div class="trip-fields">
        <LabelledField
          id="place"
          label="Where are you going?"
          hint="We dress each day for its forecast."
          message={error("place")}
          class="trip-place"
          control={(describedBy) => (
            <PlaceInput
              place={place}
              invalid={Boolean(error("place"))}
              describedBy={describedBy}
              required
            />
          )}
        />
        <LabelledField
          id="start_date"
          label="First day"
          message={error("start_date")}
          control={(describedBy) => (
            <select
              id="start_date"
              name="start_date"
              value={start.value || today.value}
              onChange={(e) => start.value = e.currentTarget.value}
              aria-invalid={invalid("start_date")}
              aria-describedby={describedBy}
            >
              {dayChoices(today.value).map(([value, label]) => (
                <option key={value} value={value}>{label}</option>
              ))}
            </select>
          )}
        />
        <LabelledField
          id="days"
          label="How many days"
          message={error("days")}
          control={(describedBy) => (
            <select
              id="days"
              name="days"
              value={String(days.value)}
              onChange={(e) => days.value = Number(e.currentTarget.value)}
              aria-invalid={invalid("days")}
              aria-describedby={describedBy}
            >
              {Array.from(
                { length: props.max_days },
                (_, i) => (
                  <option key={i} value={String(i + 1)}>
                    {i === 0 ? "1 day" : `${i + 1} days`}
                  </option>
                ),
              )}
            </select>
          )}
        />
      </div>
      <OccasionChips
        occasions={props.occasions}
        chosen={chosen}
        legend="What will the days hold?"
        hint="Choose up to three; every day's outfit suits them."
        error={error("occasions")}
      />
      <LabelledField
        id="notes"
        label="Notes (optional)"
        message={error("notes")}
        control={(describedBy) => (
          <textarea
            id="notes"
            name="notes"
            rows={3}
            maxLength={500}
            placeholder="Hand luggage only; a dinner on the last night."
            value={notes.value}
            onInput={(e) => notes.value = e.currentTarget.value}
            aria-invalid={invalid("notes")}
            aria-describedby={describedBy}
          />
        )}
      />
      {problem.value && !problem.value.issues?.length && (
        <p class="notice notice-error" role="alert">{problem.value.error}</p>
      )}
      <button
        type="submit"
        class="button button-primary"
        disabled={generation.blocked}
      >
        {generation.label("Plan my trip")}
      </button>
    </form>
  );
}

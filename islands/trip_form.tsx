/**
 * The trip form: where, the first day, how many days, what the days hold
 * and the shopper's notes. The stylist plans one outfit a day for each
 * day's forecast and packs them into as few pieces as it can.
 */
import { useSignal } from "@preact/signals";
import { dayChoices } from "../components/day_fields.tsx";
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
  FieldError,
  focusFirstError,
  issueFor,
  toggled,
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

/** The schema's cap on occasions, held in the form. */
const MAX_OCCASIONS = 3;

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

  const described = (path: keyof typeof SAY, hint?: boolean) =>
    [hint && `${path}-hint`, error(path) && `${path}-error`].filter(Boolean)
      .join(" ") || undefined;
  const full = chosen.value.length >= MAX_OCCASIONS;
  return (
    <form class="card form" onSubmit={submit} noValidate>
      <div class="trip-fields">
        <div class="field trip-place">
          <label for="place">Where are you going?</label>
          <input
            id="place"
            name="place"
            type="text"
            maxLength={100}
            autocomplete="address-level2"
            placeholder="Town or city"
            value={place.value}
            onInput={(e) => place.value = e.currentTarget.value}
            aria-invalid={error("place") ? "true" : undefined}
            aria-describedby={described("place", true)}
            required
          />
          <p class="hint" id="place-hint">
            We dress each day for its forecast.
          </p>
          <FieldError id="place-error" message={error("place")} />
        </div>
        <div class="field">
          <label for="start_date">First day</label>
          <select
            id="start_date"
            name="start_date"
            value={start.value || today.value}
            onChange={(e) => start.value = e.currentTarget.value}
            aria-invalid={error("start_date") ? "true" : undefined}
            aria-describedby={described("start_date")}
          >
            {dayChoices(today.value).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
          <FieldError id="start_date-error" message={error("start_date")} />
        </div>
        <div class="field">
          <label for="days">How many days</label>
          <select
            id="days"
            name="days"
            value={String(days.value)}
            onChange={(e) => days.value = Number(e.currentTarget.value)}
            aria-invalid={error("days") ? "true" : undefined}
            aria-describedby={described("days")}
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
          <FieldError id="days-error" message={error("days")} />
        </div>
      </div>
      <fieldset
        class="field chips"
        aria-describedby={`occasions-hint${
          error("occasions") ? " occasions-error" : ""
        }`}
      >
        <legend>What will the days hold?</legend>
        <p class="hint" id="occasions-hint" aria-live="polite">
          {full
            ? "That's three, the most at once. Untick one to choose another."
            : "Choose up to three; every day's outfit suits them."}
        </p>
        <FieldError id="occasions-error" message={error("occasions")} />
        <div class="chip-grid">
          {props.occasions.map(({ id, label }) => {
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
      <div class="field">
        <label for="notes">Notes (optional)</label>
        <textarea
          id="notes"
          name="notes"
          rows={3}
          maxLength={500}
          placeholder="Hand luggage only; a dinner on the last night."
          value={notes.value}
          onInput={(e) => notes.value = e.currentTarget.value}
          aria-invalid={error("notes") ? "true" : undefined}
          aria-describedby={described("notes")}
        />
        <FieldError id="notes-error" message={error("notes")} />
      </div>
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

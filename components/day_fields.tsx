/**
 * "When", "Where" and "Notes": what every flow's form asks besides its own
 * fields, so the stylist can dress the shopper for the day, the place's
 * forecast and their own words. One fieldset and one hook, shared by the
 * three "Create outfits" islands.
 */
import { type Signal, useSignal } from "@preact/signals";
import type { JSX } from "preact";
import {
  daysAfter,
  dayWords,
  MAX_DAYS_AHEAD,
  useToday,
} from "../lib/client/days.ts";
import { LabelledField } from "./fields.tsx";

/** What the page knows before the shopper types: passed by the route. */
export type DayDefaults = {
  /** The place last asked about ("" for none). */
  place: string;
  /** The server's date, until the browser knows the shopper's own. */
  today: string;
};

export type DayState = {
  today: Signal<string>;
  /** `YYYY-MM-DD`, or "" until one is chosen: the shopper's today. */
  date: Signal<string>;
  place: Signal<string>;
  notes: Signal<string>;
};

export function useDayFields(defaults: DayDefaults): DayState {
  return {
    today: useToday(defaults.today),
    date: useSignal(""),
    place: useSignal(defaults.place),
    notes: useSignal(""),
  };
}

/** The fields as the form last sent them, for `standing()`. */
export function dayValues(day: DayState) {
  return {
    date: day.date.value,
    place: day.place.value,
    notes: day.notes.value,
  };
}

/**
 * The request's part: the day (the shopper's own today unless another was
 * chosen: the server, knowing no time zone, would take UTC's), the place
 * always (empty tells the server to forget it), the notes when given.
 */
export function dayRequest(day: DayState) {
  return {
    date: day.date.value || day.today.value,
    place: day.place.value.trim(),
    notes: day.notes.value.trim() || undefined,
  };
}

/** A town or city, as every form that looks up a forecast asks for it. */
export function PlaceInput(
  { place, invalid, describedBy, required }: {
    place: Signal<string>;
    invalid: boolean;
    describedBy?: string;
    required?: boolean;
  },
) {
  return (
    <input
      id="place"
      name="place"
      type="text"
      maxLength={100}
      autocomplete="address-level2"
      placeholder="Town or city"
      value={place.value}
      onInput={(e) => place.value = e.currentTarget.value}
      aria-invalid={invalid ? "true" : undefined}
      aria-describedby={describedBy}
      required={required}
    />
  );
}

/** The days a shopper may ask for, from today, as the "When" menu says them. */
export function dayChoices(today: string): [string, string][] {
  return Array.from({ length: MAX_DAYS_AHEAD + 1 }, (_, n) => {
    const day = daysAfter(today, n);
    if (n === 0) return [day, "Today"];
    return [day, n === 1 ? `Tomorrow, ${dayWords(day)}` : dayWords(day)];
  });
}

export function DayFields(
  { day, error }: {
    day: DayState;
    /** The sentence for a field that needs another look. */
    error: (path: "date" | "place" | "notes") => string | undefined;
  },
) {
  const field = (
    path: "date" | "place" | "notes",
    label: string,
    control: (describedBy?: string) => JSX.Element,
    hint?: string,
  ) => (
    <LabelledField
      id={path}
      label={label}
      hint={hint}
      message={error(path)}
      class={`day-${path}`}
      control={control}
    />
  );
  return (
    <div class="day-fields">
      {field("date", "When", (describedBy) => (
        <select
          id="date"
          name="date"
          value={day.date.value || day.today.value}
          onChange={(e) => day.date.value = e.currentTarget.value}
          aria-invalid={error("date") ? "true" : undefined}
          aria-describedby={describedBy}
        >
          {dayChoices(day.today.value).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      ))}
      {field(
        "place",
        "Where (optional)",
        (describedBy) => (
          <PlaceInput
            place={day.place}
            invalid={Boolean(error("place"))}
            describedBy={describedBy}
          />
        ),
        "We check its forecast for the day.",
      )}
      {field("notes", "Notes (optional)", (describedBy) => (
        <textarea
          id="notes"
          name="notes"
          rows={3}
          maxLength={500}
          placeholder="Outdoors in the evening; I'd like to wear flats."
          value={day.notes.value}
          onInput={(e) => day.notes.value = e.currentTarget.value}
          aria-invalid={error("notes") ? "true" : undefined}
          aria-describedby={describedBy}
        />
      ))}
    </div>
  );
}

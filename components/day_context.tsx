/**
 * What a job's outfits are dressed for, as the reveal page says it: one
 * line for the day, the place and its forecast ("Oslo, Tuesday 8 December:
 * −5° to 1°, rain likely"), the notes followed and the ones only noted, and
 * a sentence for anything that could not be had. Open-Meteo's licence
 * (CC BY 4.0) asks for the credit beside its data.
 */
import { dayWords } from "../lib/client/days.ts";
import type { DayWeather, JobContext } from "../lib/schemas.ts";

/** "−5°": a true minus sign, as weather apps print it. */
const degrees = (celsius: number) =>
  `${Math.round(celsius)}°`.replace("-", "\u2212");

/**
 * @example contextLine(oslo) // "Oslo, Tuesday 8 December: −5° to 1°, rain likely"
 */
export function contextLine(context: JobContext): string {
  const { days } = context;
  // A trip: where and from when to when; each day's card has its forecast.
  if (days && days.length > 1) {
    const span = `${dayWords(days[0].date)} to ${dayWords(days.at(-1)!.date)}`;
    return context.place ? `${context.place.name}, ${span}` : span;
  }
  const day = dayWords(context.date);
  const when = context.place ? `${context.place.name}, ${day}` : day;
  const w = context.weather;
  return w
    ? `${when}: ${forecastWords(w)}`
    : `${when}: dressed for ${context.season}`;
}

/** "−5° to 1°, rain likely". */
export function forecastWords(w: DayWeather): string {
  return `${degrees(w.low_c)} to ${degrees(w.high_c)}, ${w.summary}`;
}

const quoted = (notes: string[]) => notes.map((n) => `“${n}”`).join(", ");

export function DayContext({ context }: { context: JobContext }) {
  const { applied, passed_on } = context.notes;
  return (
    <section class="day-context" aria-label="What the outfits are dressed for">
      <p class="day-line">{contextLine(context)}</p>
      {applied.length > 0 && <p>Following your notes: {quoted(applied)}.</p>}
      {passed_on.length > 0 && (
        <p class="muted">Also noted: {quoted(passed_on)}.</p>
      )}
      {context.notices.map((notice) => <p key={notice}>{notice}</p>)}
      {(context.weather || context.days?.some((day) =>
        day.weather
      )) && (
        <p class="credit">
          Weather data by <a href="https://open-meteo.com/">Open-Meteo.com</a>
        </p>
      )}
    </section>
  );
}

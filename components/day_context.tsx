/**
 * What a job's outfits are dressed for, as the reveal page says it: one
 * line for the day, the place and its forecast ("Oslo, Tuesday 8 December:
 * −5° to 1°, rain likely"), the notes followed and the ones only noted, and
 * a sentence for anything that could not be had. Open-Meteo's licence
 * (CC BY 4.0) asks for the credit beside its data.
 */
import { dayWords } from "../lib/client/days.ts";
import type { JobContext } from "../lib/schemas.ts";

/** "−5°": a true minus sign, as weather apps print it. */
const degrees = (celsius: number) =>
  `${Math.round(celsius)}°`.replace("-", "\u2212");

/**
 * @example contextLine(oslo) // "Oslo, Tuesday 8 December: −5° to 1°, rain likely"
 */
export function contextLine(context: JobContext): string {
  const day = dayWords(context.date);
  const when = context.place ? `${context.place.name}, ${day}` : day;
  const w = context.weather;
  return w
    ? `${when}: ${degrees(w.low_c)} to ${degrees(w.high_c)}, ${w.summary}`
    : `${when}: dressed for ${context.season}`;
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
      {context.weather && (
        <p class="credit">
          Weather data by <a href="https://open-meteo.com/">Open-Meteo.com</a>
        </p>
      )}
    </section>
  );
}

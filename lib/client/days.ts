/// <reference lib="dom" />
/**
 * Calendar days as a shopper lives them: "today" is their own clock's date,
 * not the server's (UTC), and a day reads "today", "yesterday" or
 * "28 November". Safe on the server and in islands (no server imports).
 */
import { useSignal } from "@preact/signals";
import { useEffect } from "preact/hooks";

/**
 * `date` as `YYYY-MM-DD` in the local time zone (`toISOString` would give
 * the UTC day, which is yesterday or tomorrow for part of every day).
 *
 * @example localDay(new Date(2024, 10, 28, 23, 30)) // "2024-11-28"
 */
export function localDay(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${
    pad(date.getDate())
  }`;
}

/** The server's best guess at a shopper's day, until the browser says. */
export function serverDay(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const dayMs = 86_400_000;
const noon = (day: string) => Date.parse(`${day}T12:00:00Z`);

/** How far ahead a forecast reaches (Open-Meteo's 16 days, today included). */
export const MAX_DAYS_AHEAD = 15;

/**
 * The days a request may be for: today to {@link MAX_DAYS_AHEAD} days ahead,
 * where "today" is today anywhere on Earth (UTC−12 to UTC+14), since the
 * server cannot know the shopper's time zone before it has found the place.
 *
 * @example bookableDays(new Date("2026-12-06T16:00:00Z")) // { first: "2026-12-06", last: "2026-12-22" }
 */
export function bookableDays(
  now = new Date(),
): { first: string; last: string } {
  const t = now.getTime();
  return {
    first: serverDay(new Date(t - 12 * 3_600_000)),
    last: serverDay(new Date(t + 14 * 3_600_000 + MAX_DAYS_AHEAD * dayMs)),
  };
}

const WEEKDAY_FORMAT = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  timeZone: "UTC",
});

/** "Tuesday 8 December", for a `YYYY-MM-DD` day. */
export function dayWords(day: string): string {
  return WEEKDAY_FORMAT.format(noon(day));
}

/** The day `n` days after `day` (both `YYYY-MM-DD`). */
export function daysAfter(day: string, n: number): string {
  return serverDay(new Date(noon(day) + n * dayMs));
}

const formats = new Map<boolean, Intl.DateTimeFormat>();

/**
 * How a shopper reads `day` on `today`: "today", "yesterday", "on 28
 * November", with the year only when it is not this year's.
 */
export function onDay(day: string, today: string): string {
  const ago = Math.round((noon(today) - noon(day)) / dayMs);
  if (ago === 0) return "today";
  if (ago === 1) return "yesterday";
  const withYear = day.slice(0, 4) !== today.slice(0, 4);
  let format = formats.get(withYear);
  if (!format) {
    // en-GB for "28 November", the order the rest of the copy uses; UTC
    // because `noon(day)` is that day at noon UTC.
    format = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "long",
      ...(withYear ? { year: "numeric" } : {}),
      timeZone: "UTC",
    });
    formats.set(withYear, format);
  }
  return `on ${format.format(noon(day))}`;
}

/**
 * Today as a signal: the server's guess while rendering and hydrating (so
 * the first client render matches the HTML), then the browser's own date,
 * checked again whenever the tab comes back (a phone left overnight).
 */
export function useToday(fromServer: string) {
  const today = useSignal(fromServer);
  useEffect(() => {
    const check = () => today.value = localDay();
    check();
    document.addEventListener("visibilitychange", check);
    return () => document.removeEventListener("visibilitychange", check);
  }, []);
  return today;
}

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

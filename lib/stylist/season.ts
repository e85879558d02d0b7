import type { Season } from "../schemas.ts";

/** Meteorological seasons, indexed by month (0 = January). */
const BY_MONTH: readonly Season[] = [
  "winter",
  "winter",
  "spring",
  "spring",
  "spring",
  "summer",
  "summer",
  "summer",
  "autumn",
  "autumn",
  "autumn",
  "winter",
];

/**
 * The northern-hemisphere season of a date, by the meteorological calendar
 * (March to May is spring, and so on). UTC keeps it independent of the
 * server's time zone.
 *
 * @example seasonOf(new Date("2025-07-14")) // "summer"
 */
export function seasonOf(date: Date): Season {
  return BY_MONTH[date.getUTCMonth()];
}

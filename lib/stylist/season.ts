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

/** Across the equator the year is half a turn on. */
const OPPOSITE: Readonly<Record<Season, Season>> = {
  winter: "summer",
  spring: "autumn",
  summer: "winter",
  autumn: "spring",
};

/**
 * The season of a date by the meteorological calendar (March to May is
 * spring in the north, autumn in the south), at `latitude` (north when
 * unknown). A `Date` is read in UTC, which keeps it independent of the
 * server's time zone; a `YYYY-MM-DD` day is read as written.
 *
 * @example seasonOf(new Date("2025-07-14")) // "summer"
 * @example seasonOf("2026-12-08", -33.87) // "summer" (Sydney)
 */
export function seasonOf(date: Date | string, latitude = 0): Season {
  const month = typeof date === "string"
    ? Number(date.slice(5, 7)) - 1
    : date.getUTCMonth();
  const north = BY_MONTH[month];
  return latitude < 0 ? OPPOSITE[north] : north;
}

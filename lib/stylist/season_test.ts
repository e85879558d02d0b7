import assert from "node:assert/strict";
import { seasonOf } from "./season.ts";

Deno.test("[season] months map to northern-hemisphere seasons", () => {
  const expected = [
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
  expected.forEach((season, month) => {
    assert.equal(seasonOf(new Date(Date.UTC(2025, month, 10))), season);
  });
});

Deno.test("[season] the boundary follows UTC, not the server's zone", () => {
  assert.equal(seasonOf(new Date("2025-02-28T23:59:59Z")), "winter");
  assert.equal(seasonOf(new Date("2025-03-01T00:00:00Z")), "spring");
});

Deno.test("[season] south of the equator the seasons turn round; a day is read as written", () => {
  assert.equal(seasonOf("2026-12-08", -33.87), "summer", "Sydney in December");
  assert.equal(seasonOf("2026-12-08", 59.91), "winter", "Oslo in December");
  assert.equal(seasonOf("2026-04-15", -36.85), "autumn", "Auckland in April");
  assert.equal(seasonOf("2026-03-01"), "spring");
  assert.equal(seasonOf("2026-02-28"), "winter");
});

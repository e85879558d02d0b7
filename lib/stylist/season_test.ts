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

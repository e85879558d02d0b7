import assert from "node:assert/strict";
import { startFakeOpenMeteo } from "../../tests/helpers/fake_open_meteo.ts";
import { geocode } from "./open_meteo.ts";

const PORTLAND_OREGON = {
  name: "Portland",
  country: "United States",
  country_code: "US",
  admin1: "Oregon",
  latitude: 45.52,
  longitude: -122.68,
  timezone: "America/Los_Angeles",
};
const PORTLAND_MAINE = {
  ...PORTLAND_OREGON,
  admin1: "Maine",
  latitude: 43.66,
  longitude: -70.26,
  timezone: "America/New_York",
};
const LONDON = {
  name: "London",
  country: "United Kingdom",
  country_code: "GB",
  admin1: "England",
  latitude: 51.51,
  longitude: -0.13,
  timezone: "Europe/London",
};

Deno.test("[geocode] a town with a region, a country or a code after the comma", async () => {
  await using fake = startFakeOpenMeteo({
    places: [PORTLAND_OREGON, PORTLAND_MAINE, LONDON],
    days: {},
  });
  const find = (query: string) =>
    geocode(query, {
      url: fake.geocodingUrl,
      signal: AbortSignal.timeout(5_000),
    });
  assert.equal((await find("Portland"))?.latitude, 45.52, "the best-known");
  assert.equal((await find("Portland, Maine"))?.latitude, 43.66);
  assert.equal((await find("Portland, ME, USA"))?.latitude, 45.52);
  assert.equal((await find("London, UK"))?.name, "London");
  assert.equal((await find("London, GB"))?.timezone, "Europe/London");
  assert.equal((await find("Atlantis"))?.name, undefined);
  assert.equal(await find(" , "), null);
});

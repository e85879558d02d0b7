import assert from "node:assert/strict";
import { loadConfig } from "./config.ts";

const env = (vars: Record<string, string>) =>
  loadConfig({ get: (name) => vars[name] });

Deno.test("[config] CURRENCY: EUR by default, any ISO 4217 code, a typo fails at start", () => {
  assert.equal(env({}).currency, "EUR");
  assert.equal(env({ CURRENCY: "gbp" }).currency, "GBP");
  assert.equal(env({ CURRENCY: " USD " }).currency, "USD");
  for (const bad of ["EURO", "€", "XYZ"]) {
    assert.throws(() => env({ CURRENCY: bad }), /CURRENCY/, bad);
  }
});

Deno.test("[config] abuse limits: on by default, 0 turns one off, a typo fails at start", () => {
  const { limits, addressHeader } = env({});
  assert.deepEqual(
    [
      limits.jobsPerMinutePerAddress,
      limits.maxActiveJobs,
      limits.streamsPerShopper,
    ],
    [20, 100, 10],
  );
  assert.equal(addressHeader, undefined);
  const set = env({
    JOBS_PER_MINUTE_PER_ADDRESS: "0",
    MAX_ACTIVE_JOBS: "7",
    STREAMS_PER_SHOPPER: "2",
    CLIENT_ADDRESS_HEADER: " X-Forwarded-For ",
  });
  assert.equal(set.limits.jobsPerMinutePerAddress, 0);
  assert.equal(set.limits.maxActiveJobs, 7);
  assert.equal(set.limits.streamsPerShopper, 2);
  assert.equal(set.addressHeader, "x-forwarded-for");
  assert.throws(() => env({ MAX_ACTIVE_JOBS: "lots" }), /MAX_ACTIVE_JOBS/);
});

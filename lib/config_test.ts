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

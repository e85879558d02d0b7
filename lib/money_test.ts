import assert from "node:assert/strict";
import { formatMoney, isCurrency } from "./money.ts";

Deno.test("[money] amounts in the configured currency", () => {
  assert.equal(formatMoney(60, "EUR"), "€60.00");
  assert.equal(formatMoney(1234.5, "USD"), "$1,234.50");
  assert.equal(formatMoney(1000, "JPY"), "¥1,000");
});

Deno.test("[money] only real currency codes", () => {
  assert.ok(isCurrency("EUR"));
  assert.ok(isCurrency("GBP"));
  assert.ok(!isCurrency("eur"));
  assert.ok(!isCurrency("EURO"));
  assert.ok(!isCurrency("XYZ"));
});

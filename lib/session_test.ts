import assert from "node:assert/strict";
import { VerifiedCookies } from "./session.ts";

Deno.test("[session] verified cookies keep the newest, the oldest leaving first", () => {
  const verified = new VerifiedCookies(2);
  verified.add("a.sig", "shopper-a");
  verified.add("b.sig", "shopper-b");
  assert.equal(verified.get("a.sig"), "shopper-a");
  verified.add("c.sig", "shopper-c");
  assert.equal(verified.get("a.sig"), undefined, "the oldest left");
  assert.equal(verified.get("b.sig"), "shopper-b");
  assert.equal(verified.get("c.sig"), "shopper-c");
  assert.equal(verified.get("c.forged"), undefined);
});

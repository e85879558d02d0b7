import assert from "node:assert/strict";
import { delay } from "./delay.ts";

Deno.test("[delay] waits its time, or stops the moment the signal aborts", async () => {
  const started = performance.now();
  assert.equal(await delay(30), true);
  assert.ok(performance.now() - started >= 25);
  const controller = new AbortController();
  const waiting = delay(Infinity, controller.signal);
  controller.abort();
  assert.equal(await waiting, false);
  assert.equal(await delay(10, controller.signal), false, "already aborted");
});

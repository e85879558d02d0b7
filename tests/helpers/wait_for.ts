/**
 * Waiting for what a test can observe, never for a fixed time: a condition
 * is checked every few milliseconds until it holds or the deadline passes.
 */
import { delay } from "../../lib/delay.ts";

/** Resolves once `condition()` holds; fails after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 5_000, what = "condition" } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await delay(5);
  }
}

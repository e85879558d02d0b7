/// <reference lib="dom" />
/**
 * WCAG 2.2 AA in the browser tests: axe-core (from npm) runs inside the
 * page and a test fails on any violation, each listed with the nodes it
 * found, so the failure says what to fix.
 *
 * Our Content-Security-Policy allows scripts only from our own bundles, so
 * axe's source can be injected only into a context made with
 * `bypassCSP: true` ({@link axeContext}); the policy itself is tested
 * elsewhere (tests/browser/security_test.ts), with it on.
 */
import assert from "node:assert/strict";
import axe from "axe-core";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { delay } from "../../lib/delay.ts";

/** The rule sets of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
const WCAG_AA = [
  "wcag2a",
  "wcag2aa",
  "wcag21a",
  "wcag21aa",
  "wcag22a",
  "wcag22aa",
];

export const DESKTOP = { width: 1280, height: 800 };

const STILL = `*, *::before, *::after {
  animation-duration: 0s !important;
  transition-duration: 0s !important;
}`;
export const PHONE = { width: 390, height: 844 };

/** A new shopper's context in which axe can be injected despite the CSP. */
export function axeContext(
  browser: Browser,
  viewport = DESKTOP,
): Promise<BrowserContext> {
  return browser.newContext({ viewport, bypassCSP: true });
}

type Violation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
};

/**
 * Waits until nothing on the page is still fading or sliding in (cards
 * arrive with an animation), so colours are checked as the shopper ends up
 * seeing them, not half-way. Endless ones (the placeholder's shimmer) never
 * finish and are not waited for.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() =>
    Promise.all(
      document.getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity)
        .map((a) => a.finished.catch(() => {})),
    )
  );
}

/** Runs axe on the page as it is now; resolves with its violations. */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await settle(page);
  const injected = await page.evaluate(() => "axe" in globalThis);
  if (!injected) {
    await page.addScriptTag({ content: axe.source });
    // A card that arrives while axe runs (a job still going) is checked
    // as it will look, not a frame into its fade.
    await page.addStyleTag({ content: STILL });
  }
  return await page.evaluate(async (tags) => {
    // deno-lint-ignore no-explicit-any
    const run = (globalThis as any).axe.run;
    const result = await run(document, {
      runOnly: { type: "tag", values: tags },
    });
    // deno-lint-ignore no-explicit-any
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      // deno-lint-ignore no-explicit-any
      nodes: v.nodes.map((n: any) => ({
        target: n.target,
        failureSummary: n.failureSummary,
      })),
    }));
  }, WCAG_AA);
}

/** Fails with every violation axe finds on the page, named by `where`. */
export async function assertAccessible(
  page: Page,
  where: string,
): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(
    violations.map((v) =>
      `${v.id} (${v.impact}): ${v.help}\n${
        v.nodes.map((n) =>
          `  ${JSON.stringify(n.target)}: ${
            n.failureSummary?.replaceAll("\n", " ")
          }`
        ).join("\n")
      }`
    ),
    [],
    `axe found WCAG 2.2 AA violations on ${where}`,
  );
}

/** The element that has focus, as a tag with its id or text, for asserts. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    const name = el.id ? `#${el.id}` : "";
    const text = (el.getAttribute("aria-label") ?? el.textContent ?? "")
      .trim().slice(0, 60);
    return `${el.tagName.toLowerCase()}${name} ${text}`.trim();
  });
}

/**
 * Waits (up to 3 s) for focus to land on an element matching `expected`
 * (see {@link focused}): islands move it once the page has re-rendered.
 */
export async function assertFocus(
  page: Page,
  expected: RegExp,
): Promise<void> {
  const deadline = Date.now() + 3_000;
  let now = await focused(page);
  while (!expected.test(now) && Date.now() < deadline) {
    await delay(20);
    now = await focused(page);
  }
  assert.match(now, expected, "where focus is");
}

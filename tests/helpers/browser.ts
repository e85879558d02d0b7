/**
 * Chromium for browser tests, driven by playwright-core (which browser:
 * ./chromium.ts). One
 * browser per test file (launched lazily, closed after the file's last
 * test), a new context per test, so each test is a new shopper with its
 * own cookie.
 */
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Page,
} from "playwright-core";
import { findChromium } from "./chromium.ts";

export const ARTIFACTS = new URL("../../test-results/", import.meta.url);

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

let browser: Promise<Browser> | null = null;

function launch(): Promise<Browser> {
  browser ??= findChromium().then(({ executablePath, args }) =>
    chromium.launch({ executablePath, args: [...ARGS, ...args] })
  );
  return browser;
}

Deno.test.afterAll(async () => {
  if (browser) await (await browser).close();
});

export type BrowserTestContext = {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Saves a screenshot as test-results/NAME.png (kept as a CI artefact). */
  screenshot: (name: string) => Promise<void>;
};

/**
 * A test with a fresh page in a fresh context. Playwright keeps pipes and
 * timers open across tests, so Deno's per-test sanitizers are off here.
 */
export function browserTest(
  name: string,
  fn: (t: BrowserTestContext) => Promise<void>,
) {
  Deno.test({
    name,
    sanitizeOps: false,
    sanitizeResources: false,
    async fn() {
      const browser = await launch();
      const context = await browser.newContext({
        viewport: { width: 1100, height: 900 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const errors: string[] = [];
      page.on("pageerror", (err) => errors.push(err.message));
      try {
        await fn({
          browser,
          context,
          page,
          screenshot: async (file) => {
            await Deno.mkdir(ARTIFACTS, { recursive: true });
            await page.screenshot({
              path: decodeURIComponent(
                new URL(`${file}.png`, ARTIFACTS).pathname,
              ),
              fullPage: true,
              // Cards fade in; capture them as they settle, not half-way.
              animations: "disabled",
            });
          },
        });
        if (errors.length) {
          throw new Error(`Errors in the page:\n${errors.join("\n")}`);
        }
      } finally {
        await context.close();
      }
    },
  });
}

/**
 * Records the reveal page's visible state on every DOM change, from before
 * the island boots, so tests can assert the order things appeared in.
 * Read it with `readTimeline(page)`.
 */
export async function recordRevealTimeline(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __timeline: unknown[] };
    w.__timeline = [];
    const snap = () => {
      const d = globalThis.document;
      const bar = d.querySelector("[role=progressbar]");
      w.__timeline.push({
        t: Math.round(performance.now()),
        status: d.querySelector("[role=status]")?.textContent ?? "",
        progress: Number(bar?.getAttribute("aria-valuenow") ?? -1),
        state: d.querySelector(".reveal")?.getAttribute("data-status") ?? "",
        cards: d.querySelectorAll("article").length,
      });
    };
    new MutationObserver(snap).observe(globalThis.document, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
}

export type TimelineEntry = {
  t: number;
  status: string;
  progress: number;
  state: string;
  cards: number;
};

export function readTimeline(page: Page): Promise<TimelineEntry[]> {
  return page.evaluate(() =>
    (globalThis as unknown as { __timeline: TimelineEntry[] }).__timeline
  );
}

/** Waits until the reveal island is hydrated and watching its job. */
export async function waitForReveal(page: Page): Promise<void> {
  await page.waitForURL(/\/reveal\?job=/);
  await page.locator(".reveal[data-ready]").waitFor();
}

/** Waits for the job to end in `status` and returns the card titles. */
export async function waitForEnd(
  page: Page,
  status = "complete",
  timeout = 20_000,
): Promise<string[]> {
  await page.locator(`.reveal[data-status="${status}"]`).waitFor({ timeout });
  return await page.locator("article h2").allTextContents();
}

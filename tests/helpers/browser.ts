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
import { Buffer } from "node:buffer";
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
        status: d.querySelector(".status-text")?.textContent ?? "",
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

type Violation = { directive: string; blocked: string; sample: string };

/**
 * Collects the page's CSP violations, from before it loads: those it
 * reports (`securitypolicyviolation`) and those only the console says.
 */
export async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction("__cspViolation", (v: Violation) => {
    seen.push(`${v.directive} blocked ${v.blocked} ${v.sample}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (globalThis as unknown as {
        __cspViolation: (v: Violation) => void;
      }).__cspViolation({
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        sample: e.sample,
      });
    });
  });
  page.on("console", (message) => {
    if (/Content.Security.Policy/i.test(message.text())) {
      seen.push(`console: ${message.text()}`);
    }
  });
  return seen;
}

/**
 * A photo as a phone hands it over (1600×1200 JPEG, drawn in the page): a
 * navy jumper on a light, softly lit ground, with grain so it weighs what a
 * photo does.
 */
export async function cameraJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 1600;
    canvas.height = 1200;
    const c = canvas.getContext("2d")!;
    const ground = c.createRadialGradient(800, 560, 100, 800, 600, 1000);
    ground.addColorStop(0, "#f4f1ea");
    ground.addColorStop(1, "#d9d3c7");
    c.fillStyle = ground;
    c.fillRect(0, 0, 1600, 1200);
    c.shadowColor = "rgb(0 0 0 / 0.25)";
    c.shadowBlur = 40;
    c.shadowOffsetY = 16;
    c.fillStyle = "#1f2c4d";
    c.beginPath();
    // Shoulders, a long sleeve down, the body, the other sleeve up.
    const outline = "560,220 1040,220 1250,330 1330,900 1200,920 1090,470 " +
      "1080,1020 520,1020 510,470 400,920 270,900 350,330";
    for (const point of outline.split(" ")) {
      const [x, y] = point.split(",").map(Number);
      c.lineTo(x, y);
    }
    c.closePath();
    c.fill();
    const image = c.getImageData(0, 0, 1600, 1200);
    for (let i = 0; i < image.data.length; i += 4) {
      const grain = (Math.random() - 0.5) * 24;
      for (let k = 0; k < 3; k++) image.data[i + k] += grain;
    }
    c.putImageData(image, 0, 0);
    const blob = await new Promise<Blob>((resolve) =>
      canvas.toBlob((b) => resolve(b!), "image/jpeg", 0.92)
    );
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = "";
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary);
  });
  return Buffer.from(base64, "base64");
}

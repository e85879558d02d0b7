/**
 * The README's screenshots of the picker, the wardrobe (sample, empty,
 * Undo) and the finished reveal page (with its one-line summary, and in
 * debug mode), at 1280×800 and 390×844, written to docs/. Only with
 * `DOCS_SCREENSHOTS=1`: the suite itself has no business rewriting docs.
 *
 *   DOCS_SCREENSHOTS=1 npx -y deno@2 test -A tests/browser/docs_screenshots_test.ts
 */
/// <reference lib="dom" />
import type { Page } from "playwright-core";
import { DESKTOP, PHONE } from "../helpers/axe.ts";
import { browserTest, waitForEnd, waitForReveal } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const DOCS = new URL("../../docs/", import.meta.url);

/** Every picture loaded (lazy ones too), then the page or the screen. */
async function shoot(page: Page, file: string, fullPage = false) {
  await page.evaluate(() =>
    Promise.all([...document.images].map((img) => {
      img.loading = "eager";
      return img.decode().catch(() => {});
    }))
  );
  await page.screenshot({
    path: decodeURIComponent(new URL(file, DOCS).pathname),
    fullPage,
    animations: "disabled",
  });
}

async function open(page: Page, url: string) {
  await page.goto(url);
  for (const island of await page.locator("[data-island]").all()) {
    await island.and(page.locator("[data-hydrated]")).waitFor();
  }
}

if (Deno.env.get("DOCS_SCREENSHOTS")) {
  const sizes = [["desktop", DESKTOP], ["phone", PHONE]] as const;
  for (const [size, viewport] of sizes) {
    browserTest(`[docs] screenshots, ${size}`, async ({ browser }) => {
      await using server = await startTestServer({ localDelayMs: 300 });
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        const url = server.url;

        // The picker with a filter and a search in use, two pieces chosen.
        await open(page, `${url}/complete`);
        await page.getByRole("checkbox", { name: "Dark-wash straight jeans" })
          .check();
        await page.getByRole("radio", { name: /^Tops/ }).check();
        await page.getByLabel("Search by name").fill("white");
        await page.getByRole("checkbox", { name: "White oxford shirt" })
          .check();
        await shoot(page, `picker-${size}.png`);

        // The wardrobe: the sample labelled, a piece deleted, then empty.
        await open(page, `${url}/wardrobe`);
        await shoot(page, `wardrobe-sample-${size}.png`);
        await page.getByRole("button", { name: "Delete Navy wool blazer" })
          .click();
        await page.locator("#undo").waitFor();
        await shoot(page, `wardrobe-undo-${size}.png`);

        // The reveal page done: the summary line above the outfits; and
        // in debug mode, the reasoning one block per outfit.
        await open(page, `${url}/occasion`);
        await page.getByLabel("Date night").check();
        await page.getByRole("button", { name: "Create outfits" }).click();
        await waitForReveal(page);
        await waitForEnd(page);
        await shoot(page, `reveal-summary-${size}.png`, true);
        await open(page, `${url}/occasion?debug=true`);
        await page.getByLabel("Work", { exact: true }).check();
        await page.getByRole("button", { name: "Create outfits" }).click();
        await waitForReveal(page);
        await waitForEnd(page);
        await shoot(page, `reveal-debug-${size}.png`, true);

        await page.request.post(`${url}/api/wardrobe/clear`);
        await open(page, `${url}/wardrobe`);
        await shoot(page, `wardrobe-empty-${size}.png`);
      } finally {
        await context.close();
      }
    });
  }
}

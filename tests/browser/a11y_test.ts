/**
 * WCAG 2.2 AA, checked by axe-core in Chromium on every page and every
 * state of the reveal page, at a desktop's 1280×800 and a phone's 390×844:
 * no violation anywhere. And focus never falls to the page's body when the
 * control that had it goes: Cancel at the end of a job, or after a cancel.
 */
import assert from "node:assert/strict";
import type { Browser, Page } from "playwright-core";
import {
  assertAccessible,
  assertFocus,
  axeContext,
  DESKTOP,
  focused,
  PHONE,
} from "../helpers/axe.ts";
import { browserTest, waitForEnd, waitForReveal } from "../helpers/browser.ts";
import { failsAfterOne } from "../helpers/fixtures.ts";
import { startFreezingOslo } from "../helpers/fake_open_meteo.ts";
import { startTestServer } from "../helpers/server.ts";

const SIZES = [DESKTOP, PHONE];
const sizeOf = (v: typeof DESKTOP) => `${v.width}×${v.height}`;

/** A page in a new shopper's context where axe can run despite the CSP. */
async function axePage(browser: Browser, viewport: typeof DESKTOP) {
  const context = await axeContext(browser, viewport);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  return {
    page,
    async [Symbol.asyncDispose]() {
      await context.close();
      assert.deepEqual(errors, [], "errors in the page");
    },
  };
}

/** Opens `path` and waits for its islands, if it has any. */
async function visit(page: Page, url: string) {
  await page.goto(url);
  const islands = page.locator("[data-island]");
  for (const island of await islands.all()) {
    await island.and(page.locator("[data-hydrated]")).waitFor();
  }
}

async function startOccasion(page: Page, url: string, query = "") {
  await visit(page, `${url}/occasion${query}`);
  await page.getByLabel("Casual").check();
  await page.getByRole("button", { name: "Create outfits" }).click();
  await waitForReveal(page);
}

const REVIEW = new URLSearchParams({
  name: "Rust suede jacket",
  category: "outerwear",
  colors: "rust",
  price: "180",
});

for (const size of SIZES) {
  browserTest(
    `[a11y] every page at ${sizeOf(size)}, with a wardrobe and without`,
    async ({ browser }) => {
      await using server = await startTestServer();
      await using tab = await axePage(browser, size);
      const { page } = tab;
      const url = server.url;

      await visit(page, `${url}/`);
      await assertAccessible(page, "/ (sample wardrobe)");
      await visit(page, `${url}/wardrobe`);
      await assertAccessible(page, "/wardrobe (sample)");
      await page.getByRole("button", { name: "Add an item" }).click();
      await page.getByLabel("Name").waitFor();
      await assertAccessible(page, "/wardrobe, the item form open");
      await page.getByRole("button", { name: "Add to wardrobe" }).click();
      await page.locator(".field-error").first().waitFor();
      await assertAccessible(page, "/wardrobe, the item form with errors");
      await visit(page, `${url}/occasion`);
      await assertAccessible(page, "/occasion");
      await visit(page, `${url}/complete`);
      await assertAccessible(page, "/complete");
      await page.getByRole("radio", { name: /Tops/ }).check();
      await page.getByLabel("Search by name").fill("shirt");
      await page.getByRole("checkbox", { name: /White oxford shirt/ }).check();
      await assertAccessible(page, "/complete, filtered and one chosen");
      await page.getByLabel("Search by name").fill("no such thing");
      await assertAccessible(page, "/complete, nothing matches");
      await visit(page, `${url}/consider-buying`);
      await assertAccessible(page, "/consider-buying");
      await visit(page, `${url}/consider-buying/outfits?${REVIEW}`);
      await assertAccessible(page, "/consider-buying/outfits (review)");
      await visit(page, `${url}/looks`);
      await assertAccessible(page, "/looks (none yet)");
      const missing = await page.goto(`${url}/no-such-page`);
      assert.equal(missing?.status(), 404);
      await assertAccessible(page, "404");

      // Made empty: every page that needs pieces says so.
      const cleared = await page.request.post(`${url}/api/wardrobe/clear`);
      assert.equal(cleared.status(), 200);
      for (const path of ["/wardrobe", "/complete", "/occasion", "/"]) {
        await visit(page, `${url}${path}`);
        await assertAccessible(page, `${path} (empty wardrobe)`);
      }
      await visit(page, `${url}/consider-buying/outfits?${REVIEW}`);
      await assertAccessible(page, "/consider-buying/outfits (empty)");
    },
  );

  browserTest(
    `[a11y] the reveal page running, complete and in debug mode, and /looks with looks, at ${
      sizeOf(size)
    }`,
    async ({ browser }) => {
      await using weather = startFreezingOslo();
      await using server = await startTestServer({
        localDelayMs: 700,
        weather,
      });
      await using tab = await axePage(browser, size);
      const { page } = tab;
      await startOccasion(page, server.url, "?debug=true");
      await page.locator("article").first().waitFor();
      await assertAccessible(page, "/reveal running, debug");
      await waitForEnd(page);
      // Nobody was on Cancel: focus is left where it was (no ring appears
      // on a page the shopper is only watching).
      assert.equal(await focused(page), "body");
      // The reasoning box scrolls, so the keyboard can reach it; one block
      // per outfit.
      const reasoning = page.getByRole("region", {
        name: "Stylist's reasoning",
      });
      assert.equal(await reasoning.getAttribute("tabindex"), "0");
      assert.equal(await reasoning.locator("p").count(), 3);
      await assertAccessible(page, "/reveal complete, debug");

      await page.getByRole("button", { name: "Save" }).first().click();
      await page.getByRole("button", { name: "Saved" }).waitFor();
      // Shared: the link offered again, with Stop sharing and what was said.
      await page.getByRole("button", { name: "Share", exact: true }).first()
        .click();
      await page.getByRole("button", { name: "Stop sharing" }).waitFor();
      await page.locator(".look-said:not(:empty)").waitFor();
      await assertAccessible(page, "/reveal with a shared look");
      await visit(page, `${server.url}/looks`);
      await assertAccessible(page, "/looks with a look");
      const { looks } = await (await page.request.get(
        `${server.url}/api/looks`,
      )).json();
      await visit(page, `${server.url}/s/${looks[0].share.token}`);
      await assertAccessible(page, "/s/… (a shared look)");
      await visit(page, `${server.url}/s/${"A".repeat(22)}`);
      await assertAccessible(page, "/s/… (no longer shared)");

      // Consider buying in Oslo's rain: the verdict card above the outfits,
      // and what they are dressed for, with its notices and credit.
      await visit(page, `${server.url}/consider-buying/outfits?${REVIEW}`);
      await page.getByLabel("Where").fill("Oslo");
      await page.getByLabel("Notes (optional)").fill("no heels, a birthday");
      await page.getByRole("button", { name: "Create outfits" }).click();
      await waitForReveal(page);
      await page.locator(".verdict-card").waitFor();
      await assertAccessible(page, "/reveal consider buying, running");
      await waitForEnd(page);
      await page.getByRole("link", { name: "Open-Meteo.com" }).waitFor();
      await assertAccessible(page, "/reveal consider buying, complete");
    },
  );

  browserTest(
    `[a11y] the reveal page cancelled, and focus kept, at ${sizeOf(size)}`,
    async ({ browser }) => {
      await using server = await startTestServer({ localDelayMs: 700 });
      await using tab = await axePage(browser, size);
      const { page } = tab;
      await startOccasion(page, server.url);
      await page.locator("article").first().waitFor();
      await page.getByRole("button", { name: "Cancel" }).click();
      await waitForEnd(page, "cancelled");
      // Cancel is gone: the status line, which says so, has focus.
      await assertFocus(page, /^p Cancelled\.$/);
      assert.equal(
        await page.getByText("Cancelled", { exact: false }).count(),
        1,
        "said once",
      );
      await assertAccessible(page, "/reveal cancelled");
    },
  );

  browserTest(
    `[a11y] the reveal page after an error, at ${sizeOf(size)}`,
    async ({ browser }) => {
      await using server = await startTestServer({
        stylist: failsAfterOne(200),
      });
      await using tab = await axePage(browser, size);
      const { page } = tab;
      await startOccasion(page, server.url);
      await waitForEnd(page, "failed");
      assert.equal(
        await page.getByRole("alert").textContent(),
        "The stylist lost its thread after one outfit. Here is the outfit finished before it stopped.Try again",
      );
      await assertAccessible(page, "/reveal failed");
    },
  );
}

browserTest(
  "[a11y] focus: Cancel had it when the job ended, the summary line takes it",
  async ({ browser }) => {
    await using server = await startTestServer({ localDelayMs: 400 });
    await using tab = await axePage(browser, DESKTOP);
    const { page } = tab;
    await startOccasion(page, server.url);
    await page.getByRole("button", { name: "Cancel" }).focus();
    await waitForEnd(page);
    await assertFocus(
      page,
      /^p Complete! 3 outfits ready in (under a second|\d+ s)\.$/,
    );
    // Focused without a jump: the summary sits where the progress card was.
    assert.equal(await page.evaluate(() => scrollY), 0);
  },
);

/**
 * The reveal page's harder cases in Chromium: polling instead of streaming,
 * debug reasoning, two tabs at once, a job that fails half-way, a reload in
 * the middle and a cancel.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserTest, waitForEnd, waitForReveal } from "../helpers/browser.ts";
import { failsAfterOne } from "../helpers/fixtures.ts";
import { startTestServer } from "../helpers/server.ts";

const PACE_MS = 300;

/** Starts the occasion flow from its form, as a shopper would. */
async function startOccasion(page: Page, url: string, query = "") {
  await page.goto(`${url}/occasion${query}`);
  await page.locator("[data-island=occasion_form][data-hydrated]").waitFor();
  await page.getByLabel("Casual").check();
  await page.getByRole("button", { name: "Create outfits" }).click();
  await waitForReveal(page);
}

const transport = (page: Page) =>
  page.locator(".reveal").getAttribute("data-transport");

browserTest(
  "[browser] STREAMING=off: the page polls and still completes",
  async ({ page }) => {
    await using server = await startTestServer({
      localDelayMs: PACE_MS,
      streaming: false,
    });
    const streams: string[] = [];
    page.on(
      "request",
      (r) => r.url().includes("/stream") && streams.push(r.url()),
    );
    await startOccasion(page, server.url);
    assert.equal(await transport(page), "poll");
    assert.equal((await waitForEnd(page)).length, 3);
    assert.deepEqual(streams, [], "no stream was opened");
  },
);

browserTest(
  "[browser] ?stream=off follows the shopper from the form and forces polling",
  async ({ page }) => {
    await using server = await startTestServer({ localDelayMs: PACE_MS });
    await startOccasion(page, server.url, "?stream=off");
    assert.match(page.url(), /stream=off/);
    assert.equal(await transport(page), "poll");
    assert.equal((await waitForEnd(page)).length, 3);
  },
);

browserTest(
  "[browser] a failing stream endpoint falls back to polling and completes",
  async ({ page }) => {
    await using server = await startTestServer({ localDelayMs: PACE_MS });
    await page.route("**/stream*", (route) => route.abort());
    await startOccasion(page, server.url);
    assert.equal((await waitForEnd(page)).length, 3);
    assert.equal(await transport(page), "poll");
  },
);

browserTest(
  "[browser] debug mode shows the reasoning as it is written",
  async ({ page, screenshot }) => {
    await using server = await startTestServer({ localDelayMs: PACE_MS });
    await startOccasion(page, server.url, "?debug=true");
    assert.match(page.url(), /debug=true/);
    const panel = page.locator(".reasoning-text");
    await page.locator("article").first().waitFor();
    const early = await panel.textContent() ?? "";
    assert.ok(early.length > 20, "reasoning arrived before the job ended");
    await waitForEnd(page);
    const final = await panel.textContent() ?? "";
    assert.ok(final.length > early.length, "and kept filling");
    assert.equal(
      await panel.evaluate((el) => getComputedStyle(el).whiteSpace),
      "pre-wrap",
    );
    await screenshot("debug-complete");
  },
);

browserTest(
  "[browser] two tabs at once do not interfere",
  async ({ context, page }) => {
    await using server = await startTestServer({ localDelayMs: PACE_MS });
    const other = await context.newPage();
    await Promise.all([
      startOccasion(page, server.url),
      (async () => {
        await other.goto(`${server.url}/complete`);
        await other.locator("[data-island=complete_form][data-hydrated]")
          .waitFor();
        await other.getByRole("checkbox", { name: /Black cocktail dress/ })
          .check();
        await other.getByRole("button", { name: "Create outfits" }).click();
        await waitForReveal(other);
      })(),
    ]);
    assert.notEqual(page.url(), other.url());
    const [a, b] = await Promise.all([waitForEnd(page), waitForEnd(other)]);
    assert.equal(a.length, 3);
    assert.equal(b.length, 3);
    for (const card of await other.locator("article").all()) {
      assert.ok(
        (await card.locator(".item-name").allTextContents()).includes(
          "Black cocktail dress",
        ),
      );
    }
    assert.notDeepEqual(a, b);
  },
);

browserTest(
  "[browser] an error shows the message, the finished outfit and a retry",
  async ({ page, screenshot }) => {
    await using server = await startTestServer({
      stylist: failsAfterOne(PACE_MS),
    });
    await startOccasion(page, server.url);
    const titles = await waitForEnd(page, "failed");
    assert.equal(titles.length, 1);
    const alert = page.getByRole("alert");
    assert.match(
      await alert.textContent() ?? "",
      /lost its thread after one outfit.*Here is the outfit finished/,
    );
    await screenshot("error-partial");
    const first = page.url();
    await page.getByRole("button", { name: "Try again" }).click();
    await page.waitForURL((url) => url.href !== first);
    await waitForReveal(page);
    assert.equal((await waitForEnd(page, "failed")).length, 1);
  },
);

browserTest(
  "[browser] a reload mid-job picks up where it was, without repeats",
  async ({ page }) => {
    await using server = await startTestServer({ localDelayMs: 500 });
    await startOccasion(page, server.url);
    await page.locator("article").first().waitFor();
    await page.reload();
    // The server renders the finished cards straight away…
    assert.ok(await page.locator("article").count() >= 1);
    await page.locator(".reveal[data-ready]").waitFor();
    // …and the stream carries on after them.
    const titles = await waitForEnd(page);
    assert.equal(titles.length, 3);
    assert.equal(new Set(titles).size, 3);
  },
);

browserTest(
  "[browser] cancel stops the job and keeps what was finished",
  async ({ page }) => {
    await using server = await startTestServer({ localDelayMs: 600 });
    await startOccasion(page, server.url);
    await page.locator("article").first().waitFor();
    await page.getByRole("button", { name: "Cancel" }).click();
    await waitForEnd(page, "cancelled");
    assert.equal(await page.getByRole("button", { name: "Cancel" }).count(), 0);
    assert.ok(await page.locator("article").count() >= 1);
    assert.equal(
      await page.locator(".status-text").textContent(),
      "Cancelled.",
    );
    assert.equal(
      await page.getByRole("button", { name: "Start again" }).count(),
      1,
    );
  },
);

browserTest(
  "[browser] another shopper's job is not found",
  async ({ browser, page }) => {
    await using server = await startTestServer();
    await startOccasion(page, server.url);
    const stranger = await browser.newContext();
    try {
      const res = await (await stranger.newPage()).goto(page.url());
      assert.equal(res?.status(), 404);
    } finally {
      await stranger.close();
    }
    await waitForEnd(page);
  },
);

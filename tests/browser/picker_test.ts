/**
 * The /complete picker with a big wardrobe on a small phone: 120 pieces at
 * 320 px, found by category and by name, each checkbox named by its piece,
 * what is chosen and "Create outfits" always on screen on a solid bar; and
 * a page that says what to do when there is nothing to pick.
 */
/// <reference lib="dom" />
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { largeWardrobe } from "../../lib/stylist/fixture_wardrobes.ts";
import { browserTest, waitForEnd, waitForReveal } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const SMALL_PHONE = { width: 320, height: 640 };

/** Empties the shopper's wardrobe and adds `items` through the API. */
async function fillWardrobe(
  page: Page,
  url: string,
  items: ReturnType<typeof largeWardrobe>,
) {
  await page.request.post(`${url}/api/wardrobe/clear`);
  for (const { id: _, ...item } of items) {
    const res = await page.request.post(`${url}/api/wardrobe/items`, {
      data: item,
    });
    assert.equal(res.status(), 201, await res.text());
  }
}

async function openPicker(page: Page, url: string) {
  await page.goto(`${url}/complete`);
  await page.locator("[data-island=complete_form][data-hydrated]").waitFor();
}

/** The bar is on screen, with a background nothing shows through. */
async function assertBarOnScreen(page: Page) {
  const bar = page.locator(".pick-bar");
  const box = await bar.boundingBox();
  const { height } = page.viewportSize()!;
  assert.ok(box && box.y >= 0 && box.y + box.height <= height + 1, "on screen");
  const background = await bar.evaluate((el) =>
    getComputedStyle(el).backgroundColor
  );
  assert.match(background, /^rgb\(/, `opaque, not ${background}`);
}

browserTest(
  "[picker] 120 pieces on a 320 px phone: filter, search, choose three, create",
  async ({ page, screenshot }) => {
    await using server = await startTestServer();
    await page.setViewportSize(SMALL_PHONE);
    await page.goto(`${server.url}/`);
    const items = largeWardrobe(120);
    await fillWardrobe(page, server.url, items);
    await openPicker(page, server.url);

    const picks = page.locator(".pick");
    assert.equal(await picks.count(), 120);
    const wide = () =>
      page.evaluate(() =>
        Math.max(
          document.documentElement.scrollWidth,
          document.querySelector(".picker")!.getBoundingClientRect().right,
        )
      );
    assert.equal(await wide(), 320, "nothing wider than the phone");
    // Named by the piece alone (its category describes it), not by
    // whatever else the tile shows.
    for (const pick of [picks.first(), picks.last()]) {
      const name = await pick.locator(".item-name").textContent();
      await pick.getByRole("checkbox", { name: name!, exact: true }).waitFor();
    }

    // Scrolled half-way down the grid, the bar is still there.
    await picks.nth(60).scrollIntoViewIfNeeded();
    await assertBarOnScreen(page);

    // A category: only its pieces.
    const shoes = items.filter((i) => i.category === "shoes");
    await page.getByRole("radio", { name: /^Shoes/ }).check();
    assert.equal(await picks.count(), shoes.length);
    await page.getByRole("checkbox", { name: shoes[0].name, exact: true })
      .check();

    // A name, across every category.
    await page.getByRole("radio", { name: /^All/ }).check();
    const word = items.find((i) => i.category === "top")!.name.split(" ").at(
      -1,
    )!;
    await page.getByLabel("Search by name").fill(word);
    const matching = items.filter((i) =>
      i.name.toLowerCase().includes(word.toLowerCase())
    );
    assert.equal(await picks.count(), matching.length);
    assert.match(
      await page.locator("#pick-shown").textContent() ?? "",
      new RegExp(`^Showing ${matching.length} of 120 pieces\\.$`),
    );
    const top = matching.find((i) => i.category === "top")!;
    await page.getByRole("checkbox", { name: top.name, exact: true }).check();
    await page.getByLabel("Search by name").fill("");
    const bottom = items.find((i) => i.category === "bottom")!;
    await page.getByRole("checkbox", { name: bottom.name, exact: true })
      .check();

    // Three chosen: the rest wait, and the bar names all three.
    const summary = page.locator("#anchors-status");
    assert.equal(
      await summary.textContent(),
      `3 of 3 chosen: ${
        [shoes[0], top, bottom].map((i) => i.name).join(", ")
      }.`,
    );
    assert.equal(await page.locator(".pick input:disabled").count(), 117);
    await page.getByLabel("Search by name").fill(word);
    await page.getByRole("radio", { name: /^Tops/ }).check();
    await assertBarOnScreen(page);
    assert.equal(await wide(), 320, "nor with a filter in use");
    await screenshot("picker-120-phone");

    await page.getByRole("button", { name: "Create outfits" }).click();
    await waitForReveal(page);
    for (const card of await page.locator("article").all()) {
      const names = await card.locator(".item-name").allTextContents();
      for (const anchor of [shoes[0], top, bottom]) {
        assert.ok(names.includes(anchor.name), `${anchor.name} is worn`);
      }
    }
    assert.equal((await waitForEnd(page)).length, 3);
  },
);

browserTest(
  "[picker] nothing matching says so, and one click shows everything again",
  async ({ page }) => {
    await using server = await startTestServer();
    await openPicker(page, server.url);
    await page.getByLabel("Search by name").fill("tuxedo");
    assert.equal(await page.locator(".pick").count(), 0);
    await page.getByText("No pieces match.").waitFor();
    await page.getByRole("button", { name: "Show all pieces" }).click();
    assert.equal(await page.locator(".pick").count(), 37);
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      "pick-search",
      "focus stays with the search",
    );
    // The sentence about choosing goes as soon as a piece is chosen.
    await page.getByRole("button", { name: "Create outfits" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    await page.getByRole("checkbox", { name: "Khaki chinos" }).check();
    await alert.waitFor({ state: "detached" });
  },
);

browserTest(
  "[picker] an empty wardrobe gets a way to add pieces, not a form",
  async ({ page }) => {
    await using server = await startTestServer();
    await page.goto(`${server.url}/`);
    await page.request.post(`${server.url}/api/wardrobe/clear`);
    await page.goto(`${server.url}/complete`);
    await page.getByRole("heading", { name: "Your wardrobe is empty" })
      .waitFor();
    assert.equal(await page.locator("form").count(), 0);
    await page.getByRole("link", { name: /Add your pieces/ }).click();
    await page.waitForURL(/\/wardrobe$/);
  },
);

browserTest(
  "[picker] on a phone, a tile tabbed to comes up whole above the bar, never behind it",
  async ({ page }) => {
    await using server = await startTestServer();
    await page.setViewportSize({ width: 390, height: 844 });
    await openPicker(page, server.url);
    await page.getByLabel("Search by name").focus();
    let tiles = 0;
    for (let i = 0; i < 50; i++) {
      await page.keyboard.press("Tab");
      const tile = await page.evaluate(() => {
        const pick = document.activeElement?.closest(".pick");
        if (!pick) return null;
        const bar = document.querySelector(".pick-bar")!
          .getBoundingClientRect();
        const box = pick.getBoundingClientRect();
        return {
          name: pick.querySelector(".item-name")!.textContent,
          top: box.top,
          bottom: box.bottom,
          barTop: bar.top,
        };
      });
      if (!tile) continue;
      tiles++;
      assert.ok(
        tile.top >= 0 && tile.bottom <= tile.barTop,
        `${tile.name}: ${tile.top}–${tile.bottom} px, the bar at ${tile.barTop}`,
      );
    }
    assert.ok(tiles > 30, `${tiles} tiles tabbed to`);
  },
);

/**
 * Every piece is a picture, in Chromium: each tile on /wardrobe and in the
 * /complete picker and each piece on a reveal card shows a loaded image (a
 * drawing, or the photo when there is one), whole and big enough on a
 * phone, the pieces asked for marked on the board, and the CSP never
 * complains about the drawings.
 */
import assert from "node:assert/strict";
import type { Locator } from "playwright-core";
import {
  browserTest,
  waitForEnd,
  waitForReveal,
  watchViolations,
} from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const PHONE = { width: 390, height: 844 };

/** Every `img` under `scope` has loaded a picture (scrolled to, as lazy ones wait). */
async function assertAllLoaded(scope: Locator, what: string): Promise<number> {
  const images = await scope.locator("img").all();
  assert.ok(images.length > 0, `${what}: pictures`);
  for (const [i, img] of images.entries()) {
    await img.scrollIntoViewIfNeeded();
    const width = await img.evaluate(async (el) => {
      const image = el as HTMLImageElement;
      await image.decode().catch(() => {});
      return image.naturalWidth;
    });
    assert.ok(width > 0, `${what}: picture ${i + 1} loaded`);
  }
  return images.length;
}

/** The widths of the pictures in `scope`, and the most side by side. */
async function layout(scope: Locator) {
  const boxes = await Promise.all(
    (await scope.locator("img").all()).map((img) => img.boundingBox()),
  );
  const perRow = new Map<number, number>();
  for (const box of boxes) {
    const row = Math.round(box!.y + box!.height / 2);
    perRow.set(row, (perRow.get(row) ?? 0) + 1);
  }
  return {
    widths: boxes.map((box) => box!.width),
    columns: Math.max(...perRow.values()),
  };
}

browserTest(
  "[browser] pictures: every piece on the wardrobe, the picker and a reveal card is a loaded picture",
  async ({ page, screenshot }) => {
    await using server = await startTestServer();
    const violations = await watchViolations(page);
    await page.setViewportSize(PHONE);

    // A piece with a picture already online (our own drawing, at a domain)
    // shows it instead of a drawing, in the same frame.
    await page.goto(`${server.url}/`);
    const port = new URL(server.url).port;
    const photo =
      `http://img.localhost:${port}/illustrations/item.svg?cat=outerwear&c=rust`;
    const added = await page.evaluate(async (image_url) => {
      const res = await fetch("/api/wardrobe/items", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          name: "Rust suede jacket",
          category: "outerwear",
          colors: ["rust"],
          formality: 3,
          seasons: ["autumn"],
          image_url,
        }),
      });
      return res.status;
    }, photo);
    assert.equal(added, 201);

    await page.goto(`${server.url}/wardrobe`);
    await page.locator("[data-island=wardrobe_editor][data-hydrated]")
      .waitFor();
    const tiles = page.locator(".item-card");
    assert.equal(await assertAllLoaded(tiles, "/wardrobe"), 38);
    const drawn = page.locator(
      '.item-card img[src^="/illustrations/item.svg?"]',
    );
    assert.equal(await drawn.count(), 37, "each sample piece is drawn");
    assert.equal(
      await page.locator(`.item-card img.is-photo[src="${photo}"]`).count(),
      1,
      "the piece with a picture shows it",
    );
    const tileLayout = await layout(tiles);
    assert.ok(
      tileLayout.widths.every((w) => w >= 96),
      `tiles at least 96 px on a phone: ${tileLayout.widths}`,
    );
    assert.equal(
      await tiles.locator("img").first().evaluate((el) =>
        getComputedStyle(el).objectFit
      ),
      "contain",
      "the whole picture, not a crop",
    );

    await page.goto(`${server.url}/complete`);
    await page.locator("[data-island=complete_form][data-hydrated]").waitFor();
    assert.equal(await assertAllLoaded(page.locator(".pick"), "picker"), 38);
    assert.ok(
      (await layout(page.locator(".pick"))).widths.every((w) => w >= 96),
    );
    for (const name of ["White oxford shirt", "Dark-wash straight jeans"]) {
      await page.locator("label.pick", { hasText: name }).click();
    }
    await page.getByRole("button", { name: "Create outfits" }).click();
    await waitForReveal(page);
    assert.equal((await waitForEnd(page)).length, 3);
    for (const card of await page.locator("article").all()) {
      const board = card.locator(".board");
      const pieces = await board.locator(".outfit-item").count();
      assert.equal(await assertAllLoaded(board, "reveal card"), pieces);
      assert.ok(
        (await layout(board)).columns <= 2,
        "at most two columns of pieces on a phone",
      );
      const picked = card.locator(".outfit-item", {
        has: page.locator(".item-pick"),
      });
      assert.deepEqual(
        (await picked.locator(".item-name").allTextContents()).sort(),
        ["Dark-wash straight jeans", "White oxford shirt"],
        "the pieces asked for are marked on the board",
      );
      assert.equal(
        await picked.locator(".item-pick").first().textContent(),
        "Your pick: a piece you chose to build around",
      );
    }
    await screenshot("pictures-reveal-phone");
    assert.deepEqual(violations, [], "CSP violations");
  },
);

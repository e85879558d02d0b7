/**
 * The wardrobe page in Chromium without "are you sure?": Delete and Reset
 * happen at once and offer Undo (honest about what it cannot bring back);
 * the sample wardrobe is labelled and can be made the shopper's own; an
 * empty wardrobe says what to do; and focus goes somewhere meaningful after
 * every action that takes away the control that had it.
 */
/// <reference lib="dom" />
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { assertFocus } from "../helpers/axe.ts";
import { browserTest } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";
import { waitFor } from "../helpers/wait_for.ts";

async function openWardrobe(page: Page, url: string) {
  await page.goto(`${url}/wardrobe`);
  await page.locator("[data-island=wardrobe_editor][data-hydrated]").waitFor();
}

const cards = (page: Page) => page.locator(".item-card");
const button = (page: Page, name: string) =>
  page.getByRole("button", { name, exact: true });

/** The wardrobe's names as the API has them. */
async function apiNames(page: Page, url: string): Promise<string[]> {
  const res = await page.request.get(`${url}/api/wardrobe`);
  return (await res.json()).items.map((i: { name: string }) => i.name);
}

browserTest(
  "[wardrobe] Delete happens at once, Undo brings the piece back, focus follows",
  async ({ page }) => {
    await using server = await startTestServer();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      d.dismiss();
    });
    await openWardrobe(page, server.url);
    await button(page, "Delete White oxford shirt").click();
    await page.getByRole("heading", { name: "White oxford shirt" }).waitFor({
      state: "detached",
    });
    assert.equal(await cards(page).count(), 36);
    assert.equal(
      await page.locator(".toast p").textContent(),
      "Removed White oxford shirt.",
    );
    await assertFocus(page, /^button#undo Undo$/);
    assert.ok(
      !(await apiNames(page, server.url)).includes("White oxford shirt"),
    );

    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "White oxford shirt" }).waitFor();
    assert.equal(await cards(page).count(), 37);
    await assertFocus(page, /^button#edit-\S+ Edit White oxford shirt$/);
    assert.ok(
      (await apiNames(page, server.url)).includes("White oxford shirt"),
    );
    assert.equal(await page.getByRole("button", { name: "Undo" }).count(), 0);
    assert.deepEqual(dialogs, [], "no confirm()");
  },
);

browserTest(
  "[wardrobe] Undo says what it cannot bring back: a worn piece's wear history",
  async ({ page }) => {
    await using server = await startTestServer();
    await page.goto(`${server.url}/`);
    const started = await page.request.post(
      `${server.url}/api/outfits/generate`,
      { data: { mode: "complete", anchor_ids: ["navy-wool-blazer"] } },
    );
    const { job_id } = await started.json();
    await waitFor(
      async () =>
        (await (await page.request.get(`${server.url}/api/jobs/${job_id}`))
          .json()).status === "complete",
      { what: "the job" },
    );
    const today = new Date().toISOString().slice(0, 10);
    const worn = await page.request.post(`${server.url}/api/looks`, {
      data: { job_id, outfit_number: 1, worn_on: today },
    });
    assert.equal(worn.status(), 201);

    await openWardrobe(page, server.url);
    await button(page, "Delete Navy wool blazer").click();
    await page.locator("#undo").waitFor();
    assert.equal(
      await page.locator(".toast p").textContent(),
      "Removed Navy wool blazer. Undo brings it back without its wear history.",
    );
  },
);

browserTest(
  "[wardrobe] Reset replaces the wardrobe at once and Undo puts it back",
  async ({ page }) => {
    await using server = await startTestServer();
    await openWardrobe(page, server.url);
    // A change makes the wardrobe the shopper's: Reset appears.
    assert.equal(await button(page, "Reset to sample wardrobe").count(), 0);
    await button(page, "Delete Grey joggers").click();
    await page.locator("#undo").waitFor();
    await button(page, "Reset to sample wardrobe").click();
    await page.getByRole("heading", { name: "Grey joggers" }).waitFor();
    assert.equal(await cards(page).count(), 37);
    await assertFocus(page, /^button#undo Undo$/);
    await button(page, "Undo").click();
    await page.getByRole("heading", { name: "Grey joggers" }).waitFor({
      state: "detached",
    });
    assert.equal(await cards(page).count(), 36);
    await assertFocus(page, /^p#count 36 pieces$/);
    const names = await apiNames(page, server.url);
    assert.equal(names.length, 36);
    assert.ok(!names.includes("Grey joggers"));
  },
);

browserTest(
  "[wardrobe] the sample is labelled: keep it, or start empty and get a real empty state",
  async ({ page }) => {
    await using server = await startTestServer();
    await openWardrobe(page, server.url);
    const banner = page.getByRole("region", {
      name: "This is a sample wardrobe",
    });
    await banner.waitFor();
    await button(page, "Keep these pieces").click();
    await banner.waitFor({ state: "detached" });
    await assertFocus(page, /^p#count 37 pieces$/);
    await openWardrobe(page, server.url);
    assert.equal(await banner.count(), 0, "the server agrees");
    assert.equal(await cards(page).count(), 37);

    const other = await page.context().browser()!.newContext();
    try {
      const fresh = await other.newPage();
      await openWardrobe(fresh, server.url);
      await button(fresh, "Start empty").click();
      const empty = fresh.getByRole("heading", {
        name: "Your wardrobe is empty",
      });
      await empty.waitFor();
      await assertFocus(fresh, /^h2#empty-title Your wardrobe is empty$/);
      assert.equal(await cards(fresh).count(), 0);
      await openWardrobe(fresh, server.url);
      await empty.waitFor();
      await button(fresh, "Add your first piece").click();
      await fresh.getByLabel("Name").waitFor();
      await button(fresh, "Cancel").click();
      await assertFocus(fresh, /^button#add-item Add your first piece$/);
      await button(fresh, "Use the sample wardrobe").click();
      await fresh.getByRole("heading", { name: "White oxford shirt" })
        .waitFor();
      await button(fresh, "Undo").click();
      await empty.waitFor();
      assert.deepEqual(await apiNames(fresh, server.url), []);
    } finally {
      await other.close();
    }
  },
);

browserTest(
  "[wardrobe] focus after Save and Cancel in the item form, and after adding",
  async ({ page }) => {
    await using server = await startTestServer();
    await openWardrobe(page, server.url);
    await button(page, "Edit Khaki chinos").click();
    await page.getByRole("heading", { name: "Edit Khaki chinos" }).waitFor();
    await assertFocus(page, /^h2#item-form-title/);
    await button(page, "Cancel").click();
    await assertFocus(page, /^button#edit-khaki-chinos Edit Khaki chinos$/);

    await button(page, "Edit Khaki chinos").click();
    await page.getByLabel("Name").fill("Stone chinos");
    await button(page, "Save changes").click();
    await page.getByRole("heading", { name: "Stone chinos" }).waitFor();
    await assertFocus(page, /^button#edit-khaki-chinos Edit Stone chinos$/);

    await button(page, "Add an item").click();
    await button(page, "Cancel").click();
    await assertFocus(page, /^button#add-item Add an item$/);

    await button(page, "Add an item").click();
    await page.getByLabel("Name").fill("Mustard cardigan");
    await page.getByRole("checkbox", { name: "mustard" }).check();
    await button(page, "Add to wardrobe").click();
    await page.getByRole("heading", { name: "Mustard cardigan" }).waitFor();
    await assertFocus(page, /^button#edit-\S+ Edit Mustard cardigan$/);
  },
);

browserTest(
  "[wardrobe] on a phone, editing the last piece shows the form, then goes back to the piece",
  async ({ page, screenshot }) => {
    await using server = await startTestServer();
    await page.setViewportSize({ width: 390, height: 844 });
    await openWardrobe(page, server.url);
    const last = cards(page).last();
    const name = await last.locator("h2").textContent();
    await last.scrollIntoViewIfNeeded();
    const down = await page.evaluate(() => scrollY);
    assert.ok(down > 2000, `scrolled to the last piece (${down} px)`);
    await last.getByRole("button", { name: `Edit ${name}` }).click();
    const title = page.locator("#item-form-title");
    await title.waitFor();
    const box = await title.boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 844, "the form is in view");
    await button(page, "Cancel").click();
    await waitFor(() => page.evaluate(() => scrollY > 2000), {
      what: "the page to come back to the piece",
    });
    const edit = await last.getByRole("button", { name: `Edit ${name}` })
      .boundingBox();
    assert.ok(edit && edit.y >= 0 && edit.y < 844, "the piece is in view");
    await screenshot("wardrobe-last-piece-phone");
  },
);

browserTest(
  "[wardrobe] a save that fails gives focus back to the button that disabled itself",
  async ({ page }) => {
    await using server = await startTestServer();
    await openWardrobe(page, server.url);
    await page.route("**/api/wardrobe/items", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/json",
        body: JSON.stringify({ error: "Stylist is busy. Please try again." }),
      }));
    await button(page, "Add an item").click();
    await page.getByLabel("Name").fill("Mustard cardigan");
    await page.getByRole("checkbox", { name: "mustard" }).check();
    await button(page, "Add to wardrobe").press("Enter");
    await page.getByText("Stylist is busy. Please try again.").waitFor();
    await assertFocus(page, /^button Add to wardrobe$/);
  },
);

/** The wardrobe page in Chromium: add, edit, delete, reset. */
import assert from "node:assert/strict";
import { browserTest } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

browserTest(
  "[browser] wardrobe: add, edit, delete and reset items",
  async ({ page, screenshot }) => {
    await using server = await startTestServer();
    await page.goto(`${server.url}/wardrobe`);
    await page.locator("[data-island=wardrobe_editor][data-hydrated]")
      .waitFor();
    const cards = page.locator(".item-card");
    const start = await cards.count();
    assert.equal(start, 37);

    // Add: the server's validation speaks through the form.
    await page.getByRole("button", { name: "Add an item" }).click();
    await page.getByLabel("Name").fill("Mustard cardigan");
    await page.getByRole("button", { name: "Add to wardrobe" }).click();
    await page.locator(".field-error").first().waitFor();
    await page.getByRole("checkbox", { name: "mustard" }).check();
    // The lists speak in words ("Top", "Plain"), not the API's ids.
    await page.getByLabel("Category").selectOption({ label: "Top" });
    assert.deepEqual(
      await page.getByLabel("Pattern").locator("option").allTextContents(),
      ["Plain", "Striped", "Checked", "Floral", "Printed", "Textured"],
    );
    await page.getByRole("button", { name: "Add to wardrobe" }).click();
    await page.getByRole("heading", { name: "Mustard cardigan" }).waitFor();
    assert.equal(await cards.count(), start + 1);
    await screenshot("wardrobe");

    // Edit
    await page.getByRole("button", { name: "Edit Mustard cardigan" }).click();
    await page.getByLabel("Name").fill("Mustard wool cardigan");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByRole("heading", { name: "Mustard wool cardigan" })
      .waitFor();

    // Delete
    await page.getByRole("button", { name: "Delete Mustard wool cardigan" })
      .click();
    await page.getByRole("heading", { name: "Mustard wool cardigan" }).waitFor({
      state: "detached",
    });
    await page.getByRole("button", { name: "Delete White oxford shirt" })
      .click();
    await page.getByRole("heading", { name: "White oxford shirt" }).waitFor({
      state: "detached",
    });
    assert.equal(await cards.count(), start - 1);

    // Reset: no dialog to confirm, it happens and offers Undo.
    await page.getByRole("button", { name: "Reset to sample wardrobe" })
      .click();
    await page.getByRole("button", { name: "Undo" }).waitFor();
    await page.getByRole("heading", { name: "White oxford shirt" }).waitFor();
    assert.equal(await cards.count(), start);

    // The server agrees with the page.
    await page.reload();
    assert.equal(await cards.count(), start);
  },
);

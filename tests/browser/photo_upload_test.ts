/**
 * Photos from the camera, in Chromium: a JPEG made in the page (as a phone
 * would hand over, far too big to keep) is shrunk, previewed and its navy
 * suggested; saved, it is the piece's picture on the wardrobe and in the
 * next outfit. A file that is not a photo is refused with a sentence and
 * nothing is sent; a failed upload keeps the item and is tried again
 * without retyping; a photo can be removed.
 */
import assert from "node:assert/strict";
import { Buffer } from "node:buffer";
import type { Page, Request } from "playwright-core";
import {
  browserTest,
  cameraJpeg,
  waitForEnd,
  waitForReveal,
  watchViolations,
} from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const PHOTO_URL = /^\/photos\/[0-9a-f]{32}\.(webp|jpg)$/;

/** Every photo upload or removal the page sends. */
function watchPhotoRequests(page: Page): Request[] {
  const sent: Request[] = [];
  page.on("request", (r) => {
    if (/\/api\/wardrobe\/items\/[^/]+\/photo$/.test(r.url())) sent.push(r);
  });
  return sent;
}

async function openWardrobe(page: Page, url: string) {
  await page.goto(`${url}/wardrobe`);
  await page.locator("[data-island=wardrobe_editor][data-hydrated]").waitFor();
}

/** The picture on the wardrobe tile of the piece called `name`. */
const tilePicture = (page: Page, name: string) =>
  page.locator(".item-card", {
    has: page.getByRole("heading", { name, exact: true }),
  }).locator("img");

/** Its path, and the size it decoded to. */
function pictureOf(page: Page, name: string) {
  return tilePicture(page, name).evaluate(async (el) => {
    const img = el as HTMLImageElement;
    await img.decode();
    return {
      path: new URL(img.src).pathname,
      width: img.naturalWidth,
      height: img.naturalHeight,
    };
  });
}

browserTest(
  "[browser] photo: a camera JPEG is shrunk, previewed, suggests navy, and is the piece's picture on the wardrobe and in an outfit",
  async ({ page, screenshot }) => {
    await using server = await startTestServer();
    const sent = watchPhotoRequests(page);
    const violations = await watchViolations(page);
    await openWardrobe(page, server.url);
    const jpeg = await cameraJpeg(page);
    assert.ok(
      jpeg.length > 60 * 1024,
      `a photo too big to keep: ${jpeg.length} B`,
    );

    await page.getByRole("button", { name: "Add an item" }).click();
    await page.getByLabel("Name").fill("Navy wool jumper");
    await page.getByLabel("Category").selectOption("top");
    await page.getByLabel("Photo (optional)").setInputFiles({
      name: "IMG_0042.jpg",
      mimeType: "image/jpeg",
      buffer: jpeg,
    });

    // The preview is the shrunk photo, and its colours are ticked.
    const preview = page.getByRole("img", { name: "The photo you chose" });
    const shown = await preview.evaluate(async (el) => {
      const img = el as HTMLImageElement;
      await img.decode();
      return { src: img.src.slice(0, 16), width: img.naturalWidth };
    });
    assert.match(shown.src, /^data:image\/(webp|jpeg)/);
    assert.equal(shown.width, 768, "longest side 768 px");
    const navy = page.getByRole("checkbox", { name: "navy", exact: true });
    assert.ok(await navy.isChecked(), "navy suggested and ticked");
    await page.getByText(/^Colours from the photo: navy/).waitFor();
    const ticked = await page.locator('input[name="item-colors"]:checked')
      .evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).value));
    assert.ok(ticked.length <= 4, `at most four colours: ${ticked}`);
    await screenshot("photo-form");
    assert.equal(sent.length, 0, "nothing is sent before saving");

    await page.getByRole("button", { name: "Add to wardrobe" }).click();
    await page.getByRole("heading", { name: "Navy wool jumper" }).waitFor();
    assert.equal(sent.length, 1);
    assert.equal(sent[0].method(), "PUT");
    const tile = await pictureOf(page, "Navy wool jumper");
    assert.match(tile.path, PHOTO_URL);
    assert.ok(tile.width > 0 && tile.width <= 768, `width ${tile.width}`);
    assert.ok(tile.height > 0 && tile.height <= 768, `height ${tile.height}`);

    const stored = await page.evaluate(async (path) => {
      const res = await fetch(path);
      return {
        type: res.headers.get("content-type"),
        bytes: (await res.arrayBuffer()).byteLength,
      };
    }, tile.path);
    assert.match(stored.type ?? "", /^image\/(webp|jpeg)$/);
    assert.ok(stored.bytes <= 60 * 1024, `${stored.bytes} B stored`);
    await screenshot("photo-wardrobe");

    // Still there after a reload: the server has it.
    await openWardrobe(page, server.url);
    assert.equal((await pictureOf(page, "Navy wool jumper")).path, tile.path);

    // The next outfit built around it shows the photo.
    await page.goto(`${server.url}/complete`);
    await page.locator("[data-island=complete_form][data-hydrated]").waitFor();
    const pick = page.locator("label.pick", { hasText: "Navy wool jumper" });
    assert.equal(
      new URL(
        await pick.locator("img").evaluate((el) =>
          (el as HTMLImageElement).src
        ),
      )
        .pathname,
      tile.path,
      "the picker shows the photo",
    );
    await pick.click();
    await page.getByRole("button", { name: "Create outfits" }).click();
    await waitForReveal(page);
    assert.equal((await waitForEnd(page)).length, 3);
    for (const card of await page.locator("article").all()) {
      const piece = card.locator(".outfit-item", {
        has: page.locator(".item-name", { hasText: "Navy wool jumper" }),
      });
      const picture = await piece.locator("img").evaluate(async (el) => {
        const img = el as HTMLImageElement;
        await img.decode();
        return { path: new URL(img.src).pathname, width: img.naturalWidth };
      });
      assert.equal(picture.path, tile.path, "the outfit shows the photo");
      assert.ok(picture.width > 0);
    }
    await screenshot("photo-reveal");
    assert.deepEqual(violations, [], "CSP violations");
  },
);

browserTest(
  "[browser] photo: a text file named photo.jpg is refused in a sentence and nothing is uploaded",
  async ({ page }) => {
    await using server = await startTestServer();
    const sent = watchPhotoRequests(page);
    await openWardrobe(page, server.url);
    await page.getByRole("button", { name: "Add an item" }).click();
    await page.getByLabel("Name").fill("Plain linen tee");
    const input = page.getByLabel("Photo (optional)");
    await input.setInputFiles({
      name: "photo.jpg",
      mimeType: "image/jpeg",
      buffer: Buffer.from("Not a photo, just words.\n"),
    });
    const error = page.locator(".photo-field .field-error");
    assert.equal(
      await error.textContent(),
      "That file could not be opened as a photo. Choose a photo (JPEG, PNG or WebP), or take one.",
    );
    assert.equal(await input.getAttribute("aria-invalid"), "true");
    assert.equal(await page.locator(".photo-preview").count(), 0);

    await page.getByRole("checkbox", { name: "white", exact: true }).check();
    await page.getByRole("button", { name: "Add to wardrobe" }).click();
    await page.getByRole("heading", { name: "Plain linen tee", exact: true })
      .waitFor();
    assert.deepEqual(sent.map((r) => r.url()), [], "no photo sent");
    assert.match(
      (await pictureOf(page, "Plain linen tee")).path,
      /^\/illustrations\/item\.svg$/,
      "drawn, as a piece without a photo is",
    );
  },
);

browserTest(
  "[browser] photo: a failed upload keeps the item and says why; trying again sends it; then it can be removed",
  async ({ page }) => {
    await using server = await startTestServer();
    await openWardrobe(page, server.url);
    const jpeg = await cameraJpeg(page);
    const refusal = "The photo is over 60 KB. Choose a smaller one.";
    let refused = 0;
    await page.route(/\/api\/wardrobe\/items\/[^/]+\/photo$/, (route) => {
      refused++;
      return route.fulfill({
        status: 413,
        contentType: "application/json",
        body: JSON.stringify({ error: refusal }),
      });
    });

    // The shopper picked a colour first: the photo's are offered, not forced.
    await page.getByRole("button", { name: "Add an item" }).click();
    await page.getByLabel("Name").fill("Navy wool jumper");
    await page.getByRole("checkbox", { name: "white", exact: true }).check();
    await page.getByLabel("Photo (optional)").setInputFiles({
      name: "IMG_0043.jpg",
      mimeType: "image/jpeg",
      buffer: jpeg,
    });
    const offer = page.getByRole("button", {
      name: /^Use colours from the photo: navy/,
    });
    await offer.waitFor();
    const navy = page.getByRole("checkbox", { name: "navy", exact: true });
    assert.equal(await navy.isChecked(), false, "their choice stands");
    await offer.click();
    assert.ok(await navy.isChecked());
    assert.equal(
      await page.getByRole("checkbox", { name: "white", exact: true })
        .isChecked(),
      false,
    );
    assert.ok(
      await navy.evaluate((el) => el === document.activeElement),
      "focus stays on the colours",
    );

    await page.getByRole("button", { name: "Add to wardrobe" }).click();
    const alert = page.locator(".item-form [role=alert]");
    await alert.waitFor();
    assert.equal(
      await alert.textContent(),
      `Navy wool jumper is saved without its photo. ${refusal}`,
    );
    assert.equal(refused, 1);
    // Kept, drawn, and the form now edits it with everything still filled in.
    assert.match(
      (await pictureOf(page, "Navy wool jumper")).path,
      /^\/illustrations\//,
    );
    await page.getByRole("heading", { name: "Edit Navy wool jumper" })
      .waitFor();
    assert.equal(
      await page.getByLabel("Name").inputValue(),
      "Navy wool jumper",
    );
    await page.getByRole("img", { name: "The photo you chose" }).waitFor();

    await page.unroute(/\/api\/wardrobe\/items\/[^/]+\/photo$/);
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.locator(".item-form").waitFor({ state: "detached" });
    assert.equal(
      await page.getByRole("heading", { name: "Navy wool jumper" }).count(),
      1,
      "one item, not two",
    );
    const photo = await pictureOf(page, "Navy wool jumper");
    assert.match(photo.path, PHOTO_URL);

    // Editing shows the photo it has; removing it takes it away on save.
    await page.getByRole("button", { name: "Edit Navy wool jumper" }).click();
    const own = page.getByRole("img", {
      name: "The photo of Navy wool jumper",
    });
    assert.equal(
      new URL(await own.evaluate((el) => (el as HTMLImageElement).src))
        .pathname,
      photo.path,
    );
    await page.getByRole("button", { name: "Remove photo" }).click();
    await page.getByText("The photo will be removed when you save.").waitFor();
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.locator(".item-form").waitFor({ state: "detached" });
    assert.match(
      (await pictureOf(page, "Navy wool jumper")).path,
      /^\/illustrations\//,
    );
    const onServer = await page.evaluate(async () => {
      const res = await fetch("/api/wardrobe");
      const { items } = await res.json();
      return items.find((i: { name: string }) => i.name === "Navy wool jumper");
    });
    assert.equal(onServer.photo, undefined);
  },
);

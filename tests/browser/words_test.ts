/**
 * Words for people, in Chromium: the forms say what to fix in plain
 * sentences, hold their limits before sending and drop a message the moment
 * its field is fixed; an empty wardrobe is said before any submit; the
 * sample is labelled; the heading font comes from our own origin; the
 * phone header is one row.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { browserTest } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

/** What a shopper must never read: the validator's own words. */
const DEVELOPER_WORDS = /too small|too big|expected|invalid input|>=|<=/i;

async function assertNoDeveloperWords(page: Page) {
  const text = await page.locator("main").innerText();
  assert.equal(DEVELOPER_WORDS.exec(text)?.[0], undefined, text);
}

const focusedId = (page: Page) =>
  page.evaluate(() =>
    document.activeElement?.id || document.activeElement?.getAttribute("value")
  );

browserTest(
  "[browser] words: the occasion form's message goes once an occasion is ticked, and a fourth waits",
  async ({ page }) => {
    await using server = await startTestServer();
    await page.goto(`${server.url}/occasion`);
    await page.locator("[data-island=occasion_form][data-hydrated]").waitFor();
    const error = page.locator("#occasions-error");
    const box = (name: string) =>
      page.getByRole("checkbox", { name, exact: true });

    await page.getByRole("button", { name: "Create outfits" }).click();
    assert.equal(await error.textContent(), "Choose at least one occasion.");
    // The shopper is taken to the boxes (once the message has rendered),
    // which now name the message.
    await page.waitForFunction(() =>
      document.activeElement?.getAttribute("value") === "casual"
    );
    assert.equal(await focusedId(page), "casual");
    assert.match(
      await page.getByRole("group", { name: "What are you dressing for?" })
        .getAttribute("aria-describedby") ?? "",
      /occasions-error/,
    );

    await box("Work").check();
    assert.equal(await error.count(), 0, "gone as soon as it is fixed");
    await box("Date night").check();
    await box("Wedding guest").check();
    assert.equal(await box("Casual").isDisabled(), true, "a fourth waits");
    assert.equal(
      await page.locator("#occasions-hint").textContent(),
      "That's three, the most at once. Untick one to choose another.",
    );
    await box("Work").uncheck();
    assert.equal(await box("Casual").isDisabled(), false);
    assert.equal(
      await page.locator("#occasions-hint").textContent(),
      "Choose up to three.",
    );
    await box("Date night").uncheck();
    await box("Wedding guest").uncheck();
    assert.equal(
      await error.textContent(),
      "Choose at least one occasion.",
      "and back if the shopper unticks them all",
    );
    await assertNoDeveloperWords(page);
  },
);

browserTest(
  "[browser] words: the item form says what to fix in plain sentences and refuses a fifth colour",
  async ({ page, screenshot }) => {
    await using server = await startTestServer();
    await page.goto(`${server.url}/wardrobe`);
    await page.locator("[data-island=wardrobe_editor][data-hydrated]")
      .waitFor();
    await page.getByRole("button", { name: "Add an item" }).click();
    const form = page.locator(".item-form");
    const save = form.getByRole("button", { name: "Add to wardrobe" });
    for (const season of ["spring", "summer", "autumn", "winter"]) {
      await form.getByRole("checkbox", { name: season }).uncheck();
    }
    const requests: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST") requests.push(r.url());
    });

    await save.click();
    const message = (id: string) => page.locator(`#${id}`);
    await message("item-name-error").waitFor();
    assert.deepEqual(
      {
        name: await message("item-name-error").textContent(),
        colors: await message("item-colors-error").textContent(),
        seasons: await message("item-seasons-error").textContent(),
      },
      {
        name: "Say what the piece is, such as “Rust suede jacket”.",
        colors: "Choose at least one colour.",
        seasons: "Choose at least one season.",
      },
    );
    assert.equal(requests.length, 0, "held in the form, nothing sent");
    assert.equal(
      await form.getByRole("alert").textContent(),
      "A few details need another look.",
    );
    assert.equal(await focusedId(page), "item-name", "taken to the first");
    assert.equal(
      await page.getByLabel("Name").getAttribute("aria-invalid"),
      "true",
    );
    await assertNoDeveloperWords(page);
    await screenshot("words-item-form-errors");

    // Each message goes as soon as its field is fixed; the others stay.
    await page.getByLabel("Name").fill("Mustard cardigan");
    assert.equal(await message("item-name-error").count(), 0);
    assert.equal(await message("item-seasons-error").count(), 1);
    await form.getByRole("checkbox", { name: "autumn" }).check();
    assert.equal(await message("item-seasons-error").count(), 0);

    // Four colours, then a fifth is refused with a sentence.
    const colour = (name: string) =>
      form.getByRole("checkbox", { name, exact: true });
    for (const name of ["mustard", "cream", "navy", "brown"]) {
      await colour(name).check();
    }
    assert.equal(await message("item-colors-error").count(), 0);
    await colour("olive").click();
    assert.equal(await colour("olive").isChecked(), false, "refused");
    assert.equal(
      await message("item-colors-error").textContent(),
      "Choose up to four colours.",
    );
    await colour("olive").click();
    assert.equal(await colour("olive").isChecked(), false, "again refused");
    await colour("navy").uncheck();
    assert.equal(await message("item-colors-error").count(), 0);
    assert.deepEqual(
      await form.locator("input[name=item-colors]:checked").evaluateAll(
        (boxes) => boxes.map((b) => (b as HTMLInputElement).value),
      ),
      ["cream", "brown", "mustard"],
    );

    // What only the server can tell comes back as a sentence too, and goes
    // once the field changes.
    await page.getByLabel("Name").fill("Mustard\u0007 cardigan");
    await save.click();
    await message("item-name-error").waitFor();
    assert.equal(requests.length, 1, "sent once");
    assert.equal(
      await message("item-name-error").textContent(),
      "Write the name on one line, with letters, numbers and punctuation.",
    );
    await assertNoDeveloperWords(page);
    await page.getByLabel("Name").fill("Mustard cardigan");
    assert.equal(await message("item-name-error").count(), 0);
    await save.click();
    await page.getByRole("heading", { name: "Mustard cardigan" }).waitFor();
  },
);

browserTest(
  "[browser] words: with an empty wardrobe, /occasion and /consider-buying say so and link to add pieces",
  async ({ page }) => {
    await using server = await startTestServer();
    await page.goto(`${server.url}/`);
    const cleared = await page.evaluate(async () =>
      (await fetch("/api/wardrobe/clear", { method: "POST" })).status
    );
    assert.equal(cleared, 200);
    for (const path of ["/occasion", "/consider-buying", "/"]) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole("heading", { name: "Your wardrobe is empty" })
        .waitFor();
      assert.equal(await page.locator("form").count(), 0, path);
      const add = page.getByRole("link", { name: "Add your pieces" });
      assert.equal(await add.getAttribute("href"), "/wardrobe", path);
    }
    await page.getByRole("link", { name: "Add your pieces" }).click();
    await page.waitForURL(`${server.url}/wardrobe`);
  },
);

browserTest(
  "[browser] words: the home page labels the sample wardrobe, with the way to make it yours",
  async ({ page }) => {
    await using server = await startTestServer();
    await page.goto(`${server.url}/`);
    await page.getByText("This is a sample wardrobe to try Stylist with.")
      .waitFor();
    await page.getByRole("heading", { name: "The sample wardrobe" }).waitFor();
    await page.getByRole("link", { name: "Make it yours" }).first().click();
    await page.waitForURL(`${server.url}/wardrobe`);

    const kept = await page.evaluate(async () =>
      (await fetch("/api/wardrobe/keep", { method: "POST" })).status
    );
    assert.equal(kept, 200);
    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { name: "Your wardrobe" }).waitFor();
    assert.equal(await page.getByText("This is a sample wardrobe").count(), 0);
  },
);

browserTest(
  "[browser] type: the heading font comes from our own origin, and no request leaves it",
  async ({ page }) => {
    await using server = await startTestServer();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    for (const path of ["/", "/occasion", "/wardrobe"]) {
      await page.goto(`${server.url}${path}`);
      await page.evaluate(() => document.fonts.ready);
      assert.ok(
        await page.evaluate(() => document.fonts.check('600 2rem "Fraunces"')),
        `${path}: Fraunces loaded`,
      );
      assert.match(
        await page.locator("h1").evaluate((h) =>
          getComputedStyle(h).fontFamily
        ),
        /^"?Fraunces"?,/,
      );
    }
    const fonts = requests.filter((url) => url.endsWith(".woff2"));
    assert.ok(fonts.length >= 1, "a font was fetched");
    for (const url of fonts) {
      assert.match(
        url,
        new RegExp(
          `^${server.url}/static/build/fraunces-latin-600-normal-\\w{8}\\.woff2$`,
        ),
      );
    }
    const elsewhere = requests.filter((url) =>
      !url.startsWith(`${server.url}/`) && !url.startsWith("data:")
    );
    assert.deepEqual(elsewhere, [], "nothing from another site");
  },
);

browserTest(
  "[browser] layout: on a phone the header is one compact row, every link 44 px to tap and reachable by keyboard",
  async ({ page, screenshot }) => {
    await using server = await startTestServer();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/looks`);
    const header = await page.locator(".site-header").boundingBox();
    assert.ok(header && header.height <= 56, `header ${header?.height} px`);
    const links = page.locator(".site-nav a");
    assert.equal(await links.count(), 7);
    const boxes = await links.evaluateAll((as) =>
      as.map((a) => {
        const r = a.getBoundingClientRect();
        return { text: a.textContent, top: r.top, height: r.height };
      })
    );
    for (const box of boxes) {
      assert.ok(box.height >= 44, `${box.text}: ${box.height} px tall`);
      assert.ok(box.top < header!.height, `${box.text} on the one row`);
    }
    // Tab walks the row; the last link scrolls into sight when focused.
    await page.keyboard.press("Tab"); // skip link
    for (let i = 0; i < 6; i++) await page.keyboard.press("Tab");
    const last = page.getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Consider buying" });
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      "Consider buying",
    );
    const box = await last.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, "in sight");
    await screenshot("words-header-phone");
    await page.keyboard.press("Enter");
    await page.waitForURL(`${server.url}/consider-buying`);
  },
);

/**
 * Looks in Chromium: save, like and wear outfits on the reveal page, see it
 * all again after a reload, on /looks and in the wardrobe's wear counts and
 * cost per wear; a failed change puts the card back and says so.
 */
import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { browserTest, waitForEnd, waitForReveal } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";
import { waitFor } from "../helpers/wait_for.ts";

const button = (scope: Page | Locator, name: string) =>
  scope.getByRole("button", { name, exact: true });

const pressed = (b: Locator) => b.getAttribute("aria-pressed");

/** Clicks, and waits until the look change it sends has been answered. */
async function act(page: Page, target: Locator) {
  await Promise.all([
    page.waitForResponse((r) => r.url().includes("/api/looks")),
    target.click(),
  ]);
}

/** Fails the test on anything the Content-Security-Policy blocked. */
function watchCsp(page: Page): string[] {
  const blocked: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
  return blocked;
}

browserTest(
  "[browser] looks: saved, liked and worn on the reveal page, remembered on /looks and in the wardrobe",
  async ({ page, screenshot }) => {
    await using server = await startTestServer();
    const blocked = watchCsp(page);
    await page.goto(`${server.url}/occasion`);
    await page.locator("[data-island=occasion_form][data-hydrated]").waitFor();
    await page.getByLabel("Work", { exact: true }).check();
    await page.getByRole("button", { name: "Create outfits" }).click();
    await waitForReveal(page);
    const titles = await waitForEnd(page);
    assert.equal(titles.length, 3);
    const cards = page.locator("article");
    const [one, two, three] = [cards.nth(0), cards.nth(1), cards.nth(2)];

    await act(page, button(one, "Save"));
    assert.equal(await pressed(button(one, "Saved")), "true");

    // Thumbs: one rating at a time, and pressing it again clears it.
    const like = button(two, "Like this outfit");
    const dislike = button(two, "Dislike this outfit");
    await act(page, like);
    assert.equal(await pressed(like), "true");
    await act(page, dislike);
    assert.deepEqual([await pressed(like), await pressed(dislike)], [
      "false",
      "true",
    ]);
    await act(page, dislike);
    assert.equal(await pressed(dislike), "false");
    await act(page, like);

    // Wearing today, undone, and worn after all.
    await act(page, button(three, "Wore it today"));
    await act(page, button(three, "Worn today"));
    await button(three, "Wore it today").waitFor();
    await act(page, button(three, "Wore it today"));
    assert.equal(await pressed(button(three, "Worn today")), "true");

    await page.reload();
    await waitForReveal(page);
    assert.equal(await pressed(button(one, "Saved")), "true");
    assert.equal(await pressed(button(one, "Wore it today")), "false");
    assert.equal(await pressed(button(two, "Like this outfit")), "true");
    assert.equal(await pressed(button(two, "Save")), "false");
    assert.equal(await pressed(button(three, "Worn today")), "true");
    await screenshot("looks-reveal-after-reload");

    // /looks: the worn look (changed last) first, then the saved one.
    await page.goto(`${server.url}/looks`);
    await page.locator("[data-island=looks][data-hydrated]").waitFor();
    const looks = page.locator("article");
    assert.deepEqual(await looks.locator("h2").allTextContents(), [
      titles[2],
      titles[0],
    ]);
    const worn = looks.nth(0);
    const saved = looks.nth(1);
    assert.equal(
      await worn.locator(".look-worn").textContent(),
      "Worn once · today",
    );
    assert.equal(
      await saved.locator(".look-worn").textContent(),
      "Not worn yet",
    );
    assert.equal(await pressed(button(worn, "Worn today")), "true");
    await screenshot("looks-page");

    // Unsaving a look that was worn keeps it, shown as not saved.
    await act(page, button(worn, "Save"));
    await act(page, button(worn, "Saved"));
    assert.equal(await pressed(button(worn, "Save")), "false");
    assert.equal(await looks.count(), 2);

    // Unsaving one that was never worn takes it away, with a way back.
    await act(page, button(saved, "Saved"));
    const undo = button(page, "Undo");
    await undo.waitFor();
    assert.equal(await looks.count(), 1);
    assert.match(
      await page.locator(".look-removed").textContent() ?? "",
      new RegExp(`Removed ${titles[0]} from your looks`),
    );
    assert.equal(
      await undo.evaluate((el) => el === document.activeElement),
      true,
      "the keyboard lands on Undo",
    );
    await act(page, undo);
    assert.equal(await looks.count(), 2);
    assert.equal(await pressed(button(looks.nth(1), "Saved")), "true");
    await act(page, button(looks.nth(1), "Saved"));
    await page.reload();
    assert.deepEqual(await looks.locator("h2").allTextContents(), [titles[2]]);

    // The wardrobe counts the wear for each piece of the worn outfit.
    const piece = await worn.locator(".item-name").first().textContent();
    await page.goto(`${server.url}/wardrobe`);
    await page.locator("[data-island=wardrobe_editor][data-hydrated]")
      .waitFor();
    const card = page.locator(".item-card").filter({
      has: page.getByRole("heading", { name: piece!, exact: true }),
    });
    assert.deepEqual(await card.locator(".item-wear span").allTextContents(), [
      "Worn once",
      "Last worn today",
    ]);
    assert.deepEqual(blocked, []);
  },
);

browserTest(
  "[browser] wardrobe: the price paid and the days worn give the cost per wear",
  async ({ page, screenshot }) => {
    await using server = await startTestServer();
    await page.goto(`${server.url}/wardrobe`);
    // The outfit a shopper wore on two days, kept through the API.
    const started = await page.request.post(
      `${server.url}/api/outfits/generate`,
      { data: { mode: "occasion", occasions: ["casual"] } },
    );
    assert.equal(started.status(), 202);
    const jobId = (await started.json()).job_id;
    await waitFor(
      async () =>
        (await (await page.request.get(`${server.url}/api/jobs/${jobId}`))
          .json()).status === "complete",
      { what: "the job to complete" },
    );
    const kept = await page.request.post(`${server.url}/api/looks`, {
      data: { job_id: jobId, outfit_number: 1, worn_on: "2024-03-01" },
    });
    assert.equal(kept.status(), 201);
    const look = (await kept.json()).look;
    const second = await page.request.put(
      `${server.url}/api/looks/${look.id}/wears/2024-03-08`,
    );
    assert.equal(second.status(), 200);
    const piece = look.items[0].name;

    await page.reload();
    await page.locator("[data-island=wardrobe_editor][data-hydrated]")
      .waitFor();
    const card = page.locator(".item-card").filter({
      has: page.getByRole("heading", { name: piece, exact: true }),
    });
    assert.deepEqual(await card.locator(".item-wear span").allTextContents(), [
      "Worn 2 times",
      "Last worn on 8 March 2024",
    ]);

    await button(page, `Edit ${piece}`).click();
    const price = page.getByLabel("Price paid (optional)");
    assert.match(await page.locator(".money-symbol").textContent() ?? "", /€/);
    await price.fill("100001");
    await button(page, "Save changes").click();
    await page.getByText("Enter a price from 0 to 100,000").waitFor();
    await price.fill("120");
    await button(page, "Save changes").click();
    await card.locator(".item-cost").waitFor();
    assert.equal(
      await card.locator(".item-cost").textContent(),
      "€60.00 a wear",
    );
    await screenshot("wardrobe-cost-per-wear");

    // The server agrees, and a priced piece never worn says so.
    const otherName = await page.locator(".item-card")
      .filter({ hasNot: page.locator(".item-wear") }).locator("h2").first()
      .textContent();
    const other = page.locator(".item-card").filter({
      has: page.getByRole("heading", { name: otherName!, exact: true }),
    });
    await button(page, `Edit ${otherName}`).click();
    await page.getByLabel("Price paid (optional)").fill("45.5");
    await button(page, "Save changes").click();
    await other.locator(".item-wear").waitFor();
    await page.reload();
    assert.equal(
      await card.locator(".item-cost").textContent(),
      "€60.00 a wear",
    );
    assert.deepEqual(
      await other.locator(".item-wear span").allTextContents(),
      ["Not worn yet"],
    );
  },
);

browserTest(
  "[browser] reveal: a change that does not reach the server is undone, with a sentence",
  async ({ page }) => {
    await using server = await startTestServer();
    await page.goto(`${server.url}/occasion`);
    await page.locator("[data-island=occasion_form][data-hydrated]").waitFor();
    await page.getByLabel("Casual", { exact: true }).check();
    await page.getByRole("button", { name: "Create outfits" }).click();
    await waitForReveal(page);
    await waitForEnd(page);
    await page.route("**/api/looks", (route) => route.abort());
    const card = page.locator("article").first();
    await button(card, "Save").click();
    const alert = card.getByRole("alert");
    assert.equal(
      await alert.textContent(),
      "We couldn't save this look. Check your connection and try again.",
    );
    assert.equal(await pressed(button(card, "Save")), "false");

    // Back online, the same button works, and the sentence goes.
    await page.unroute("**/api/looks");
    await act(page, button(card, "Save"));
    assert.equal(await pressed(button(card, "Saved")), "true");
    assert.equal(await alert.count(), 0);
  },
);

/**
 * Sharing in Chromium: Share on a reveal card copies a link; a stranger
 * (another browser context, no cookie) opens it and sees the look; the
 * card and /looks then offer the link again and Stop sharing, which ends
 * it at once. On a phone the link goes to the share sheet instead.
 */
/// <reference lib="dom" />
import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { assertFocus, PHONE } from "../helpers/axe.ts";
import { browserTest, waitForEnd, waitForReveal } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const button = (scope: Page | Locator, name: string) =>
  scope.getByRole("button", { name, exact: true });

/** The occasion form to the end of its job; the first outfit card. */
async function firstOutfit(page: Page, url: string) {
  await page.goto(`${url}/occasion`);
  await page.locator("[data-island=occasion_form][data-hydrated]").waitFor();
  await page.getByLabel("Date night", { exact: true }).check();
  await page.getByRole("button", { name: "Create outfits" }).click();
  await waitForReveal(page);
  await waitForEnd(page);
  return page.locator("article").first();
}

/** Clicks, and waits until the share request it sends has been answered. */
async function share(page: Page, target: Locator) {
  await Promise.all([
    page.waitForResponse((r) => r.url().endsWith("/share")),
    target.click(),
  ]);
}

browserTest(
  "[browser] share: the link is copied, a stranger opens it without a cookie, and Stop sharing ends it",
  async ({ browser, context, page }) => {
    await using server = await startTestServer();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: server.url,
    });
    const card = await firstOutfit(page, server.url);
    const title = await card.locator("h2").textContent();

    await share(page, button(card, "Share"));
    await card.getByText("Link copied.").waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/s\/[\w-]{22}$/);
    // The same button now gives the link again, and keeps the keyboard.
    await assertFocus(page, /^button Copy link$/);
    await card.getByText(
      "Anyone with the link can see this look and its photos.",
    )
      .waitFor();

    const stranger = await browser.newContext();
    try {
      const look = await stranger.newPage();
      const res = await look.goto(link);
      assert.equal(res?.status(), 200);
      assert.equal(await look.locator("h1").textContent(), title);
      assert.deepEqual(await stranger.cookies(), [], "a cookie was set");

      // Still shared after a reload, on the card and on /looks, where the
      // link can be stopped.
      await page.reload();
      await waitForReveal(page);
      await button(page.locator("article").first(), "Copy link").waitFor();
      await page.goto(`${server.url}/looks`);
      await page.locator("[data-island=looks][data-hydrated]").waitFor();
      const kept = page.locator("article").first();
      assert.equal(await kept.locator("h2").textContent(), title);
      await share(page, button(kept, "Stop sharing"));
      // Shared only (never saved), it leaves the list; the link cannot
      // come back, so what is offered is a new one.
      await page.getByText(
        `Stopped sharing ${title}: its link no longer works.`,
      )
        .waitFor();
      const gone = await look.reload();
      assert.equal(gone?.status(), 404);
      assert.equal(
        await look.locator("h1").textContent(),
        "We can't find that look",
      );
      await share(page, button(page, "Share again"));
      await button(kept, "Copy link").waitFor();
      const { looks } = await (await page.request.get(
        `${server.url}/api/looks`,
      )).json();
      const fresh = `${server.url}/s/${looks[0].share.token}`;
      assert.notEqual(fresh, link);
      assert.equal((await look.goto(fresh))?.status(), 200);
    } finally {
      await stranger.close();
    }
  },
);

browserTest(
  "[browser] share: Stop sharing on a saved look keeps the card and says the link is gone",
  async ({ context, page }) => {
    await using server = await startTestServer();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: server.url,
    });
    const card = await firstOutfit(page, server.url);
    await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/looks")),
      button(card, "Save").click(),
    ]);
    await share(page, button(card, "Share"));
    await card.getByText("Link copied.").waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());

    await share(page, button(card, "Stop sharing"));
    await card.getByText("Stopped sharing. The link no longer works.")
      .waitFor();
    await assertFocus(page, /^button Share$/);
    assert.equal((await page.request.get(link)).status(), 404);
    assert.equal(
      await button(card, "Saved").getAttribute("aria-pressed"),
      "true",
    );

    // Sharing again is a new link.
    await share(page, button(card, "Share"));
    await card.getByText("Link copied.").waitFor();
    const again = await page.evaluate(() => navigator.clipboard.readText());
    assert.notEqual(again, link);
    assert.equal((await page.request.get(again)).status(), 200);
  },
);

browserTest(
  "[browser] share: on a phone the link goes to the share sheet",
  async ({ browser }) => {
    await using server = await startTestServer();
    const phone = await browser.newContext({
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
    });
    try {
      // Headless Chromium on Linux has no share sheet (navigator.share is
      // undefined there): stand in the one function a phone's browser has,
      // recording what it was handed.
      await phone.addInitScript(() => {
        const w = globalThis as unknown as { shared: ShareData[] };
        w.shared = [];
        Object.defineProperty(navigator, "share", {
          value: (data: ShareData) => {
            w.shared.push(data);
            return Promise.resolve();
          },
        });
      });
      const page = await phone.newPage();
      const card = await firstOutfit(page, server.url);
      const title = await card.locator("h2").textContent();
      await share(page, button(card, "Share"));
      await button(card, "Share link").waitFor();
      // The sheet opens once the link's change has settled, which may be a
      // task after the button's new label shows.
      await page.waitForFunction(() =>
        (globalThis as unknown as { shared: ShareData[] }).shared.length > 0
      );
      const shared = await page.evaluate(() =>
        (globalThis as unknown as { shared: ShareData[] }).shared
      );
      assert.equal(shared.length, 1);
      assert.equal(shared[0].title, title);
      assert.match(shared[0].url!, /\/s\/[\w-]{22}$/);
      assert.equal((await page.request.get(shared[0].url!)).status(), 200);
    } finally {
      await phone.close();
    }
  },
);

/**
 * Every screenshot in docs/, at 1280×800 (desktop) and 390×844 (phone):
 * the home page, the three forms (the picker with a filter and a search in
 * use, and its day fields; the consider-buying review with its own), the reveal page for each flow (mid-generation, finished with its
 * one-line summary, with saved / liked / worn cards, in debug mode, the
 * verdict), the looks page (with looks and empty) and the wardrobe (the
 * sample, the whole of it, cost per wear, a photo, Undo, empty). Only with
 * `DOCS_SCREENSHOTS=1`: the suite itself has no business rewriting docs.
 *
 *   DOCS_SCREENSHOTS=1 npx -y deno@2 test -A tests/browser/docs_screenshots_test.ts
 *
 * Long pages whose whole is the point (home, the consider-buying form,
 * looks, the whole wardrobe, the summary and debug reveal pages, and the
 * saved / liked / worn cards on a desktop) are full-page shots; the others
 * are what the screen shows.
 */
/// <reference lib="dom" />
import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import { DESKTOP, PHONE } from "../helpers/axe.ts";
import {
  browserTest,
  cameraJpeg,
  waitForEnd,
  waitForReveal,
} from "../helpers/browser.ts";
import { startFreezingOslo } from "../helpers/fake_open_meteo.ts";
import { startTestServer } from "../helpers/server.ts";

const DOCS = new URL("../../docs/", import.meta.url);
const path = (file: string) => decodeURIComponent(new URL(file, DOCS).pathname);

/**
 * Every picture loaded (lazy ones too) and the pointer out of the way (no
 * hover on what was last clicked), then the page or the screen.
 */
async function shoot(page: Page, file: string, fullPage = false) {
  await page.mouse.move(0, 0);
  await page.evaluate(() =>
    Promise.all([...document.images].map((img) => {
      img.loading = "eager";
      return img.decode().catch(() => {});
    }))
  );
  await page.screenshot({ path: path(file), fullPage, animations: "disabled" });
}

async function open(page: Page, url: string) {
  await page.goto(url);
  for (const island of await page.locator("[data-island]").all()) {
    await island.and(page.locator("[data-hydrated]")).waitFor();
  }
}

/** Nothing focused, so no focus ring shows on a page at rest. */
const blur = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

const button = (scope: Page | Locator, name: string) =>
  scope.getByRole("button", { name, exact: true });

/** Clicks a look action and waits until the server has answered it. */
async function act(page: Page, target: Locator) {
  await Promise.all([
    page.waitForResponse((r) => r.url().includes("/api/looks")),
    target.click(),
  ]);
}

/** "Create outfits", then the reveal page to the end of the job. */
async function createOutfits(page: Page) {
  await page.getByRole("button", { name: "Create outfits" }).click();
  await waitForReveal(page);
  await waitForEnd(page);
  await page.evaluate(() => scrollTo(0, 0));
}

/** The job the reveal page shows. */
const jobOf = (page: Page) => new URL(page.url()).searchParams.get("job")!;

/** The shopper's calendar day `days` ago, as `YYYY-MM-DD`. */
function daysAgo(days: number): string {
  const d = new Date(Date.now() - days * 86_400_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** Scrolls `target` to the top of the screen, a little below the edge. */
const toTop = (target: Locator) =>
  target.evaluate((el) =>
    scrollTo(0, el.getBoundingClientRect().top + scrollY - 16)
  );

/** What the shopper might have paid, by category. */
const PRICES: Record<string, number> = {
  top: 45,
  bottom: 80,
  dress: 120,
  outerwear: 220,
  shoes: 130,
  accessory: 35,
};

if (Deno.env.get("DOCS_SCREENSHOTS")) {
  const sizes = [["desktop", DESKTOP], ["phone", PHONE]] as const;
  for (const [size, viewport] of sizes) {
    browserTest(`[docs] screenshots, ${size}`, async ({ browser }) => {
      // Paced so the summary says a few seconds, not "0 s"; Oslo's
      // forecast from a fake Open-Meteo.
      await using weather = startFreezingOslo();
      await using server = await startTestServer({
        localDelayMs: 1_000,
        weather,
      });
      const context = await browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        const url = server.url;

        await open(page, url);
        await shoot(page, `home-${size}.png`, true);

        // An occasion chosen, with a town and notes; then its outfits,
        // finished: what they are dressed for and the summary line above
        // them; then saved, liked and worn.
        await open(page, `${url}/occasion`);
        await page.getByLabel("Date night").check();
        await page.getByLabel("Where").fill("Oslo");
        await page.getByLabel("Notes (optional)").fill(
          "No heels, dinner outdoors",
        );
        await blur(page);
        await shoot(page, `occasion-form-${size}.png`);
        await createOutfits(page);
        await shoot(page, `reveal-occasion-${size}.png`);
        await shoot(page, `reveal-summary-${size}.png`, true);
        const dateNight = jobOf(page);
        const cards = page.locator("article");
        await act(page, button(cards.nth(0), "Save"));
        await act(page, button(cards.nth(0), "Like this outfit"));
        await act(page, button(cards.nth(2), "Wore it today"));
        await blur(page);
        // A desktop shows the three cards whole; a phone, the first card's
        // foot (saved and liked) at the foot of the screen.
        if (size === "phone") {
          await cards.nth(0).evaluate((el) =>
            el.scrollIntoView({ block: "end" })
          );
        }
        await shoot(page, `reveal-actions-${size}.png`, size === "desktop");

        // The saved outfit shared: its card with the link copied, then
        // the page a stranger opens (no cookie), and the picture a chat
        // app unfurls the link into.
        await context.grantPermissions(["clipboard-read", "clipboard-write"], {
          origin: url,
        });
        await Promise.all([
          page.waitForResponse((r) => r.url().endsWith("/share")),
          button(cards.nth(0), "Share").click(),
        ]);
        await cards.nth(0).getByText("Link copied.").waitFor();
        const link = await page.evaluate(() => navigator.clipboard.readText());
        await blur(page);
        await cards.nth(0).evaluate((el) =>
          el.scrollIntoView({ block: "end" })
        );
        await shoot(page, `share-card-${size}.png`);
        const stranger = await browser.newContext({ viewport });
        try {
          const shared = await stranger.newPage();
          await open(shared, link);
          await shoot(shared, `shared-look-${size}.png`, true);
          if (size === "desktop") {
            const png = await shared.request.get(`${link}/image.png`);
            assert.equal(png.status(), 200);
            await Deno.writeFile(
              path("shared-look-preview.png"),
              await png.body(),
            );
          }
        } finally {
          await stranger.close();
        }

        // Consider buying: described, then the verdict above the outfits.
        await open(page, `${url}/consider-buying`);
        await page.getByLabel("What is it?").fill("Rust suede jacket");
        await page.getByLabel("Category").selectOption("outerwear");
        await page.getByRole("checkbox", { name: "rust", exact: true }).check();
        await page.getByText("More details (optional)").click();
        await page.getByLabel("Price").fill("180");
        await blur(page);
        await shoot(page, `consider-buying-form-${size}.png`, true);
        await page.getByRole("button", { name: "Review" }).click();
        await page.getByRole("heading", { name: "Rust suede jacket" })
          .waitFor();
        await page.locator("[data-island=generate_button][data-hydrated]")
          .waitFor();
        // The review: the piece, then when and where (Oslo, remembered).
        await shoot(page, `consider-buying-review-${size}.png`, true);
        await createOutfits(page);
        await shoot(page, `verdict-complete-${size}.png`);

        // The picker: jeans found by name, then the tops only, and a shirt
        // from them, with the chosen pieces in the bar at the foot of the
        // screen; then the outfits built around them, one of them saved.
        await open(page, `${url}/complete`);
        const search = page.getByLabel("Search by name");
        await search.fill("jeans");
        await page.getByRole("checkbox", { name: "Dark-wash straight jeans" })
          .check();
        await search.fill("");
        await page.getByRole("radio", { name: /^Tops/ }).check();
        await page.getByRole("checkbox", { name: "White oxford shirt" })
          .check();
        await blur(page);
        await page.evaluate(() => scrollTo(0, 0));
        await shoot(page, `picker-${size}.png`);
        // Under the grid: for when, and where.
        await toTop(page.locator(".day-set"));
        await shoot(page, `picker-day-${size}.png`);
        await createOutfits(page);
        await shoot(page, `reveal-complete-${size}.png`);
        const complete = jobOf(page);
        await act(page, button(cards.nth(0), "Save"));

        // A trip: four days in Oslo, day by day, and the packing list with
        // a piece already ticked.
        await open(page, `${url}/trip`);
        await page.getByLabel("Where are you going?").fill("Oslo");
        await page.getByLabel("How many days").selectOption("4");
        await page.getByLabel("Work", { exact: true }).check();
        await blur(page);
        await shoot(page, `trip-form-${size}.png`, true);
        await page.getByRole("button", { name: "Plan my trip" }).click();
        await page.locator('.reveal[data-status="complete"]').waitFor({
          timeout: 30_000,
        });
        await Promise.all([
          page.waitForResponse((r) => r.url().endsWith("/packing")),
          page.getByRole("region", { name: "Packing list" }).getByRole(
            "checkbox",
          ).first().click(),
        ]);
        await shoot(page, `trip-reveal-${size}.png`, true);

        // Debug mode: the reasoning, one block per outfit.
        await open(page, `${url}/occasion?debug=true`);
        await page.getByLabel("Work", { exact: true }).check();
        await createOutfits(page);
        await shoot(page, `reveal-debug-${size}.png`, true);
        const debugWork = jobOf(page);

        // The wardrobe as a new shopper finds it: the sample, labelled.
        await open(page, `${url}/wardrobe`);
        await shoot(page, `wardrobe-sample-${size}.png`);
        await shoot(page, `wardrobe-${size}.png`, true);

        // The date-night outfit worn again, twelve days ago; /looks.
        const worn = await page.request.post(`${url}/api/looks`, {
          data: { job_id: dateNight, outfit_number: 3, worn_on: daysAgo(12) },
        });
        assert.equal(worn.status(), 200);
        await open(page, `${url}/looks`);
        await shoot(page, `looks-${size}.png`, true);

        // More days worn, and a price paid for every piece ever worn: the
        // cost per wear on each of them.
        const wornIds = new Set<string>();
        for (
          const [job, outfit, days] of [
            [dateNight, 3, 20],
            [dateNight, 1, 5],
            [dateNight, 2, 9],
            [debugWork, 1, 2],
            [debugWork, 2, 7],
            [debugWork, 3, 15],
            [complete, 2, 3],
            [complete, 3, 11],
          ] as const
        ) {
          const res = await page.request.post(`${url}/api/looks`, {
            data: {
              job_id: job,
              outfit_number: outfit,
              worn_on: daysAgo(days),
            },
          });
          assert.ok(res.ok(), `${res.status()}`);
          for (const item of (await res.json()).look.items) {
            wornIds.add(item.id);
          }
        }
        const { items } = await (await page.request.get(`${url}/api/wardrobe`))
          .json();
        for (const { id, photo: _, ...item } of items) {
          if (!wornIds.has(id)) continue;
          const put = await page.request.put(
            `${url}/api/wardrobe/items/${id}`,
            { data: { ...item, price: PRICES[item.category] ?? 60 } },
          );
          assert.equal(put.status(), 200);
        }
        await open(page, `${url}/wardrobe`);
        const priced = page.locator(".item-card", {
          has: page.locator(".item-cost"),
        });
        assert.equal(await priced.count(), wornIds.size);
        // From the count of pieces down, if a priced piece shows there.
        await toTop(page.locator(".toolbar"));
        const seen = await priced.first().evaluate((el) =>
          el.getBoundingClientRect().bottom <= innerHeight
        );
        if (!seen) await toTop(priced.first());
        await shoot(page, `wardrobe-cost-per-wear-${size}.png`);

        // A piece added with a photo from the phone: the form with its
        // preview and the colour it found, then the piece on its tile.
        await button(page, "Add an item").click();
        await page.getByLabel("Name").fill("Navy merino jumper");
        await page.getByLabel("Category").selectOption("top");
        await page.getByLabel("Photo (optional)").setInputFiles({
          name: "IMG_0042.jpg",
          mimeType: "image/jpeg",
          buffer: await cameraJpeg(page),
        });
        await page.getByText(/^Colours from the photo: navy/).waitFor();
        await blur(page);
        await toTop(page.locator(".item-form"));
        await shoot(page, `item-photo-form-${size}.png`);
        await button(page, "Add to wardrobe").click();
        const tile = page.locator(".item-card", {
          has: page.getByRole("heading", {
            name: "Navy merino jumper",
            exact: true,
          }),
        });
        await tile.locator("img[src^='/photos/']").waitFor();
        await blur(page);
        await toTop(tile);
        await shoot(page, `wardrobe-photo-${size}.png`);

        // A piece deleted (Undo on offer), then the wardrobe emptied.
        await open(page, `${url}/wardrobe`);
        await button(page, "Delete Navy wool blazer").click();
        await page.locator("#undo").waitFor();
        await blur(page);
        await page.evaluate(() => scrollTo(0, 0));
        await shoot(page, `wardrobe-undo-${size}.png`);
        await page.request.post(`${url}/api/wardrobe/clear`);
        await open(page, `${url}/wardrobe`);
        await shoot(page, `wardrobe-empty-${size}.png`);
      } finally {
        await context.close();
      }
    });

    browserTest(`[docs] screenshots, ${size}, new shopper`, async (t) => {
      // Slow enough to catch the reveal page with one or two outfits in.
      await using server = await startTestServer({ localDelayMs: 2_500 });
      const context = await t.browser.newContext({ viewport });
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(20_000);
        const url = server.url;

        await open(page, `${url}/looks`);
        await shoot(page, `looks-empty-${size}.png`, true);

        await open(page, `${url}/occasion`);
        await page.getByLabel("Work", { exact: true }).check();
        await page.getByRole("button", { name: "Create outfits" }).click();
        await waitForReveal(page);
        await page.locator("article").nth(1).waitFor({ timeout: 30_000 });
        await blur(page);
        await shoot(page, `reveal-mid-generation-${size}.png`);
        const shown = await page.locator("article").count();
        assert.ok(shown <= 2, `caught with ${shown} cards, not 1 or 2`);
        if (size === "desktop") {
          await Deno.copyFile(
            path(`reveal-mid-generation-${size}.png`),
            path("screenshot.png"),
          );
        }
        await waitForEnd(page, "complete", 30_000);
      } finally {
        await context.close();
      }
    });
  }
}

/**
 * Pack for a trip, in Chromium: the shopper asks for five days in Oslo;
 * the reveal page says "Styling day k of 5…" as each day is styled, shows a
 * card per day with its date and forecast, and a packing list that grows
 * with the days; a tick survives a reload. Both pages are axe-clean at
 * 1280×800 and 390×844, where they are also photographed for review.
 */
import assert from "node:assert/strict";
import type { Browser } from "playwright-core";
import { daysAfter, dayWords } from "../../lib/client/days.ts";
import {
  assertAccessible,
  axeContext,
  DESKTOP,
  PHONE,
} from "../helpers/axe.ts";
import {
  ARTIFACTS,
  browserTest,
  readTimeline,
  recordRevealTimeline,
  waitForEnd,
  waitForReveal,
  watchViolations,
} from "../helpers/browser.ts";
import {
  everyBookableDay,
  OSLO,
  startFakeOpenMeteo,
} from "../helpers/fake_open_meteo.ts";
import { startTestServer } from "../helpers/server.ts";

/** Oslo in December: rain on even days, dry cold on odd ones. */
function startWinterOslo() {
  const days = everyBookableDay({ low: -6, high: -1, rain: 5, code: 1 });
  Object.keys(days).forEach((day, i) => {
    if (i % 2 === 0) days[day] = { low: 1, high: 4, rain: 85, code: 61 };
  });
  return startFakeOpenMeteo({ places: [OSLO], days: { Oslo: days } });
}

browserTest(
  "[browser] trip: five days in Oslo, styled day by day with each day's forecast, and a packing list that keeps its ticks",
  async ({ page }) => {
    await using weather = startWinterOslo();
    await using server = await startTestServer({ weather, localDelayMs: 200 });
    const violations = await watchViolations(page);
    await page.goto(`${server.url}/trip`);
    await page.locator("[data-island=trip_form][data-hydrated]").waitFor();
    const today = await page.getByLabel("First day").inputValue();
    const start = daysAfter(today, 1);
    await page.getByLabel("Where are you going?").fill("Oslo");
    await page.getByLabel("First day").selectOption(start);
    await page.getByLabel("How many days").selectOption("5");
    await page.getByRole("checkbox", { name: "Work", exact: true }).check();
    await recordRevealTimeline(page);
    await page.getByRole("button", { name: "Plan my trip" }).click();
    await waitForReveal(page);
    await waitForEnd(page);

    assert.equal(await page.locator("h1").textContent(), "5 days in Oslo");
    const styled = (await readTimeline(page)).map((e) => e.status);
    for (let k = 1; k <= 5; k++) {
      assert.ok(
        styled.some((s) => s.startsWith(`Styling day ${k} of 5`)),
        `"Styling day ${k} of 5…" was shown`,
      );
    }
    const eyebrows = await page.locator("article .eyebrow").allTextContents();
    assert.deepEqual(
      eyebrows,
      [0, 1, 2, 3, 4].map((i) =>
        `Day ${i + 1} · ${dayWords(daysAfter(start, i))}`
      ),
    );
    const forecasts = await page.locator("article .outfit-weather")
      .allTextContents();
    assert.equal(forecasts.length, 5, forecasts.join(" | "));
    assert.ok(forecasts.every((f) => /° to .*°, /.test(f)), forecasts.join());

    const list = page.getByRole("region", { name: "Packing list" });
    const boxes = list.getByRole("checkbox");
    const pieces = await boxes.count();
    assert.ok(pieces >= 4 && pieces <= 12, `${pieces} pieces packed`);
    assert.match(
      await list.locator("p").first().textContent() ?? "",
      new RegExp(`^${pieces} pieces for 5 days$`),
    );
    const first = boxes.first();
    const name = await list.locator(".packing-name").first().textContent();
    const saved = page.waitForResponse((r) =>
      r.url().endsWith("/packing") && r.request().method() === "PUT"
    );
    await first.check();
    assert.equal((await saved).status(), 200);
    await page.reload();
    await page.locator("[data-island=packing_list][data-hydrated]").waitFor();
    const again = page.getByRole("region", { name: "Packing list" });
    assert.equal(
      await again.getByRole("checkbox", { name: name ?? "" }).isChecked(),
      true,
      "the tick is kept",
    );
    assert.match(
      await again.locator("p").first().textContent() ?? "",
      / · 1 packed$/,
    );
    assert.deepEqual(violations, []);
  },
);

/** The form and a finished trip, axe-clean and photographed at both sizes. */
async function review(browser: Browser, url: string, viewport: typeof DESKTOP) {
  const context = await axeContext(browser, viewport);
  const page = await context.newPage();
  // Two plans and three axe runs per size, on two cores shared with the
  // rest of the suite.
  page.setDefaultTimeout(30_000);
  const size = `${viewport.width}x${viewport.height}`;
  const shot = async (name: string) => {
    await Deno.mkdir(ARTIFACTS, { recursive: true });
    await page.screenshot({
      path: decodeURIComponent(
        new URL(`trip-${name}-${size}.png`, ARTIFACTS).pathname,
      ),
      fullPage: true,
      animations: "disabled",
    });
  };
  try {
    await page.goto(`${url}/trip`);
    await page.locator("[data-island=trip_form][data-hydrated]").waitFor();
    // Tried without a place: the form says so by the field.
    await page.getByRole("button", { name: "Plan my trip" }).click();
    await page.getByText("Say where you are going").waitFor();
    await assertAccessible(page, `/trip with an error at ${size}`);
    await page.getByLabel("Where are you going?").fill("Oslo");
    await page.getByLabel("How many days").selectOption("4");
    await shot("form");
    await assertAccessible(page, `/trip at ${size}`);
    await page.getByRole("button", { name: "Plan my trip" }).click();
    await waitForReveal(page);
    await waitForEnd(page, "complete", 30_000);
    await page.getByRole("region", { name: "Packing list" }).getByRole(
      "checkbox",
    ).first().check();
    await page.getByText("· 1 packed").waitFor();
    await shot("reveal");
    await assertAccessible(page, `a trip's reveal at ${size}`);
  } finally {
    await context.close();
  }
}

browserTest(
  "[browser] trip: the form and a finished trip are axe-clean at 1280×800 and 390×844",
  async ({ browser }) => {
    await using weather = startWinterOslo();
    await using server = await startTestServer({ weather });
    for (const viewport of [DESKTOP, PHONE]) {
      await review(browser, server.url, viewport);
    }
  },
);

browserTest(
  "[browser] trip: a packing list island that starts after the last day arrived still lists every piece",
  async ({ page }) => {
    await using server = await startTestServer({ localDelayMs: 100 });
    // Islands hydrate in no set order: hold the packing list's module back
    // until the job has ended, so none of the reveal island's news reaches it.
    const released = Promise.withResolvers<void>();
    await page.route(/\/packing_list-[\w-]+\.js$/, async (route) => {
      await released.promise;
      await route.continue();
    });
    await page.goto(`${server.url}/trip`);
    await page.locator("[data-island=trip_form][data-hydrated]").waitFor();
    await page.getByLabel("Where are you going?").fill("Oslo");
    await page.getByLabel("How many days").selectOption("3");
    await page.getByRole("button", { name: "Plan my trip" }).click();
    await waitForReveal(page);
    await waitForEnd(page);
    released.resolve();
    const list = page.getByRole("region", { name: "Packing list" });
    await list.waitFor();
    assert.match(
      await list.locator("p").first().textContent() ?? "",
      /^\d+ pieces for 3 days$/,
    );
  },
);

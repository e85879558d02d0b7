/**
 * The stylist listens, in Chromium: the shopper chooses a day, a town and
 * writes notes; the reveal page says in one line what the outfits are
 * dressed for, before the first card, with Open-Meteo's credit; the town
 * is there next time. Every flow's form has the same three fields.
 */
import assert from "node:assert/strict";
import { dayWords } from "../../lib/client/days.ts";
import {
  browserTest,
  waitForEnd,
  watchViolations,
} from "../helpers/browser.ts";
import { startFreezingOslo } from "../helpers/fake_open_meteo.ts";
import { startTestServer } from "../helpers/server.ts";

browserTest(
  "[browser] day: tomorrow in Oslo with notes, said in one line before the first card; Oslo is kept for next time",
  async ({ page }) => {
    await using weather = startFreezingOslo();
    await using server = await startTestServer({ weather, localDelayMs: 300 });
    const violations = await watchViolations(page);
    await page.goto(`${server.url}/occasion`);
    await page.locator("[data-island=occasion_form][data-hydrated]").waitFor();
    await page.getByRole("checkbox", { name: "Date night", exact: true })
      .check();
    const when = page.getByLabel("When");
    const tomorrow = await page.evaluate(() => {
      const d = new Date(Date.now() + 86_400_000);
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    });
    const today = await page.evaluate(() => {
      const d = new Date();
      const pad = (n: number) => String(n).padStart(2, "0");
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    });
    assert.equal(await when.inputValue(), today, "the shopper's today");
    await when.selectOption(tomorrow);
    await page.getByLabel("Where (optional)").fill("Oslo");
    await page.getByLabel("Notes (optional)").fill(
      "No heels please, it's our anniversary",
    );
    await page.getByRole("button", { name: "Create outfits" }).click();
    await page.waitForURL(/\/reveal\?job=/);

    const line = page.locator(".day-line");
    await line.waitFor();
    assert.equal(
      await line.textContent(),
      `Oslo, ${dayWords(tomorrow)}: \u22125° to 1°, rain likely`,
    );
    const context = page.locator(".day-context");
    assert.match(
      await context.textContent() ?? "",
      /Following your notes: “no heels”\..*Also noted: “it's our anniversary”\./,
    );
    assert.equal(
      await context.getByRole("link", { name: "Open-Meteo.com" })
        .getAttribute("href"),
      "https://open-meteo.com/",
    );
    await waitForEnd(page);
    assert.equal(await page.locator("article").count(), 3);
    assert.deepEqual(violations, []);

    await page.goto(`${server.url}/complete`);
    await page.locator("[data-island=complete_form][data-hydrated]").waitFor();
    assert.equal(
      await page.getByLabel("Where (optional)").inputValue(),
      "Oslo",
    );
  },
);

browserTest(
  "[browser] day: without a town, the line gives the day and the season",
  async ({ page }) => {
    await using server = await startTestServer();
    await page.goto(`${server.url}/occasion`);
    await page.locator("[data-island=occasion_form][data-hydrated]").waitFor();
    await page.getByRole("checkbox", { name: "Work", exact: true }).check();
    await page.getByRole("button", { name: "Create outfits" }).click();
    await waitForEnd(page);
    assert.match(
      await page.locator(".day-line").textContent() ?? "",
      /^\w+day \d{1,2} \w+: dressed for (spring|summer|autumn|winter)$/,
    );
    assert.equal(
      await page.getByRole("link", { name: "Open-Meteo.com" }).count(),
      0,
      "no credit without its data",
    );
  },
);

browserTest(
  "[browser] day: the consider-buying review asks when and where too, and sends them",
  async ({ page }) => {
    await using weather = startFreezingOslo();
    await using server = await startTestServer({ weather });
    await page.goto(
      `${server.url}/consider-buying/outfits?name=Camel+wool+coat&category=outerwear&colors=camel`,
    );
    await page.locator("[data-island=generate_button][data-hydrated]")
      .waitFor();
    await page.getByLabel("Where").fill("Oslo");
    await page.getByRole("button", { name: "Create outfits" }).click();
    await waitForEnd(page);
    assert.match(
      await page.locator(".day-line").textContent() ?? "",
      /^Oslo, /,
    );
  },
);

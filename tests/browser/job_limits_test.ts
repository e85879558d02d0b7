/**
 * Starting jobs from the forms as a shopper meets it: over the per-shopper
 * limit (a real 429 from the server) the form says why in words and counts
 * down to when they may ask again; a submission retried after a lost answer
 * carries the same Idempotency-Key and so starts one job, not two.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  ARTIFACTS,
  browserTest,
  waitForEnd,
  waitForReveal,
} from "../helpers/browser.ts";
import { jobCount } from "../helpers/fixtures.ts";
import { startTestServer } from "../helpers/server.ts";

const UUID =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The Idempotency-Key of every generate request the page sends. */
function recordKeys(page: Page): string[] {
  const keys: string[] = [];
  page.on("request", (request) => {
    if (request.url().endsWith("/api/outfits/generate")) {
      keys.push(request.headers()["idempotency-key"] ?? "(none)");
    }
  });
  return keys;
}

async function askForPartyOutfits(page: Page, url: string) {
  await page.goto(`${url}/occasion`);
  await page.locator("[data-island=occasion_form][data-hydrated]").waitFor();
  await page.getByLabel("Party").check();
  await page.getByRole("button", { name: "Create outfits" }).click();
}

browserTest(
  "[browser] over the job limit: the server's sentence, a countdown on the button, then it comes back",
  async ({ context, page }) => {
    await using server = await startTestServer({
      limits: { concurrentJobs: 1 },
      localDelayMs: 1_000,
    });
    // First tab: a job that keeps the shopper's one slot busy for a while.
    await askForPartyOutfits(page, server.url);
    await waitForReveal(page);

    // Second tab, same shopper: asking again is refused, kindly.
    const second = await context.newPage();
    await second.clock.install();
    const keys = recordKeys(second);
    const refused = second.waitForResponse((r) =>
      r.url().endsWith("/api/outfits/generate")
    );
    await askForPartyOutfits(second, server.url);
    const answer = await refused;
    assert.equal(answer.status(), 429);
    const { error, retry_after_s } = await answer.json();
    assert.equal(answer.headers()["retry-after"], String(retry_after_s));

    const alert = second.getByRole("alert");
    assert.equal(await alert.textContent(), error, "the server's sentence");
    assert.doesNotMatch(error, /429|too many requests/i);
    const button = second.locator("form button[type=submit]");
    assert.equal(await button.textContent(), `Try again in ${retry_after_s} s`);
    assert.equal(await button.isDisabled(), true);
    await second.screenshot({
      path: decodeURIComponent(
        new URL("job-limit-refused.png", ARTIFACTS).pathname,
      ),
      fullPage: true,
    });

    // The countdown moves with the clock...
    await second.clock.runFor(5_000);
    assert.equal(
      await button.textContent(),
      `Try again in ${retry_after_s - 5} s`,
    );
    assert.equal(await button.isDisabled(), true);

    // ...and at 0 the button is back, once the first job has finished.
    await waitForEnd(page);
    await second.clock.runFor((retry_after_s - 5) * 1_000);
    assert.equal(await button.textContent(), "Create outfits");
    assert.equal(await button.isDisabled(), false);
    await button.click();
    await second.waitForURL(/\/reveal\?job=/);
    assert.equal(await jobCount(server.kv), 2, "the refused try made no job");

    // Both tries were one submission: one key, sent twice.
    assert.equal(keys.length, 2);
    assert.match(keys[0], UUID);
    assert.equal(keys[1], keys[0]);
    await waitForEnd(second);
  },
);

browserTest(
  "[browser] a submission retried after a lost answer starts one job, not two",
  async ({ page }) => {
    await using server = await startTestServer();
    const keys = recordKeys(page);
    // The first answer is lost on its way back: the job was made, but the
    // page only sees a broken connection.
    let firstJob = "";
    await page.route("**/api/outfits/generate", async (route) => {
      const response = await route.fetch();
      firstJob = (await response.json()).job_id;
      await route.abort("connectionreset");
    }, { times: 1 });
    await askForPartyOutfits(page, server.url);
    assert.match(
      await page.getByRole("alert").textContent() ?? "",
      /Can't reach Stylist/,
    );
    assert.ok(firstJob, "the server made a job");

    // Pressing again sends the same key; the server answers with that job.
    const replayed = page.waitForResponse((r) =>
      r.url().endsWith("/api/outfits/generate")
    );
    await page.getByRole("button", { name: "Create outfits" }).click();
    assert.equal((await replayed).headers()["idempotent-replayed"], "true");
    await waitForReveal(page);
    assert.equal(new URL(page.url()).searchParams.get("job"), firstJob);
    assert.equal(await jobCount(server.kv), 1);
    await waitForEnd(page);

    // A new submission (a new visit to the form) is a new key and a new job.
    await askForPartyOutfits(page, server.url);
    await waitForReveal(page);
    assert.notEqual(new URL(page.url()).searchParams.get("job"), firstJob);
    assert.equal(await jobCount(server.kv), 2);
    assert.equal(keys.length, 3);
    assert.equal(keys[1], keys[0]);
    assert.notEqual(keys[2], keys[0]);
    for (const key of keys) assert.match(key, UUID);
    await waitForEnd(page);
  },
);

/**
 * Consider buying in Chromium, from the form through the review to /reveal:
 * the verdict card is up before the first outfit card (streaming and
 * polling), says what `GET /api/jobs/:id` says and survives a reload;
 * every card marks the piece New. The verdict is made in the job's own
 * commit, so the page renders it on the server from the first byte.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import type { Verdict } from "../../lib/schemas.ts";
import { browserTest, waitForEnd, waitForReveal } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

/** Slow enough that "before the first card" means something. */
const PACE_MS = 600;
const LABELS = ["Great addition", "Worth considering", "Think twice"];

/** Whether the verdict card and outfit cards are on the page, per DOM change. */
async function recordVerdictTimeline(page: Page) {
  await page.addInitScript(() => {
    const w = globalThis as unknown as { __verdicts: unknown[] };
    w.__verdicts = [];
    new MutationObserver(() => {
      const d = globalThis.document;
      w.__verdicts.push({
        verdict: d.querySelector(".verdict-card") !== null,
        cards: d.querySelectorAll("article").length,
      });
    }).observe(globalThis.document, { subtree: true, childList: true });
  });
}

async function assertVerdictCameFirst(page: Page) {
  const timeline = await page.evaluate(() =>
    (globalThis as unknown as {
      __verdicts: { verdict: boolean; cards: number }[];
    }).__verdicts
  );
  const firstCard = timeline.findIndex((e) => e.cards > 0);
  assert.ok(firstCard > 0, "the page showed before the first card");
  assert.ok(
    timeline.slice(0, firstCard).some((e) => e.verdict),
    "the verdict was up before the first outfit card",
  );
  assert.ok(
    timeline.slice(firstCard).every((e) => e.verdict),
    "and stayed",
  );
}

/** Describes the jacket, reviews it and starts the outfits. */
async function considerBuying(page: Page, url: string, query = "") {
  await page.goto(`${url}/consider-buying${query}`);
  await page.getByLabel("What is it?").fill("Rust suede jacket");
  await page.getByLabel("Category").selectOption("outerwear");
  await page.getByRole("checkbox", { name: "rust", exact: true }).check();
  await page.getByText("More details (optional)").click();
  await page.getByLabel("Price").fill("180");
  await page.getByRole("button", { name: "Review" }).click();
  await page.getByRole("heading", { name: "Rust suede jacket" }).waitFor();
  const facts = await page.locator(".facts").textContent() ?? "";
  assert.match(facts, /CategoryOuterwear/);
  assert.match(facts, /Price€180\.00/);
  await page.locator("[data-island=generate_button][data-hydrated]")
    .waitFor();
  await page.getByRole("button", { name: "Create outfits" }).click();
  await waitForReveal(page);
}

const jobOf = (page: Page) => new URL(page.url()).searchParams.get("job")!;

async function apiVerdict(page: Page): Promise<Verdict> {
  const url = new URL(`/api/jobs/${jobOf(page)}`, page.url());
  const res = await page.request.get(url.href);
  return (await res.json()).verdict;
}

const count = (n: number) => n.toLocaleString("en");

/** The card says what the API says, number for number. */
async function assertCardMatches(page: Page, verdict: Verdict) {
  const card = page.getByRole("region", { name: /Should you buy it\?/ });
  assert.ok(LABELS.includes(verdict.label), verdict.label);
  assert.equal(
    await card.getByRole("heading", { level: 2 }).textContent(),
    verdict.label,
  );
  assert.deepEqual(
    await card.locator(".verdict-reasons p").allTextContents(),
    verdict.reasons,
  );
  const fact = (term: RegExp) =>
    card.locator(".verdict-fact").filter({
      has: page.locator("dt", { hasText: term }),
    });
  const unlocks = await fact(/^Outfits it/).textContent() ?? "";
  assert.ok(
    unlocks.includes(
      `${count(verdict.unlocks.outfits)}outfits, with ${
        count(verdict.unlocks.pairs_with)
      } of your ${count(verdict.unlocks.of)} pieces.`,
    ),
    unlocks,
  );
  const similar = fact(/^What you own like it$/);
  assert.ok(
    (await similar.textContent() ?? "").includes(verdict.similar.sentence),
  );
  assert.deepEqual(
    await similar.locator(".verdict-names li:not(.muted)").allTextContents(),
    verdict.similar.items.map((item) => item.name),
  );
  const gaps = await fact(/^Gaps it fills$/).locator("li").allTextContents();
  assert.deepEqual(
    gaps,
    verdict.gaps.map((g) =>
      `+${count(g.added)} outfit${
        g.added === 1 ? "" : "s"
      } for ${g.what}, where you had ${
        g.before === 0 ? "none" : count(g.before)
      }.`
    ),
  );
  const cost = fact(/^Cost per wear$/);
  assert.equal(
    await cost.locator(".verdict-figure").textContent(),
    verdict.cost_per_wear!.sentence,
  );
  await cost.getByText("How we worked this out").click();
  assert.equal(
    await cost.locator(".verdict-how p").textContent(),
    verdict.cost_per_wear!.how,
  );
}

/** Every card has the jacket in it, marked New, and nothing else is. */
async function assertCandidateMarked(page: Page) {
  const cards = await page.locator("article").all();
  assert.equal(cards.length, 3);
  for (const card of cards) {
    const marked = card.locator(".outfit-item").filter({
      has: page.locator(".item-new"),
    });
    assert.equal(await marked.count(), 1);
    assert.equal(
      await marked.locator(".item-name").textContent(),
      "Rust suede jacket",
    );
    assert.equal(
      await marked.locator(".item-new").textContent(),
      "New: the piece you're thinking of buying",
    );
    assert.ok(await marked.locator(".item-new").isVisible());
  }
}

browserTest(
  "[browser] verdict: streamed, up before the first outfit, the API's numbers, New in every card, kept on reload",
  async ({ page, screenshot }) => {
    await using server = await startTestServer({ localDelayMs: PACE_MS });
    await recordVerdictTimeline(page);
    await considerBuying(page, server.url);
    assert.equal(
      await page.locator(".reveal").getAttribute("data-transport"),
      "stream",
    );
    await page.locator("article").first().waitFor();
    await screenshot("verdict-mid-generation");
    await waitForEnd(page);
    await assertVerdictCameFirst(page);
    const verdict = await apiVerdict(page);
    await assertCardMatches(page, verdict);
    await assertCandidateMarked(page);
    // Only the card: the old one-line "unlocks 3 new outfits" is gone.
    assert.equal(await page.getByText(/unlocks \d+ new outfits/).count(), 0);
    await screenshot("verdict-complete");

    // The server renders it: a reload shows it before any script runs.
    const html = await (await page.request.get(page.url())).text();
    assert.ok(html.includes(`id="verdict-label">${verdict.label}</h2>`));
    await page.reload();
    await assertCardMatches(page, verdict);
  },
);

browserTest(
  "[browser] verdict: with polling (?stream=off) it is up before the first outfit too",
  async ({ page }) => {
    await using server = await startTestServer({ localDelayMs: PACE_MS });
    await recordVerdictTimeline(page);
    await considerBuying(page, server.url, "?stream=off");
    assert.match(page.url(), /stream=off/);
    assert.equal(
      await page.locator(".reveal").getAttribute("data-transport"),
      "poll",
    );
    await waitForEnd(page);
    await assertVerdictCameFirst(page);
    await assertCardMatches(page, await apiVerdict(page));
    await assertCandidateMarked(page);
  },
);

/**
 * Shopper and model text is shown as text, never as markup. Item names carry
 * `<script>` and attribute-breaking `"><img onerror>` payloads, an image URL
 * tries to close its `src`, and the model writes the same into titles,
 * reasoning and tips. Nothing may run (no `window.__xss`, no dialog), and,
 * whatever a Content-Security-Policy would block anyway, no element may be
 * made from the payloads: no event-handler attribute anywhere, no script but
 * our bundles, no `<img src=x>`; the literal text must be on screen. Checked
 * in the server's HTML (as sent, and parsed with JavaScript off) and in the
 * live, hydrated page.
 */
import assert from "node:assert/strict";
import type { APIRequestContext, Browser, Page } from "playwright-core";
import type { GenerateRequest, WardrobeItem } from "../../lib/schemas.ts";
import { createLocalStylist } from "../../lib/stylist/providers/local.ts";
import type { OutfitDraft } from "../../lib/stylist/types.ts";
import { browserTest, waitForEnd } from "../helpers/browser.ts";
import { chunkText } from "../helpers/fake_openai.ts";
import { startModelApp } from "../helpers/model_app.ts";
import { startTestServer } from "../helpers/server.ts";

const SCRIPT = "<script>window.__xss=1</script>";
const IMG = `"><img src=x onerror="window.__xss=1">`;
const SVG = "<svg onload=alert(document.domain)>";

const TEE = `Tee ${SCRIPT}`;
const JEANS = `Jeans ${IMG}`;
const BELT = `Belt ${SVG}`;
/** Valid as a URL; closes its `src` if ever written into HTML unescaped. */
const IMAGE_URL = `https://example.com/belt.png"onerror="window.__xss=1`;

const ITEMS = [
  {
    name: TEE,
    category: "top",
    colors: ["white"],
    formality: 2,
    seasons: ["spring", "summer", "autumn", "winter"],
  },
  {
    name: JEANS,
    category: "bottom",
    colors: ["denim"],
    formality: 2,
    seasons: ["spring", "summer", "autumn", "winter"],
  },
  {
    name: BELT,
    category: "accessory",
    colors: ["brown"],
    formality: 2,
    seasons: ["spring", "summer", "autumn", "winter"],
    image_url: IMAGE_URL,
  },
];

const title = (n: number) => `Look ${n} ${SCRIPT}`;
const reasoning = (n: number) => `Outfit ${n}: ${IMG} works. ${SCRIPT}`;
const tip = (n: number) => `Tip ${n}: ${SVG}`;

type Inertness = {
  xss: unknown;
  handlers: string[];
  scripts: string[];
  payloadImages: number;
};

/** What the document holds that a payload could have made. */
function inspect(page: Page): Promise<Inertness> {
  return page.evaluate(() => {
    const d = globalThis.document;
    return {
      xss: (globalThis as unknown as { __xss?: unknown }).__xss,
      handlers: [...d.querySelectorAll("*")].flatMap((el) =>
        [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) =>
          `<${el.tagName.toLowerCase()} ${a.name}>`
        )
      ),
      scripts: [...d.scripts].map((s) =>
        s.src ? new URL(s.src).pathname : `inline: ${s.textContent}`
      ),
      payloadImages: d.querySelectorAll('img[src="x"]').length,
    };
  });
}

async function assertInert(page: Page, where: string, dialogs: string[]) {
  const found = await inspect(page);
  assert.equal(found.xss, undefined, `${where}: a payload ran`);
  assert.deepEqual(found.handlers, [], `${where}: event handler attributes`);
  for (const script of found.scripts) {
    assert.match(script, /^\/static\/build\/[\w.-]+\.js$/, where);
  }
  assert.equal(found.payloadImages, 0, `${where}: <img src=x> was made`);
  assert.deepEqual(dialogs, [], `${where}: a dialog opened`);
}

/** The server's HTML as sent: every payload escaped, none verbatim. */
async function assertEscapedHtml(request: APIRequestContext, url: string) {
  const html = await (await request.get(url)).text();
  for (const raw of [SCRIPT, "<img src=x", "<svg onload", '"onerror="']) {
    assert.ok(!html.includes(raw), `${url} sends ${raw} unescaped`);
  }
  assert.match(html, /&lt;script(&gt;|>)window\.__xss=1&lt;\/script/);
}

/** The same HTML parsed by Chromium with JavaScript off: text, not elements. */
async function assertParsedAsText(
  browser: Browser,
  page: Page,
  url: string,
  texts: { selector: string; includes: string[] }[],
) {
  const context = await browser.newContext({
    javaScriptEnabled: false,
    storageState: await page.context().storageState(),
  });
  try {
    const still = await context.newPage();
    await still.route("https://example.com/**", (r) => r.abort());
    await still.goto(url);
    await assertInert(still, `${url} without JavaScript`, []);
    for (const { selector, includes } of texts) {
      const shown = await still.locator(selector).allTextContents();
      for (const text of includes) {
        assert.ok(
          shown.some((s) => s.includes(text)),
          `${url} without JavaScript: ${selector} shows ${text}`,
        );
      }
    }
  } finally {
    await context.close();
  }
}

/** Outfits the built-in stylist plans on the shopper's real wardrobe. */
async function plan(
  request: GenerateRequest,
  wardrobe: WardrobeItem[],
): Promise<OutfitDraft[]> {
  const drafts: OutfitDraft[] = [];
  for await (
    const event of createLocalStylist().generate({
      request,
      wardrobe,
      signal: new AbortController().signal,
      seed: "xss",
    })
  ) {
    if (event.type === "outfit") drafts.push(event.outfit);
  }
  return drafts;
}

/** The model's answer, with ids as the prompt it was sent names them. */
function answer(
  prompt: string,
  drafts: OutfitDraft[],
  wardrobe: WardrobeItem[],
): string {
  const shortByName = new Map<string, string>();
  for (
    const [, short, name] of prompt.matchAll(
      /^(i\d+) ("(?:[^"\\]|\\.)*")/gm,
    )
  ) {
    shortByName.set(JSON.parse(name), short);
  }
  const nameOf = new Map(wardrobe.map((item) => [item.id, item.name]));
  return JSON.stringify({
    outfits: drafts.map((draft, i) => ({
      reasoning: reasoning(i + 1),
      title: title(i + 1),
      item_ids: draft.item_ids.map((id) => shortByName.get(nameOf.get(id)!)),
      tip: tip(i + 1),
    })),
  });
}

browserTest(
  "[browser] item names and model text full of markup are shown as text",
  async ({ browser, page, screenshot }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    await page.route("https://example.com/**", (route) => route.abort());

    let drafts: OutfitDraft[] = [];
    let wardrobe: WardrobeItem[] = [];
    await using app = await startModelApp((recorded) => {
      const prompt = recorded.body.messages.at(-1).content;
      return {
        chunks: chunkText(answer(prompt, drafts, wardrobe), 12),
        paceMs: 10,
      };
    }, { maxRetries: 0, firstTokenTimeoutMs: 5_000, idleTimeoutMs: 5_000 });
    const { server, fake } = app;

    // The wardrobe: names and an image URL added through the API.
    await page.goto(`${server.url}/wardrobe`);
    const ids: string[] = [];
    for (const item of ITEMS) {
      const res = await page.request.post(`${server.url}/api/wardrobe/items`, {
        data: item,
      });
      assert.equal(res.status(), 201, await res.text());
      ids.push((await res.json()).id);
    }
    await page.reload();
    await page.locator("[data-island=wardrobe_editor][data-hydrated]")
      .waitFor();
    const names = await page.locator(".item-card .item-name").allTextContents();
    for (const name of [TEE, JEANS, BELT]) {
      assert.ok(names.includes(name), name);
    }
    assert.equal(
      await page.locator(`img[src^="https://example.com/"]`).getAttribute(
        "src",
      ),
      IMAGE_URL,
      "the image URL stayed inside its attribute",
    );
    await assertInert(page, "/wardrobe", dialogs);
    await assertEscapedHtml(page.request, `${server.url}/wardrobe`);
    await assertParsedAsText(browser, page, `${server.url}/wardrobe`, [
      { selector: ".item-name", includes: [TEE, JEANS, BELT] },
    ]);

    await page.goto(`${server.url}/complete`);
    await page.locator("[data-island=complete_form][data-hydrated]").waitFor();
    for (const name of [TEE, JEANS]) {
      await page.getByRole("checkbox", { name }).waitFor();
    }
    await assertInert(page, "/complete", dialogs);
    await assertEscapedHtml(page.request, `${server.url}/complete`);

    // The model styles around those pieces, writing markup of its own.
    const request: GenerateRequest = {
      mode: "complete",
      anchor_ids: [ids[0], ids[1]],
      include_reasoning: true,
      parallel: false,
    };
    wardrobe = (await (await page.request.get(`${server.url}/api/wardrobe`))
      .json()).items;
    drafts = await plan(request, wardrobe);
    assert.equal(drafts.length, 3);
    const started = await page.request.post(
      `${server.url}/api/outfits/generate`,
      { data: request },
    );
    assert.equal(started.status(), 202, await started.text());
    const reveal = `${server.url}/reveal?job=${
      (await started.json()).job_id
    }&debug=true`;

    const assertRevealShowsText = async (where: string) => {
      assert.deepEqual(await waitForEnd(page), [1, 2, 3].map(title), where);
      const cards = page.locator("article");
      for (let n = 1; n <= 3; n++) {
        const card = cards.nth(n - 1);
        assert.equal(
          await card.locator(".tip").textContent(),
          `Tip: ${tip(n)}`,
        );
        const pieces = await card.locator(".item-name").allTextContents();
        assert.ok(pieces.includes(TEE) && pieces.includes(JEANS), where);
      }
      const thinking = await page.locator(".reasoning-text").textContent();
      for (let n = 1; n <= 3; n++) {
        assert.ok(thinking?.includes(reasoning(n)), `${where}: reasoning ${n}`);
      }
      await assertInert(page, where, dialogs);
    };

    // Live: outfits and reasoning arrive over the stream into the island.
    await page.goto(reveal);
    await assertRevealShowsText("/reveal, live");
    assert.ok(
      fake.requests.length === 1,
      "one model request, so no outfit came from the fallback",
    );
    await screenshot("xss-reveal");
    // Rendered by the server, then hydrated.
    await page.reload();
    await assertRevealShowsText("/reveal, reloaded");
    await assertEscapedHtml(page.request, reveal);
    await assertParsedAsText(browser, page, reveal, [
      { selector: ".outfit-title", includes: [1, 2, 3].map(title) },
      { selector: ".tip", includes: [1, 2, 3].map(tip) },
      { selector: ".item-name", includes: [TEE, JEANS] },
      { selector: ".reasoning-text", includes: [1, 2, 3].map(reasoning) },
    ]);
  },
);

browserTest(
  "[browser] a candidate named like markup is shown as text",
  async ({ browser, page }) => {
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    await using server = await startTestServer();
    const name = `</title>${SCRIPT}`;
    const review = `${server.url}/consider-buying/outfits?${new URLSearchParams(
      { name, category: "outerwear", colors: "rust" },
    )}`;
    await page.goto(review);
    await page.getByRole("heading", { name: "Review the piece" }).waitFor();
    assert.ok((await page.locator("main").textContent())?.includes(name));
    await assertInert(page, "review", dialogs);
    await assertEscapedHtml(page.request, review);

    await page.getByRole("button", { name: "Create outfits" }).click();
    await page.waitForURL(/\/reveal\?job=/);
    await waitForEnd(page);
    assert.equal(
      await page.locator("h1").textContent(),
      `Outfits with the ${name}`,
    );
    assert.equal(await page.title(), `Outfits with the ${name} · Stylist`);
    await assertInert(page, "/reveal", dialogs);
    await assertEscapedHtml(page.request, page.url());
    await assertParsedAsText(browser, page, page.url(), [
      { selector: "h1", includes: [name] },
    ]);
  },
);

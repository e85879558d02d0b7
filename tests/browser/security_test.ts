/**
 * The Content-Security-Policy in a real browser: every page loads and its
 * islands hydrate with no violation reported, item photos from other sites
 * still show, and the policy is really enforced (an inline script injected on
 * purpose is blocked and reported).
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  browserTest,
  waitForEnd,
  waitForReveal,
  watchViolations,
} from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";
import { waitFor } from "../helpers/wait_for.ts";

/** A photo host on another origin, as an item's image URL would be. */
function startImageHost() {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#a2462a"/></svg>`;
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => new Response(svg, { headers: { "content-type": "image/svg+xml" } }),
  );
  return {
    // Chromium resolves `*.localhost` to loopback; a domain, as the schema wants.
    url: `http://img.localhost:${server.addr.port}/jacket.svg`,
    [Symbol.asyncDispose]: () => server.shutdown(),
  };
}

/** Every island marker on the page has been hydrated. */
async function waitForIslands(page: Page): Promise<number> {
  const islands = page.locator("[data-island]");
  const count = await islands.count();
  for (let i = 0; i < count; i++) {
    await page.locator("[data-island]").nth(i).and(
      page.locator('[data-hydrated="true"]'),
    ).waitFor();
  }
  return count;
}

browserTest(
  "[browser] every page runs under the CSP with no violation, islands hydrated",
  async ({ page, screenshot }) => {
    await using server = await startTestServer({ localDelayMs: 200 });
    await using images = startImageHost();
    const violations = await watchViolations(page);

    // The shopper's wardrobe gets an item photographed on another site.
    await page.goto(`${server.url}/`);
    const added = await page.evaluate(async (imageUrl) => {
      const res = await fetch("/api/wardrobe/items", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          name: "Rust suede jacket",
          category: "outerwear",
          colors: ["rust"],
          pattern: "solid",
          formality: 3,
          seasons: ["autumn"],
          image_url: imageUrl,
        }),
      });
      return res.status;
    }, images.url);
    assert.equal(added, 201, "a same-origin fetch from our page may write");

    const candidate = new URLSearchParams({
      name: "Rust suede jacket",
      category: "outerwear",
      colors: "rust",
      image_url: images.url,
    });
    const pages: [string, number][] = [
      ["/", 0],
      ["/wardrobe", 1],
      ["/occasion", 1],
      ["/complete", 1],
      ["/consider-buying", 0],
      [`/consider-buying/outfits?${candidate}`, 1],
      ["/no-such-page", 0],
    ];
    for (const [path, islands] of pages) {
      const res = await page.goto(`${server.url}${path}`);
      assert.match(
        res?.headers()["content-security-policy"] ?? "",
        /script-src 'self'/,
        `${path} is served with the CSP`,
      );
      await page.waitForLoadState("load");
      assert.equal(await waitForIslands(page), islands, `islands on ${path}`);
      assert.deepEqual(violations, [], `CSP violations on ${path}`);
    }

    // Photos from other sites show (img-src allows http: and https:).
    await page.goto(`${server.url}/consider-buying/outfits?${candidate}`);
    const photo = page.locator(`img[src="${images.url}"]`).first();
    await photo.waitFor();
    await page.waitForFunction(
      (img) => (img as HTMLImageElement).complete,
      await photo.elementHandle(),
    );
    assert.ok(
      await photo.evaluate((img) => (img as HTMLImageElement).naturalWidth) >
        0,
      "the item photo loaded",
    );
    // Swatches are painted by classes, not (blocked) style attributes.
    await page.goto(`${server.url}/consider-buying`);
    const swatch = page.locator(".swatch-navy").first();
    assert.equal(
      await swatch.evaluate((el) => getComputedStyle(el).backgroundColor),
      "rgb(31, 44, 77)",
    );

    // A whole flow: fetch to start, EventSource to watch, the progress fill.
    await page.goto(`${server.url}/occasion`);
    await waitForIslands(page);
    await page.getByLabel("Party").check();
    await page.getByRole("button", { name: "Create outfits" }).click();
    await waitForReveal(page);
    await waitForIslands(page);
    // (The bar's fill is an SVG attribute: no inline style for the CSP.)
    await screenshot("csp-reveal-running");
    assert.equal((await waitForEnd(page)).length, 3);
    // Done, the bar gives way to a one-line summary; reloaded, the server's
    // HTML alone draws the finished page.
    await page.reload();
    await page.locator('.reveal[data-status="complete"]').waitFor();
    assert.equal(await page.getByRole("progressbar").count(), 0);
    assert.match(
      await page.locator(".status-text").textContent() ?? "",
      /^Complete! 3 outfits ready in (under a second|\d+ s)\.$/,
    );
    await screenshot("csp-reveal-complete");
    assert.deepEqual(violations, [], "CSP violations during the flow");

    // The policy is enforced and the listener hears it: an injected inline
    // script does not run, and is reported.
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "globalThis.__injected = true";
      document.body.append(script);
      return (globalThis as { __injected?: boolean }).__injected ?? false;
    });
    assert.equal(ran, false, "an inline script must not run");
    await waitFor(() => violations.length > 0, {
      what: "a CSP violation report",
    });
    assert.match(violations.join("\n"), /script-src/);
  },
);

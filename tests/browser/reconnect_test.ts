/// <reference lib="dom" />
/**
 * Streams that survive a phone, in Chromium: the stream dropped mid-job
 * (EventSource reconnects by itself with Last-Event-ID, no polling), a
 * stream that will not open (polling, then back to the stream once it
 * works), a tab hidden and shown again, and a page frozen in the
 * back/forward cache. Each time the cards end exactly as the job's log
 * says, none twice.
 */
import assert from "node:assert/strict";
import type { Page, Request } from "playwright-core";
import { browserTest, waitForEnd, waitForReveal } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";
import { waitFor } from "../helpers/wait_for.ts";

async function startOccasion(page: Page, url: string) {
  await page.goto(`${url}/occasion`);
  await page.locator("[data-island=occasion_form][data-hydrated]").waitFor();
  await page.getByLabel("Casual").check();
  await page.getByRole("button", { name: "Create outfits" }).click();
  await waitForReveal(page);
}

const jobOf = (page: Page) => new URL(page.url()).searchParams.get("job")!;

/** The job as `GET /api/jobs/:id` has it (the shopper's own cookie). */
async function apiJob(page: Page, url: string) {
  const res = await page.request.get(`${url}/api/jobs/${jobOf(page)}`);
  return await res.json() as {
    status: string;
    outfits: { title: string }[];
    last_event_id: number;
  };
}

/** The cards are the job's outfits, in its order, each once. */
async function assertCardsAreTheLog(page: Page, url: string) {
  const titles = await waitForEnd(page);
  const job = await apiJob(page, url);
  assert.deepEqual(titles, job.outfits.map((o) => o.title));
  assert.equal(titles.length, 3);
  assert.equal(new Set(titles).size, 3, "no card twice");
}

const transport = (page: Page) =>
  page.locator(".reveal").getAttribute("data-transport");

/** The page's polls of the job's snapshot (not its stream). */
function recordPolls(page: Page): string[] {
  const polls: string[] = [];
  page.on("request", (r: Request) => {
    if (/\/api\/jobs\/[^/]+$/.test(new URL(r.url()).pathname)) {
      polls.push(r.url());
    }
  });
  return polls;
}

/**
 * The app behind a proxy that lets the first event stream carry the job up
 * to its first outfit and then cuts the connection, as a phone's network
 * does. It notes the `Last-Event-ID` each stream request came with (what
 * the server sees: the browser adds it below what Playwright's routes show).
 */
function droppingProxy(target: string) {
  const resumedFrom: (string | null)[] = [];
  let sentUpTo = 0;
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    async (req) => {
      const url = new URL(req.url);
      const headers = new Headers(req.headers);
      // The app's own origin check would see the proxy's port.
      for (const h of ["origin", "host", "accept-encoding"]) headers.delete(h);
      const res = await fetch(`${target}${url.pathname}${url.search}`, {
        method: req.method,
        headers,
        body: req.body ? await req.arrayBuffer() : undefined,
        redirect: "manual",
      });
      // Deno's fetch has already unzipped the body.
      const answer = new Headers(res.headers);
      for (const h of ["content-length", "content-encoding"]) answer.delete(h);
      const isStream = url.pathname.endsWith("/stream");
      if (!isStream || resumedFrom.push(req.headers.get("last-event-id")) > 1) {
        return new Response(res.body, { status: res.status, headers: answer });
      }
      let text = "";
      const cut = new TransformStream<string, string>({
        transform(chunk, controller) {
          text += chunk;
          const at = text.indexOf("event: outfit");
          const end = at < 0 ? -1 : text.indexOf("\n\n", at);
          if (end < 0) return controller.enqueue(chunk);
          const upTo = text.slice(0, end + 2);
          controller.enqueue(
            chunk.slice(0, chunk.length - (text.length - upTo.length)),
          );
          sentUpTo = Math.max(
            ...[...upTo.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1])),
          );
          // Ended early, as when an instance goes away mid-job; to
          // EventSource that is a dropped connection like any other.
          controller.terminate();
        },
      });
      const body = res.body!.pipeThrough(new TextDecoderStream())
        .pipeThrough(cut).pipeThrough(new TextEncoderStream());
      return new Response(body, { status: res.status, headers: answer });
    },
  );
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    resumedFrom,
    get sentUpTo() {
      return sentUpTo;
    },
    [Symbol.asyncDispose]: () => server.shutdown(),
  };
}

browserTest(
  "[reconnect] a stream dropped mid-job: EventSource resumes after its last event, no polling, no card twice",
  async ({ page }) => {
    await using server = await startTestServer({ localDelayMs: 1_200 });
    await using proxy = droppingProxy(server.url);
    const polls = recordPolls(page);
    await startOccasion(page, proxy.url);
    await page.locator("article").first().waitFor();
    await waitFor(() => proxy.resumedFrom.length >= 2, {
      what: "EventSource to reconnect",
      timeoutMs: 10_000,
    });
    assert.equal(proxy.resumedFrom[0], null, "the first connection is fresh");
    assert.ok(proxy.sentUpTo > 0);
    assert.equal(
      proxy.resumedFrom[1],
      String(proxy.sentUpTo),
      "the reconnection resumes after the last event received",
    );
    assert.equal((await apiJob(page, proxy.url)).status, "running", "mid-job");
    await assertCardsAreTheLog(page, proxy.url);
    assert.equal(await transport(page), "stream");
    assert.deepEqual(polls, [], "EventSource's own retry was enough");
  },
);

browserTest(
  "[reconnect] a stream that will not open: the page polls, then streams again once it works",
  async ({ page }) => {
    await using server = await startTestServer({ localDelayMs: 2_500 });
    let refused = 0;
    await page.route(
      "**/api/jobs/*/stream*",
      (route) =>
        refused++ === 0
          ? route.fulfill({ status: 503, body: "Service Unavailable" })
          : route.continue(),
    );
    await startOccasion(page, server.url);
    await page.locator('.reveal[data-transport="poll"]').waitFor();
    await page.locator('.reveal[data-transport="stream"]').waitFor({
      timeout: 10_000,
    });
    assert.equal(
      await page.locator(".reveal").getAttribute("data-status"),
      "running",
      "back on the stream before the job ended",
    );
    await assertCardsAreTheLog(page, server.url);
    assert.equal(await transport(page), "stream");
  },
);

/** Pretends the tab was hidden (a phone's screen off), or shown again. */
function setVisibility(page: Page, state: "hidden" | "visible") {
  return page.evaluate((state) => {
    Object.defineProperty(document, "visibilityState", {
      configurable: true,
      get: () => state,
    });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
}

/** Waits until the server's job has more outfits than the page shows. */
async function waitWhileAway(page: Page, url: string) {
  const shown = await page.locator("article").count();
  await waitFor(
    async () => (await apiJob(page, url)).outfits.length > shown,
    { what: "the job to move on", timeoutMs: 10_000 },
  );
  assert.equal(
    await page.locator("article").count(),
    shown,
    "the page let the stream go while away",
  );
}

browserTest(
  "[reconnect] a tab hidden and shown again catches up, then follows the stream",
  async ({ page }) => {
    await using server = await startTestServer({ localDelayMs: 900 });
    const streams: string[] = [];
    page.on(
      "request",
      (r) => r.url().includes("/stream") && streams.push(r.url()),
    );
    await startOccasion(page, server.url);
    await page.locator("article").first().waitFor();
    await setVisibility(page, "hidden");
    await waitWhileAway(page, server.url);
    const opened = streams.length;
    await setVisibility(page, "visible");
    await waitFor(() => streams.length > opened, { what: "a new stream" });
    assert.match(streams.at(-1)!, /lastEventId=[1-9]\d*/);
    await assertCardsAreTheLog(page, server.url);
    assert.equal(await transport(page), "stream");
  },
);

browserTest(
  "[reconnect] back from the back/forward cache, the page picks up where it was",
  async ({ page }) => {
    await using server = await startTestServer({ localDelayMs: 900 });
    await startOccasion(page, server.url);
    await page.locator("article").first().waitFor();
    await page.evaluate(() =>
      dispatchEvent(new PageTransitionEvent("pagehide", { persisted: true }))
    );
    await waitWhileAway(page, server.url);
    await page.evaluate(() =>
      dispatchEvent(new PageTransitionEvent("pageshow", { persisted: true }))
    );
    await assertCardsAreTheLog(page, server.url);
    assert.equal(await transport(page), "stream");
  },
);

/**
 * Hardening against other users: security headers on every response, writes
 * only from our own pages (the Origin check), and the session cookie's flags
 * and secret.
 */
import assert from "node:assert/strict";
import { createApp } from "../lib/app.ts";
import { PALETTE } from "../lib/colors.ts";
import { loadConfig } from "../lib/config.ts";
import type { Job } from "../lib/jobs/job.ts";
import { keys } from "../lib/kv.ts";
import { CROSS_ORIGIN_ERROR } from "../lib/same_origin.ts";
import {
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
} from "../lib/security_headers.ts";
import { loadSessionSecret, SESSION_COOKIE } from "../lib/session.ts";
import { JobFeeds } from "../lib/jobs/feed.ts";
import type { Stylist } from "../lib/stylist/types.ts";
import type { TestClient } from "./helpers/client.ts";
import { kvSnapshot, SCARF } from "./helpers/fixtures.ts";
import { startTestServer } from "./helpers/server.ts";
import { waitFor } from "./helpers/wait_for.ts";
import { readEvents } from "./helpers/sse_client.ts";

const OCCASION = { mode: "occasion", occasions: ["party"] };

function assertSecurityHeaders(res: Response, what: string) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    assert.equal(res.headers.get(name), value, `${name} on ${what}`);
  }
}

/** Starts outfit 1, then waits until the job is cancelled. */
const stalledStylist: Stylist = {
  name: "stalled",
  source: "local",
  async *generate({ signal }) {
    yield { type: "outfit_started", outfit_number: 1 };
    await new Promise((resolve) =>
      signal.addEventListener("abort", resolve, { once: true })
    );
    throw signal.reason;
  },
};

/** A request's headers with the cookie `client` holds. */
function withCookie(client: TestClient, headers: HeadersInit = {}): Headers {
  const all = new Headers(headers);
  if (client.cookie) all.set("cookie", client.cookie);
  return all;
}

/** The `stylist_session` value a response set, or null. */
function sessionCookie(res: Response): string | null {
  const setCookie = res.headers.get("set-cookie") ?? "";
  const match = setCookie.match(new RegExp(`${SESSION_COOKIE}=([^;]+)`));
  return match ? match[1] : null;
}

Deno.test("[security] headers on pages, API JSON, the SSE stream, assets, 404s and refusals", async () => {
  await using server = await startTestServer({ localDelayMs: 300 });
  const shopper = server.client();
  const check = async (path: string, init?: RequestInit) => {
    const res = await shopper.fetch(path, init);
    await res.body?.cancel();
    assertSecurityHeaders(res, path);
    return res;
  };
  for (const path of ["/", "/wardrobe", "/occasion", "/no-such-page"]) {
    assert.match(
      (await check(path)).headers.get("content-type") ?? "",
      /text\/html/,
    );
  }
  await check("/api/wardrobe");
  await check("/api/no-such-thing");
  await check("/static/css/base.css");
  const manifest = JSON.parse(
    await Deno.readTextFile(
      new URL("../static/build/manifest.json", import.meta.url),
    ),
  );
  const boot = await check(`/static/build/${manifest.boot}`);
  assert.match(boot.headers.get("content-type") ?? "", /javascript/);
  const refused = await check("/api/wardrobe/reset", {
    method: "POST",
    headers: { origin: "https://evil.example" },
  });
  assert.equal(refused.status, 403);

  // The stream still streams: its first event arrives while the job runs.
  const jobId = await shopper.generate(OCCASION);
  const stream = await shopper.stream(jobId);
  assertSecurityHeaders(stream, "the SSE stream");
  assert.equal(stream.headers.get("content-type"), "text/event-stream");
  assert.equal(stream.headers.get("content-encoding"), null);
  const events = readEvents(stream.body!);
  const first = await events.next();
  assert.equal(first.value?.event, "progress");
  const job = (await server.kv.get<Job>(keys.job(jobId))).value!;
  assert.notEqual(job.status, "complete", "first event before the job ended");
  for await (const _ of events) { /* to the end */ }
});

Deno.test("[security] the CSP allows scripts only from our origin", () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(";").map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
  assert.deepEqual(directives.get("script-src"), ["'self'"]);
  assert.deepEqual(directives.get("default-src"), ["'self'"]);
  assert.deepEqual(directives.get("style-src"), ["'self'"]);
  assert.deepEqual(directives.get("object-src"), ["'none'"]);
  assert.deepEqual(directives.get("base-uri"), ["'none'"]);
  assert.deepEqual(directives.get("frame-ancestors"), ["'none'"]);
  assert.deepEqual(directives.get("form-action"), ["'self'"]);
  assert.deepEqual(directives.get("connect-src"), ["'self'"]);
  assert.deepEqual(directives.get("img-src"), [
    "'self'",
    "data:",
    "https:",
    "http:",
  ]);
  assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe|strict-dynamic|\*/);
  assert.equal(SECURITY_HEADERS["X-Content-Type-Options"], "nosniff");
  assert.equal(SECURITY_HEADERS["X-Frame-Options"], "DENY");
  assert.equal(
    SECURITY_HEADERS["Referrer-Policy"],
    "strict-origin-when-cross-origin",
  );
});

Deno.test("[security] pages carry no inline script, style or event handler", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const jobId = await shopper.generate(OCCASION);
  await shopper.events(jobId);
  const pages = [
    "/",
    "/wardrobe",
    "/occasion",
    "/complete",
    "/consider-buying",
    "/consider-buying/outfits?name=Rust+jacket&category=outerwear&colors=rust&image_url=https%3A%2F%2Fimages.example%2Fjacket.jpg",
    "/consider-buying/outfits?name=&category=outerwear",
    `/reveal?job=${jobId}`,
    "/no-such-page",
  ];
  for (const path of pages) {
    const res = await shopper.fetch(path);
    const html = await res.text();
    assert.ok(res.status < 500, `${path}: ${res.status}`);
    assert.doesNotMatch(html, /\sstyle=/i, `${path}: a style attribute`);
    assert.doesNotMatch(html, /<style/i, `${path}: a <style> element`);
    assert.doesNotMatch(html, /\son[a-z]+=/i, `${path}: an inline handler`);
    for (const tag of html.match(/<script[^>]*>/gi) ?? []) {
      assert.match(tag, /\ssrc="\/static\/build\//, `${path}: ${tag}`);
    }
  }
});

Deno.test("[security] every palette colour has its swatch class", async () => {
  const css = await Deno.readTextFile(
    new URL("../static/css/pages.css", import.meta.url),
  );
  for (const [name, { hex }] of Object.entries(PALETTE)) {
    const rule = new RegExp(
      `\\.swatch-${name.replaceAll(" ", "-")} \\{\\s*background: ${hex};`,
    );
    assert.match(css, rule, `a .swatch class for "${name}"`);
  }
});

Deno.test("[security] a cross-origin write is refused with 403 on every state-changing route and writes nothing", async () => {
  // A lease far longer than the test: no heartbeat commit lands meanwhile.
  await using server = await startTestServer({
    stylist: stalledStylist,
    leaseMs: 600_000,
  });
  const owner = server.client();
  const item = await owner.send("POST", "/api/wardrobe/items", SCARF);
  assert.equal(item.status, 201);
  const jobId = await owner.generate(OCCASION);
  // "Creating outfit 1 of 3…" is the stalled job's last write until cancel.
  await waitFor(async () =>
    (await server.kv.get<Job>(keys.job(jobId))).value?.message ===
      "Creating outfit 1 of 3…"
  );
  try {
    await refuseEveryForgery(server, owner, jobId, item.body.id);
  } finally {
    // The shopper's own page may cancel it (and so ends the stalled job).
    const cancel = await owner.send("POST", `/api/jobs/${jobId}/cancel`);
    assert.equal(cancel.status, 200);
  }
});

async function refuseEveryForgery(
  server: Awaited<ReturnType<typeof startTestServer>>,
  owner: TestClient,
  jobId: string,
  itemId: string,
) {
  const before = await kvSnapshot(server.kv);

  const itemPath = `/api/wardrobe/items/${itemId}`;
  const routes: [string, string, unknown?][] = [
    ["POST", "/api/wardrobe/items", SCARF],
    ["PUT", itemPath, { ...SCARF, name: "Forged" }],
    ["PATCH", itemPath, { name: "Forged" }],
    ["DELETE", itemPath],
    ["POST", "/api/wardrobe/reset"],
    ["POST", "/api/outfits/generate", OCCASION],
    ["POST", `/api/jobs/${jobId}/cancel`],
  ];
  const port = new URL(server.url).port;
  const forgeries: [string, Record<string, string>][] = [
    ["another site", { origin: "https://evil.example" }],
    ["an opaque origin", { origin: "null" }],
    ["another port", { origin: `http://127.0.0.1:${Number(port) + 1}` }],
    ["another scheme", { origin: `https://127.0.0.1:${port}` }],
    ["another host name", { origin: `http://localhost:${port}` }],
    ["Sec-Fetch-Site", { "sec-fetch-site": "cross-site" }],
    ["both", { origin: server.url, "sec-fetch-site": "cross-site" }],
  ];
  for (const [method, path, body] of routes) {
    for (const [what, headers] of forgeries) {
      for (const cookie of [true, false]) {
        const res = await fetch(`${server.url}${path}`, {
          method,
          headers: cookie
            ? withCookie(owner, {
              ...headers,
              "content-type": "application/json",
            })
            : { ...headers, "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const label = `${method} ${path} from ${what}${
          cookie ? "" : " (no cookie)"
        }`;
        assert.equal(res.status, 403, label);
        assert.deepEqual(await res.json(), { error: CROSS_ORIGIN_ERROR });
        assert.equal(res.headers.get("set-cookie"), null, `${label}: cookie`);
      }
    }
  }
  assert.deepEqual(await kvSnapshot(server.kv), before, "nothing was written");
}

Deno.test("[security] same-origin and Origin-less writes go through", async () => {
  await using server = await startTestServer();
  const port = new URL(server.url).port;
  const variants: [string, Record<string, string>][] = [
    ["no Origin", {}],
    ["own Origin", { origin: server.url, "sec-fetch-site": "same-origin" }],
    ["same-site", { origin: server.url, "sec-fetch-site": "same-site" }],
    ["behind an https proxy", {
      origin: `https://127.0.0.1:${port}`,
      "x-forwarded-proto": "https",
    }],
  ];
  for (const [what, headers] of variants) {
    const shopper = server.client();
    const send = async (method: string, path: string, body?: unknown) => {
      const res = await shopper.fetch(path, {
        method,
        headers: { ...headers, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      await res.body?.cancel();
      return res.status;
    };
    const added = await shopper.fetch("/api/wardrobe/items", {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(SCARF),
    });
    assert.equal(added.status, 201, `add, ${what}`);
    const { id } = await added.json();
    const itemPath = `/api/wardrobe/items/${id}`;
    assert.equal(await send("PUT", itemPath, SCARF), 200, `edit, ${what}`);
    assert.equal(await send("DELETE", itemPath), 204, `delete, ${what}`);
    assert.equal(await send("POST", "/api/wardrobe/reset"), 200, what);
    const started = await shopper.fetch("/api/outfits/generate", {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(OCCASION),
    });
    assert.equal(started.status, 202, `generate, ${what}`);
    const { job_id } = await started.json();
    assert.ok(
      [200, 409].includes(await send("POST", `/api/jobs/${job_id}/cancel`)),
      `cancel, ${what}`,
    );
    await shopper.events(job_id);
  }
});

/** The app in-process over its own store, for what needs no worker. */
async function bareApp(
  options: { secret?: string; allowedOrigins?: string[]; kv?: Deno.Kv } = {},
) {
  const kv = options.kv ?? await Deno.openKv(":memory:");
  const app = createApp({
    kv,
    feeds: new JobFeeds(),
    sessionSecret: options.secret ?? "test-secret",
    allowedOrigins: options.allowedOrigins,
  });
  return { app, kv };
}

Deno.test("[security] an error answer carries the headers too", async () => {
  const { app, kv } = await bareApp();
  kv.close(); // Every read now throws: the app answers 500 from onError.
  const res = await app.request("http://shop.test/api/wardrobe");
  assert.equal(res.status, 500);
  assert.deepEqual(await res.json(), {
    error: "Something went wrong on our side",
  });
  assertSecurityHeaders(res, "a 500");
});

Deno.test("[security] ALLOWED_ORIGINS trusts exactly the origins it names", async () => {
  const { app, kv } = await bareApp({
    allowedOrigins: ["https://shop.example"],
  });
  try {
    const reset = (headers: Record<string, string>) =>
      app.request("http://stylist.internal/api/wardrobe/reset", {
        method: "POST",
        headers,
      });
    assert.equal(
      (await reset({
        origin: "https://shop.example",
        "sec-fetch-site": "cross-site",
      })).status,
      200,
    );
    assert.equal(
      (await reset({ origin: "https://other.example" })).status,
      403,
    );
    assert.equal(
      (await reset({ origin: "http://shop.example" })).status,
      403,
    );
    assert.equal((await reset({ "sec-fetch-site": "cross-site" })).status, 403);
  } finally {
    kv.close();
  }

  const env = (vars: Record<string, string>) =>
    loadConfig({ get: (name) => vars[name] });
  assert.deepEqual(env({}).allowedOrigins, []);
  assert.deepEqual(
    env({ ALLOWED_ORIGINS: "https://shop.example, http://localhost:8000/" })
      .allowedOrigins,
    ["https://shop.example", "http://localhost:8000"],
  );
  for (const bad of ["shop.example", "https://shop.example/path", "ftp://x"]) {
    assert.throws(
      () => env({ ALLOWED_ORIGINS: bad }),
      /ALLOWED_ORIGINS/,
      bad,
    );
  }
});

Deno.test("[security] the session cookie is HttpOnly, SameSite=Lax, Path=/, Secure only over https", async () => {
  const { app, kv } = await bareApp();
  try {
    const cookieOf = async (url: string, headers: Record<string, string>) => {
      const res = await app.request(url, { headers });
      await res.body?.cancel();
      const cookie = res.headers.get("set-cookie") ?? "";
      assert.match(cookie, new RegExp(`^${SESSION_COOKIE}=[^;]+\\.[^;]+;`));
      for (const flag of [/; HttpOnly/, /; SameSite=Lax/, /; Path=\//]) {
        assert.match(cookie, flag, `${url}: ${cookie}`);
      }
      return cookie;
    };
    assert.doesNotMatch(await cookieOf("http://shop.test/", {}), /Secure/);
    assert.doesNotMatch(
      await cookieOf("http://shop.test/", { "x-forwarded-proto": "http" }),
      /Secure/,
    );
    assert.match(await cookieOf("https://shop.test/", {}), /; Secure/);
    assert.match(
      await cookieOf("http://shop.test/", { "x-forwarded-proto": "https" }),
      /; Secure/,
    );
  } finally {
    kv.close();
  }
});

Deno.test("[security] with no SESSION_SECRET one is generated, kept in KV and reused by the next app", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    assert.equal((await kv.get(keys.sessionSecret())).value, null);
    const first = await loadSessionSecret(kv, undefined);
    assert.ok(first.length >= 32, "a long random secret");
    assert.equal((await kv.get(keys.sessionSecret())).value, first);
    const second = await loadSessionSecret(kv, undefined);
    assert.equal(second, first);

    // A shopper of the first app is the same shopper on the second.
    const one = (await bareApp({ kv, secret: first })).app;
    const two = (await bareApp({ kv, secret: second })).app;
    const added = await one.request("http://shop.test/api/wardrobe/items", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(SCARF),
    });
    assert.equal(added.status, 201);
    const cookie = `${SESSION_COOKIE}=${sessionCookie(added)}`;
    const listed = await two.request("http://shop.test/api/wardrobe", {
      headers: { cookie },
    });
    assert.equal(listed.headers.get("set-cookie"), null, "no new session");
    const { items } = await listed.json();
    assert.ok(items.some((i: { name: string }) => i.name === SCARF.name));

    // A secret from the environment wins and is not stored.
    const other = await Deno.openKv(":memory:");
    assert.equal(await loadSessionSecret(other, "from-env"), "from-env");
    assert.equal((await other.get(keys.sessionSecret())).value, null);
    other.close();
  } finally {
    kv.close();
  }
});

Deno.test("[security] a cookie signed with another secret is a new shopper", async () => {
  const kv = await Deno.openKv(":memory:");
  try {
    const ours = (await bareApp({ kv, secret: "ours" })).app;
    const theirs = (await bareApp({ kv, secret: "theirs" })).app;
    const added = await theirs.request("http://shop.test/api/wardrobe/items", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(SCARF),
    });
    assert.equal(added.status, 201);
    const forged = sessionCookie(added)!;
    const res = await ours.request("http://shop.test/api/wardrobe", {
      headers: { cookie: `${SESSION_COOKIE}=${forged}` },
    });
    const fresh = sessionCookie(res);
    assert.ok(fresh, "a new session was issued");
    const userOf = (v: string) => decodeURIComponent(v).split(".")[0];
    assert.notEqual(userOf(fresh), userOf(forged));
    const { items } = await res.json();
    assert.ok(!items.some((i: { name: string }) => i.name === SCARF.name));
  } finally {
    kv.close();
  }
});

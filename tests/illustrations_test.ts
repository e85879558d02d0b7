/**
 * GET /illustrations/item.svg over real HTTP: the drawing the URL names, as
 * a cacheable SVG image with the app's security headers and no cookie; and
 * a 400 with a JSON reason for every query value off our lists, without the
 * value ever coming back.
 */
import assert from "node:assert/strict";
import { inferKind } from "../lib/illustrations/kind.ts";
import { renderIllustration } from "../lib/illustrations/render.ts";
import {
  ILLUSTRATION_PATH,
  illustrationUrl,
} from "../lib/illustrations/url.ts";
import { SAMPLE_WARDROBE } from "../lib/sample_wardrobe.ts";
import { CONTENT_SECURITY_POLICY } from "../lib/security_headers.ts";
import { startTestServer } from "./helpers/server.ts";

Deno.test("[illustrations] every sample piece's URL answers with its drawing, cached for a year, with no cookie", async () => {
  await using server = await startTestServer();
  for (const item of SAMPLE_WARDROBE) {
    const res = await fetch(server.url + illustrationUrl(item));
    const body = await res.text();
    assert.equal(res.status, 200, item.name);
    assert.equal(
      res.headers.get("content-type"),
      "image/svg+xml; charset=utf-8",
    );
    assert.equal(res.headers.get("x-content-type-options"), "nosniff");
    assert.equal(
      res.headers.get("cache-control"),
      "public, max-age=31536000, immutable",
    );
    assert.equal(
      res.headers.get("content-security-policy"),
      CONTENT_SECURITY_POLICY,
    );
    assert.equal(res.headers.get("x-frame-options"), "DENY");
    assert.equal(
      res.headers.get("set-cookie"),
      null,
      "drawings need no session",
    );
    assert.equal(
      body,
      renderIllustration({
        kind: inferKind(item.name, item.category),
        colors: item.colors,
        pattern: item.pattern,
      }),
      item.name,
    );
  }
});

Deno.test("[illustrations] a kind given by name, and a URL from before a redraw", async () => {
  await using server = await startTestServer();
  const svg = (query: string) =>
    fetch(`${server.url}${ILLUSTRATION_PATH}?${query}`);
  const byKind = await svg("cat=shoes&k=heels&c=red");
  assert.equal(
    await byKind.text(),
    renderIllustration({ kind: "heels", colors: ["red"], pattern: "solid" }),
  );
  // No version, or an old one: drawn as today, but not kept.
  for (const query of ["cat=top&c=navy", "v=0&cat=top&c=navy"]) {
    const res = await svg(query);
    await res.body?.cancel();
    assert.equal(res.status, 200, query);
    assert.equal(
      res.headers.get("cache-control"),
      "public, max-age=0, must-revalidate",
    );
  }
  // A name is read for its kind and never written: markup in it is inert.
  const named = await svg(
    `cat=top&c=white&n=${
      encodeURIComponent('<script>alert(1)</script>"><svg onload=x>')
    }`,
  );
  const body = await named.text();
  assert.equal(named.status, 200);
  assert.equal(
    body,
    renderIllustration({ kind: "tee", colors: ["white"], pattern: "solid" }),
  );
});

const HOSTILE: [string, string][] = [
  ["no category", "c=red"],
  ["no colours", "cat=top"],
  ["an unknown category", "cat=hat&c=red"],
  ["a script for a category", "cat=%3Cscript%3E&c=red"],
  ["an unknown colour", "cat=top&c=chartreuse"],
  ["a script for a colour", "cat=top&c=%3Cscript%3Ealert(1)%3C%2Fscript%3E"],
  ["a colour as CSS", "cat=top&c=%23ff0000"],
  ["a colour with a quote", "cat=top&c=red%22%20onload%3D%22x"],
  ["an empty colour", "cat=top&c="],
  ["a trailing comma", "cat=top&c=red,"],
  ["five colours", "cat=top&c=red,navy,white,black,grey"],
  ["a repeated colour", "cat=top&c=red,red"],
  ["a long colour list", `cat=top&c=${"red,".repeat(500)}red`],
  ["an unknown pattern", "cat=top&c=red&p=polka"],
  ["a pattern as a URL", "cat=top&c=red&p=url(https://evil.example/x)"],
  ["an unknown kind", "cat=top&k=cape&c=red"],
  ["a kind with markup", "cat=top&k=%3Csvg%3E&c=red"],
  ["an over-long name", `cat=top&c=red&n=${"shirt ".repeat(40)}`],
  ["a name twice", "cat=top&c=red&n=tee&n=shirt"],
  ["a colour twice", "cat=top&c=red&c=navy"],
  ["an unknown parameter", "cat=top&c=red&style=fill:red"],
  ["an unknown parameter with markup", "cat=top&c=red&%3Cscript%3E=1"],
  ["a version that is not a number", "v=latest&cat=top&c=red"],
  ["a huge version", "v=123456789&cat=top&c=red"],
];

Deno.test("[illustrations] query values off our lists get a 400 that never repeats them", async () => {
  await using server = await startTestServer();
  for (const [what, query] of HOSTILE) {
    const res = await fetch(`${server.url}${ILLUSTRATION_PATH}?${query}`);
    const text = await res.text();
    assert.equal(res.status, 400, what);
    assert.match(
      res.headers.get("content-type") ?? "",
      /application\/json/,
      what,
    );
    assert.equal(res.headers.get("x-content-type-options"), "nosniff", what);
    assert.equal(res.headers.get("cache-control"), "no-store", what);
    assert.equal(res.headers.get("set-cookie"), null, what);
    const body = JSON.parse(text);
    assert.equal(body.error, "Invalid illustration", what);
    assert.ok(body.issues.length > 0, what);
    assert.doesNotMatch(
      text,
      /script|svg|onload|evil|chartreuse|polka|cape|latest/i,
      what,
    );
  }
});

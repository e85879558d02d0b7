/**
 * Server-rendered pages over real HTTP: which ship JavaScript, what the
 * island markers carry, who may see a reveal page, and how assets are
 * cached. Needs the island bundles (`deno task test` builds them first).
 */
import assert from "node:assert/strict";
import { startTestServer } from "./helpers/server.ts";

/** The JSON in every island marker of a page, by island name. */
function islandProps(html: string): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const m of html.matchAll(/data-island="(\w+)" data-props="([^"]*)"/g)) {
    const json = m[2].replaceAll("&quot;", '"').replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">").replaceAll("&#39;", "'").replaceAll(
        "&amp;",
        "&",
      );
    props[m[1]] = JSON.parse(json);
  }
  return props;
}

const scripts = (html: string) => html.match(/<script\b[^>]*>/g) ?? [];

Deno.test("[pages] pages without islands ship no script; pages with one load only the boot module", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  for (const path of ["/", "/consider-buying", "/nowhere"]) {
    const res = await shopper.fetch(path);
    const html = await res.text();
    assert.match(res.headers.get("content-type") ?? "", /text\/html/);
    assert.deepEqual(scripts(html), [], path);
  }
  for (
    const [path, island] of [
      ["/wardrobe", "wardrobe_editor"],
      ["/occasion", "occasion_form"],
      ["/complete", "complete_form"],
    ]
  ) {
    const html = await (await shopper.fetch(path)).text();
    assert.equal(scripts(html).length, 1, path);
    assert.match(
      scripts(html)[0] ?? "",
      /type="module" src="\/static\/build\/boot-\w{8}\.js"/,
    );
    assert.deepEqual(Object.keys(islandProps(html)), [island], path);
    assert.match(
      html,
      /rel="modulepreload" href="\/static\/build\/\w+-\w{8}\.js"/,
    );
  }
});

Deno.test("[pages] island props survive markup and line separators in shopper text", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const name = '</script><script>alert(1)</script> \u2028\u2029 & "q"';
  const added = await shopper.send("POST", "/api/wardrobe/items", {
    name,
    category: "top",
    colors: ["red"],
    formality: 2,
    seasons: ["summer"],
  });
  assert.equal(added.status, 201);
  const html = await (await shopper.fetch("/wardrobe")).text();
  assert.equal(html.includes("<script>alert(1)"), false);
  const { wardrobe_editor } = islandProps(html) as {
    wardrobe_editor: { items: { name: string }[] };
  };
  assert.ok(wardrobe_editor.items.some((item) => item.name === name.trim()));
});

Deno.test("[pages] /reveal renders the snapshot for its owner and 404 for anyone else", async () => {
  await using server = await startTestServer({ streaming: false });
  const owner = server.client();
  const jobId = await owner.generate({ mode: "occasion", occasions: ["work"] });
  await owner.events(jobId);

  const res = await owner.fetch(`/reveal?job=${jobId}&debug=true`);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("cache-control"), "private, no-store");
  const html = await res.text();
  assert.match(html, /<h1>Work outfits<\/h1>/);
  const { reveal } = islandProps(html) as {
    reveal: {
      snapshot: {
        job_id: string;
        status: string;
        outfits: unknown[];
        last_event_id: number;
      };
      request: { mode: string };
      flags: { debug: boolean };
      streaming: boolean;
    };
  };
  assert.equal(reveal.snapshot.job_id, jobId);
  assert.equal(reveal.snapshot.status, "complete");
  assert.equal(reveal.snapshot.outfits.length, 3);
  assert.ok(reveal.snapshot.last_event_id > 3);
  assert.equal(reveal.request.mode, "occasion");
  assert.equal(reveal.flags.debug, true);
  assert.equal(reveal.streaming, false, "STREAMING=off reaches the island");
  assert.equal(
    (html.match(/<article/g) ?? []).length,
    3,
    "cards rendered on the server",
  );

  const stranger = server.client();
  assert.equal((await stranger.fetch(`/reveal?job=${jobId}`)).status, 404);
  assert.equal((await owner.fetch("/reveal?job=nope")).status, 404);
  assert.equal((await owner.fetch("/reveal")).status, 404);
});

Deno.test("[pages] consider-buying review: a bad description comes back with messages", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const bad = await shopper.fetch(
    "/consider-buying/outfits?name=&category=top",
  );
  assert.equal(bad.status, 400);
  const html = await bad.text();
  assert.match(html, /class="field-error"/);
  assert.deepEqual(scripts(html), []);

  const good = await shopper.fetch(
    "/consider-buying/outfits?name=Rust+jacket&category=outerwear&colors=rust&price=120&formality=&debug=true",
  );
  assert.equal(good.status, 200);
  const { generate_button } = islandProps(await good.text()) as {
    generate_button: { request: unknown };
  };
  assert.deepEqual(generate_button.request, {
    mode: "consider_buying",
    candidate: {
      name: "Rust jacket",
      category: "outerwear",
      colors: ["rust"],
      price: 120,
    },
    include_reasoning: true,
    parallel: false,
  });
});

Deno.test("[pages] hashed assets are immutable and carry no cookie", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const html = await (await shopper.fetch("/occasion")).text();
  const boot = /src="(\/static\/build\/boot-\w{8}\.js)"/.exec(html)![1];
  const css = /href="(\/static\/build\/styles-\w{8}\.css)"/.exec(html)![1];
  for (const [path, type] of [[boot, "javascript"], [css, "text/css"]]) {
    const res = await fetch(server.url + path);
    await res.body?.cancel();
    assert.equal(res.status, 200, path);
    assert.match(res.headers.get("content-type") ?? "", new RegExp(type));
    assert.equal(
      res.headers.get("cache-control"),
      "public, max-age=31536000, immutable",
    );
    assert.equal(res.headers.get("set-cookie"), null);
  }
  const missing = await fetch(`${server.url}/static/build/nope-12345678.js`);
  await missing.body?.cancel();
  assert.equal(missing.status, 404);
});

/**
 * Words and states a shopper meets before any submit, rendered by the
 * server: the sample wardrobe labelled as one, an empty wardrobe said
 * plainly where a form could only fail, every field message a sentence,
 * and the heading font served from our own build. Needs the bundles
 * (`deno task test` builds them first).
 */
import assert from "node:assert/strict";
import {
  apiIssues,
  OCCASIONS,
  PIECE,
  sentence,
  zodIssues,
} from "../components/field_issues.ts";
import { CandidateItem, NewWardrobeItem } from "../lib/schemas.ts";
import { startTestServer } from "./helpers/server.ts";

const SAMPLE_NOTE = "This is a sample wardrobe to try Stylist with.";
const EMPTY = "Your wardrobe is empty";

Deno.test("[pages] home: the sample wardrobe is labelled as one until it is the shopper's", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  let html = await (await shopper.fetch("/")).text();
  assert.ok(html.includes(SAMPLE_NOTE), "the note");
  assert.match(html, /<a href="\/wardrobe">Make it yours<\/a>/);
  assert.match(html, /<h2 id="glance-title">The sample wardrobe<\/h2>/);
  // Each category counted in words, not its id ("8 top", "3 dress").
  for (const words of ["8 tops", "8 bottoms", "3 dresses", "4 accessories"]) {
    const [count, name] = words.split(" ");
    assert.match(
      html,
      new RegExp(`<span class="glance-count">${count}</span>\\s*${name}<`),
      words,
    );
  }

  const kept = await shopper.send("POST", "/api/wardrobe/keep");
  assert.equal(kept.status, 200);
  html = await (await shopper.fetch("/")).text();
  assert.equal(html.includes(SAMPLE_NOTE), false, "kept: no note");
  assert.match(html, /<h2 id="glance-title">Your wardrobe<\/h2>/);
  assert.match(html, /Add, edit or reset/);
  // Debug mode follows the shopper into the link.
  html = await (await server.client().fetch("/?debug=true")).text();
  assert.match(html, /<a href="\/wardrobe\?debug=true">Make it yours<\/a>/);
});

Deno.test("[pages] empty wardrobe: every page that needs pieces says so, with no form that could only fail", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  assert.equal((await shopper.send("POST", "/api/wardrobe/clear")).status, 200);

  for (
    const path of [
      "/",
      "/occasion",
      "/consider-buying",
      "/consider-buying/outfits?name=Rust+jacket&category=outerwear&colors=rust",
    ]
  ) {
    const res = await shopper.fetch(path);
    assert.equal(res.status, 200, path);
    const html = await res.text();
    assert.ok(html.includes(`<h2 id="empty-title">${EMPTY}</h2>`), path);
    assert.match(
      html,
      /<a class="button button-primary" href="\/wardrobe">Add your pieces<\/a>/,
      path,
    );
    assert.equal(html.includes("data-island"), false, `${path}: no island`);
    assert.equal(/<form\b/.test(html), false, `${path}: no form`);
    assert.equal(html.includes(SAMPLE_NOTE), false, `${path}: not a sample`);
  }
  // The review still shows the piece described, only not the button.
  const review = await (await shopper.fetch(
    "/consider-buying/outfits?name=Rust+jacket&category=outerwear&colors=rust",
  )).text();
  assert.match(review, /<h2 id="candidate-name">Rust jacket<\/h2>/);
  // Home: no "0 pieces" glance.
  const home = await (await shopper.fetch("/")).text();
  assert.equal(home.includes("glance-title"), false);

  // One piece is enough for the forms to come back.
  const added = await shopper.send("POST", "/api/wardrobe/items", {
    name: "Navy cardigan",
    category: "top",
    colors: ["navy"],
    formality: 2,
    seasons: ["autumn"],
  });
  assert.equal(added.status, 201);
  assert.match(
    await (await shopper.fetch("/")).text(),
    /<span class="glance-count">1<\/span>\s*top</,
  );
  assert.match(
    await (await shopper.fetch("/occasion")).text(),
    /data-island="occasion_form"/,
  );
  assert.match(
    await (await shopper.fetch("/consider-buying")).text(),
    /<form class="card form" method="get"/,
  );
});

Deno.test("[pages] fonts: the heading font is preloaded from our own build, immutable, under the same CSP", async () => {
  await using server = await startTestServer();
  const res = await server.client().fetch("/");
  const html = await res.text();
  const preloads = [
    ...html.matchAll(/<link\s+rel="preload" href="([^"]+)" as="font"[^>]*>/g),
  ];
  assert.equal(preloads.length, 1, "only what the first paint needs");
  assert.match(preloads[0][0], /type="font\/woff2" crossorigin="anonymous"/);
  const font = preloads[0][1];
  assert.match(
    font,
    /^\/static\/build\/fraunces-latin-600-normal-\w{8}\.woff2$/,
  );

  const file = await fetch(server.url + font);
  assert.equal(file.status, 200);
  assert.equal(file.headers.get("content-type"), "font/woff2");
  assert.equal(
    file.headers.get("cache-control"),
    "public, max-age=31536000, immutable",
  );
  assert.equal(file.headers.get("set-cookie"), null);
  const bytes = new Uint8Array(await file.arrayBuffer());
  assert.equal(new TextDecoder().decode(bytes.slice(0, 4)), "wOF2");

  const css = /href="(\/static\/build\/styles-\w{8}\.css)"/.exec(html)![1];
  const styles = await (await fetch(server.url + css)).text();
  const faces = styles.match(/@font-face\s*{[^}]*}/g) ?? [];
  assert.equal(faces.length, 2, "Latin and Latin Extended");
  for (const face of faces) {
    assert.match(face, /font-display: swap/);
    // Relative to the stylesheet: our origin, beside it in static/build/.
    assert.match(
      face,
      /src: url\("fraunces-latin(-ext)?-600-normal-\w{8}\.woff2"\)/,
    );
  }
  assert.ok(styles.includes(`url("${font.slice("/static/build/".length)}")`));
  // `default-src 'self'` covers fonts; nothing was loosened for them.
  const csp = res.headers.get("content-security-policy") ?? "";
  assert.match(csp, /default-src 'self'/);
  assert.equal(csp.includes("font-src"), false);
});

/** What a shopper must never read: the validator's own words. */
const DEVELOPER_WORDS = /too small|too big|expected|invalid input|>=|<=/i;

const isSentence = (text: string) =>
  /^[A-Z“]/.test(text) && text.endsWith(".") && !DEVELOPER_WORDS.test(text);

Deno.test("[words] zod's issues with a piece become one plain sentence per field", () => {
  const parsed = CandidateItem.safeParse({
    name: "",
    category: "hat",
    colors: ["black", "rust", "navy", "camel", "olive"],
    formality: 9,
    price: -1,
    image_url: "ftp://example.com/a.png",
  });
  assert.equal(parsed.success, false);
  const issues = zodIssues(parsed.error!);
  const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
  assert.deepEqual(byPath, {
    name: "Say what the piece is, such as “Rust suede jacket”.",
    category: "Choose what kind of piece it is.",
    colors: "Choose up to four colours.",
    formality: "Choose how dressy it is from the list.",
    price: "Enter a price from 0 to 100,000, or leave it empty.",
    image_url:
      "Enter a web address that starts with https://, or leave it empty.",
  });
  for (const { message } of issues) assert.ok(isSentence(message), message);
});

Deno.test("[words] the API's issues read as sentences in the forms, by field", () => {
  // What the API answers (its wording is for API clients, and stays so).
  const item = NewWardrobeItem.safeParse({
    name: "Bell\u0007 top",
    category: "top",
    colors: [],
    formality: 3,
    seasons: [],
  });
  assert.equal(item.success, false);
  const answer = item.error!.issues.map((i) => ({
    path: i.path.join("."),
    message: i.message,
  }));
  assert.ok(answer.some((i) => DEVELOPER_WORDS.test(i.message)), "raw words");
  assert.deepEqual(apiIssues(PIECE, answer), [
    {
      path: "name",
      message:
        "Write the name on one line, with letters, numbers and punctuation.",
    },
    { path: "colors", message: "Choose at least one colour." },
    { path: "seasons", message: "Choose at least one season." },
  ]);
  const table = { occasions: OCCASIONS };
  assert.deepEqual(
    apiIssues(table, [
      {
        path: "occasions",
        message: "Too big: expected array to have <=3 items",
      },
      { path: "occasions.1", message: "Invalid option: expected one of …" },
    ]).map((i) => i.message),
    [
      "Choose up to three occasions.",
      "Choose occasions from the list, each one once.",
    ],
  );
  // A field no form knows still gets a sentence, never the raw message.
  assert.equal(
    apiIssues({}, [{ path: "mystery", message: "Too small" }])[0].message,
    "Check this detail and try again.",
  );
  for (const field of Object.keys(PIECE)) {
    for (const problem of ["few", "many", "bad"] as const) {
      const said = sentence(PIECE, field, problem);
      assert.ok(isSentence(said), `${field} ${problem}: ${said}`);
    }
  }
});

Deno.test("[pages] captions under pictures name the category in words ('Bottoms', not 'bottom')", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const wardrobe = await (await shopper.fetch("/wardrobe")).text();
  assert.match(wardrobe, /<p class="muted">Bottoms · [a-z]/);
  assert.doesNotMatch(wardrobe, /<p class="muted">bottom ·/);
  const picker = await (await shopper.fetch("/complete")).text();
  assert.match(picker, /id="[^"]+-category">Bottoms</);
  assert.doesNotMatch(picker, /-category">(top|bottom|accessory)</);
});

/**
 * Server-rendered pages over real HTTP: which ship JavaScript, what the
 * island markers carry, who may see a reveal page, what /looks, /reveal and
 * /wardrobe remember of a shopper's looks, and how assets are cached.
 * Needs the island bundles (`deno task test` builds them first).
 */
import assert from "node:assert/strict";
import { listOf } from "../components/item_words.ts";
import type { LookSeed } from "../lib/client/looks.ts";
import { OCCASIONS, type Outfit, type Verdict } from "../lib/schemas.ts";
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

/** The field messages a page shows, by the id they are described by. */
const fieldErrors = (html: string) =>
  Object.fromEntries(
    [...html.matchAll(/<p class="field-error" id="([\w-]+)">([^<]*)</g)]
      .map((m) => [m[1], m[2].replaceAll("&#39;", "'")]),
  );

Deno.test("[pages] consider-buying form: the category is asked for, and the colours say up to four", async () => {
  await using server = await startTestServer();
  const html = await (await server.client().fetch(
    "/consider-buying?stream=off",
  )).text();
  assert.deepEqual(scripts(html), []);
  assert.match(
    html,
    /<select id="category" name="category" required\s*><option value="" selected>Choose a category<\/option>/,
  );
  assert.match(html, /<option\s+value="accessory"\s*>Accessory \(scarves/);
  assert.match(html, /<legend>Colours.*Up to four<\/span><\/legend>/);
  // Polling follows the shopper through the form to the reveal page.
  assert.match(html, /<input type="hidden" name="stream" value="off">/);
  // The price field says its currency.
  assert.match(html, /class="money-symbol" aria-hidden="true">€</);
});

Deno.test("[pages] consider-buying review: a fifth colour or no category is refused in plain sentences, keeping the choices", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const five = ["black", "rust", "navy", "camel", "olive"];
  const res = await shopper.fetch(
    `/consider-buying/outfits?name=Silk+scarf&category=&${
      five.map((c) => `colors=${c}`).join("&")
    }&price=-3&image_url=ftp://example.com/a.png`,
  );
  assert.equal(res.status, 400);
  const html = await res.text();
  assert.deepEqual(scripts(html), [], "still no JavaScript");
  assert.deepEqual(fieldErrors(html), {
    "category-error": "Choose what kind of piece it is.",
    "colors-error": "Choose up to four colours.",
    "price-error": "Enter a price from 0 to 100,000, or leave it empty.",
    "image_url-error":
      "Enter a web address that starts with https://, or leave it empty.",
  });
  for (const color of five) {
    assert.match(html, new RegExp(`value="${color}" checked`), color);
  }
  assert.match(html, /<option value="" selected>Choose a category/);
  assert.match(html, /aria-describedby="colors-error"/);

  // Every message either page can show is a sentence, not a validator's.
  for (
    const query of [
      "name=&category=top",
      "name=x&category=hat&colors=nope",
      `name=${"x".repeat(81)}&category=top&colors=red&colors=red`,
      "name=x&category=top&colors=red&formality=9&price=abc",
    ]
  ) {
    const page = await (await shopper.fetch(
      `/consider-buying/outfits?${query}`,
    )).text();
    const messages = Object.values(fieldErrors(page));
    assert.ok(messages.length > 0, query);
    for (const message of messages) {
      assert.match(message, /^[A-Z].*\.$/, message);
      assert.doesNotMatch(message, /expected|invalid|too (big|small)/i);
    }
  }
});

Deno.test("[pages] consider-buying review: the price in the currency, the category in words", async () => {
  await using server = await startTestServer();
  const html = await (await server.client().fetch(
    "/consider-buying/outfits?name=Rust+jacket&category=outerwear&colors=rust&colors=navy&price=180",
  )).text();
  assert.match(html, /<dt>Price<\/dt><dd>€180\.00<\/dd>/);
  assert.match(html, /<dt>Category<\/dt><dd>Outerwear<\/dd>/);
  assert.match(html, /<dt>Colours<\/dt><dd>rust and navy<\/dd>/);
});

Deno.test("[pages] /reveal of a consider-buying job renders the verdict first and marks the piece New", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const jobId = await shopper.generate({
    mode: "consider_buying",
    candidate: {
      name: "Rust suede jacket",
      category: "outerwear",
      colors: ["rust"],
      price: 180,
    },
  });
  await shopper.events(jobId);
  const { verdict } = (await shopper.get(`/api/jobs/${jobId}`)).body as {
    verdict: Verdict;
  };
  const html = await (await shopper.fetch(`/reveal?job=${jobId}`)).text();
  const { reveal } = islandProps(html) as {
    reveal: {
      snapshot: { verdict?: Verdict };
      highlights: { new_id?: string };
    };
  };
  assert.equal(reveal.snapshot.verdict, undefined, "not shipped to the island");
  assert.equal(reveal.highlights.new_id, "candidate");
  const card = html.indexOf('class="card verdict-card');
  assert.ok(
    card > 0 && card < html.indexOf("data-island"),
    "above the outfits",
  );
  assert.ok(html.includes(`id="verdict-label">${verdict.label}</h2>`));
  assert.ok(html.includes(verdict.cost_per_wear!.sentence));
  assert.equal(
    html.split(
      ` <span class="item-new">New<span class="visually-hidden">: the piece you&#39;re thinking of buying</span></span>`,
    ).length - 1,
    3,
    "once in each card",
  );
  assert.equal(html.includes("unlocks 3 new outfits"), false, "the old line");
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

Deno.test("[pages] /looks without looks says how to get some, and ships no script", async () => {
  await using server = await startTestServer();
  const res = await server.client().fetch("/looks");
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.deepEqual(scripts(html), []);
  assert.match(html, /No looks yet/);
  for (const href of ["/occasion", "/complete", "/consider-buying"]) {
    assert.match(html, new RegExp(`class="button" href="${href}"`));
  }
  assert.match(html, /href="\/looks" aria-current="page"/);
});

Deno.test("[pages] /reveal, /looks and /wardrobe show what the shopper kept, wore, rated and paid", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const jobId = await shopper.generate({
    mode: "occasion",
    occasions: ["work", "date_night"],
  });
  const complete = (await shopper.events(jobId)).find((e) =>
    e.event === "complete"
  );
  const { outfits } = (complete!.data as { result: { outfits: Outfit[] } })
    .result;
  const keep = (n: number, change: object) =>
    shopper.send("POST", "/api/looks", {
      job_id: jobId,
      outfit_number: n,
      ...change,
    });
  const saved = (await keep(1, { saved: true })).body.look;
  const worn = (await keep(2, { worn_on: "2024-05-02", rating: "up" })).body
    .look;
  await shopper.send("PUT", `/api/looks/${worn.id}/wears/2024-05-09`);
  const disliked = (await keep(3, { rating: "down" })).body.look;
  const { share } = (await shopper.send(
    "POST",
    `/api/looks/${disliked.id}/share`,
  )).body;
  // A piece only outfit 1 has leaves the wardrobe; one of outfit 2 gets a price.
  const gone = outfits[0].items.find((item) =>
    !outfits[1].items.some((other) => other.id === item.id)
  )!;
  assert.equal(
    (await shopper.send("DELETE", `/api/wardrobe/items/${gone.id}`)).status,
    204,
  );
  const { id: pieceId, ...piece } = outfits[1].items[0];
  await shopper.send("PUT", `/api/wardrobe/items/${pieceId}`, {
    ...piece,
    price: 90,
  });

  const reveal = await (await shopper.fetch(`/reveal?job=${jobId}`)).text();
  const { reveal: props } = islandProps(reveal) as {
    reveal: { looks: (LookSeed | null)[] };
  };
  assert.deepEqual(props.looks, [
    { id: saved.id, saved: true, rating: null, worn: [], shared: null },
    {
      id: worn.id,
      saved: false,
      rating: "up",
      worn: ["2024-05-02", "2024-05-09"],
      shared: null,
    },
    {
      id: disliked.id,
      saved: false,
      rating: "down",
      worn: [],
      shared: share.url,
    },
  ]);
  assert.equal((reveal.match(/aria-pressed="true"/g) ?? []).length, 3);
  assert.ok(outfits.some((o) => o.occasions), "asked for two occasions");
  for (const outfit of outfits.filter((o) => o.occasions)) {
    const words = outfit.occasions!.map((o) => OCCASIONS[o].toLowerCase());
    assert.ok(reveal.includes(`Suits ${listOf(words)}`), words.join());
  }

  const looks = await (await shopper.fetch("/looks")).text();
  const { looks: listed } = islandProps(looks) as {
    looks: { looks: { id: string; notes: Record<string, string> }[] };
  };
  // The shared look is listed too (never saved nor worn), touched last.
  assert.deepEqual(listed.looks.map((l) => l.id), [
    disliked.id,
    worn.id,
    saved.id,
  ]);
  assert.deepEqual(listed.looks[2].notes, {
    [gone.id]: "No longer in your wardrobe",
  });
  assert.equal((looks.match(/<article/g) ?? []).length, 3, "server-rendered");
  const goneFrom = [outfits[0], outfits[2]].filter((o) =>
    o.items.some((item) => item.id === gone.id)
  );
  // Once in the props, once on the page, for each look it is missing from.
  assert.equal(
    looks.split("No longer in your wardrobe").length - 1,
    2 * goneFrom.length,
  );
  assert.match(looks, /Worn 2 times · last on 9 May 2024/);
  assert.match(looks, /Not worn yet/);

  const wardrobe = await (await shopper.fetch("/wardrobe")).text();
  const { wardrobe_editor } = islandProps(wardrobe) as {
    wardrobe_editor: {
      wear: Record<string, { count: number; last: string }>;
      currency: string;
    };
  };
  assert.deepEqual(wardrobe_editor.wear[pieceId], {
    count: 2,
    last: "2024-05-09",
  });
  assert.equal(wardrobe_editor.wear[gone.id], undefined);
  assert.equal(wardrobe_editor.currency, "EUR");
  assert.match(wardrobe, /€45\.00 a wear/);
  assert.match(wardrobe, /Last worn on 9 May 2024/);
});

Deno.test("[pages] every flow's form starts from the town last asked about, and forgets it when cleared", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const placeOn = async (path: string) => {
    const props = islandProps(
      await (await shopper.fetch(path)).text(),
    ) as Record<
      string,
      { day: { place: string; today: string } }
    >;
    return Object.values(props)[0].day;
  };
  assert.equal((await placeOn("/occasion")).place, "");
  await shopper.events(
    await shopper.generate({
      mode: "occasion",
      occasions: ["work"],
      place: "  Bergen ",
    }),
  );
  for (
    const path of [
      "/occasion",
      "/complete",
      "/consider-buying/outfits?name=Camel+coat&category=outerwear&colors=camel",
    ]
  ) {
    assert.equal((await placeOn(path)).place, "Bergen", path);
  }
  const other = server.client();
  assert.equal(
    (islandProps(await (await other.fetch("/occasion")).text()) as {
      occasion_form: { day: { place: string } };
    }).occasion_form.day.place,
    "",
    "another shopper's town is not shown",
  );
  await shopper.events(
    await shopper.generate({
      mode: "occasion",
      occasions: ["work"],
      place: "",
    }),
  );
  assert.equal((await placeOn("/occasion")).place, "");
});

/** Bad generate requests: a 4xx naming the fields, and nothing written. */
import assert from "node:assert/strict";
import { startTestServer } from "./helpers/server.ts";

const occasion = { mode: "occasion", occasions: ["casual"] };
const candidate = {
  name: "Silk scarf",
  category: "accessory",
  colors: ["red"],
};

/** [what, body, expected status, expected paths] */
const CASES: [string, unknown, number, string[]][] = [
  ["empty object", {}, 400, ["mode"]],
  ["unknown mode", { mode: "teleport" }, 400, ["mode"]],
  ["array body", [], 400, [""]],
  ["occasions missing", { mode: "occasion" }, 400, ["occasions"]],
  ["no occasions", { mode: "occasion", occasions: [] }, 400, ["occasions"]],
  ["unknown occasion", { mode: "occasion", occasions: ["picnic"] }, 400, [
    "occasions.0",
  ]],
  ["occasions not a list", { mode: "occasion", occasions: "casual" }, 400, [
    "occasions",
  ]],
  [
    "four occasions",
    { mode: "occasion", occasions: ["casual", "work", "travel", "brunch"] },
    400,
    ["occasions"],
  ],
  [
    "repeated occasion",
    { mode: "occasion", occasions: ["work", "work"] },
    400,
    ["occasions"],
  ],
  ["client-sent user id", { ...occasion, user_id: "someone-else" }, 400, [
    "user_id",
  ]],
  ["reasoning flag as text", { ...occasion, include_reasoning: "yes" }, 400, [
    "include_reasoning",
  ]],
  ["notes as number", { ...occasion, notes: 42 }, 400, ["notes"]],
  ["notes too long", { ...occasion, notes: "x".repeat(501) }, 400, ["notes"]],
  ["anchors missing", { mode: "complete" }, 400, ["anchor_ids"]],
  ["no anchors", { mode: "complete", anchor_ids: [] }, 400, ["anchor_ids"]],
  [
    "unknown anchors",
    { mode: "complete", anchor_ids: ["white-oxford-shirt", "ghost-coat"] },
    400,
    ["anchor_ids.1"],
  ],
  ["malformed anchor id", { mode: "complete", anchor_ids: ["Bad Id!"] }, 400, [
    "anchor_ids.0",
  ]],
  [
    "repeated anchor",
    { mode: "complete", anchor_ids: ["dark-wash-jeans", "dark-wash-jeans"] },
    400,
    ["anchor_ids"],
  ],
  [
    "occasion fields on complete",
    { mode: "complete", anchor_ids: ["dark-wash-jeans"], occasions: ["work"] },
    400,
    ["occasions"],
  ],
  ["candidate missing", { mode: "consider_buying" }, 400, ["candidate"]],
  [
    "candidate without name",
    { mode: "consider_buying", candidate: { ...candidate, name: " " } },
    400,
    ["candidate.name"],
  ],
  [
    "candidate of unknown category",
    { mode: "consider_buying", candidate: { ...candidate, category: "hat" } },
    400,
    ["candidate.category"],
  ],
  [
    "candidate of unknown colour",
    {
      mode: "consider_buying",
      candidate: { ...candidate, colors: ["chartreuse"] },
    },
    400,
    ["candidate.colors.0"],
  ],
  [
    "candidate with script URL",
    {
      mode: "consider_buying",
      candidate: { ...candidate, image_url: "javascript:alert(1)" },
    },
    400,
    ["candidate.image_url"],
  ],
  [
    "candidate with negative price",
    { mode: "consider_buying", candidate: { ...candidate, price: -5 } },
    400,
    ["candidate.price"],
  ],
  [
    "candidate with extra field",
    { mode: "consider_buying", candidate: { ...candidate, brand: "x" } },
    400,
    ["candidate.brand"],
  ],
];

Deno.test("[generate] every bad request gets 400 with field paths and writes nothing", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  for (const [what, body, status, paths] of CASES) {
    const res = await shopper.send("POST", "/api/outfits/generate", body);
    assert.equal(res.status, status, what);
    assert.equal(res.body.error, "Invalid request", what);
    assert.deepEqual(
      res.body.issues.map((i: { path: string }) => i.path),
      paths,
      `${what}: ${JSON.stringify(res.body.issues)}`,
    );
    for (const issue of res.body.issues) assert.ok(issue.message, what);
  }
  assert.deepEqual(
    await Array.fromAsync(server.kv.list({ prefix: ["jobs"] })),
    [],
  );
  assert.deepEqual(
    await Array.fromAsync(server.kv.list({ prefix: ["job_events"] })),
    [],
  );
});

Deno.test("[generate] a body that is not JSON is refused", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const malformed = await shopper.fetch("/api/outfits/generate", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: '{"mode": "occasion",',
  });
  assert.equal(malformed.status, 400);
  assert.match((await malformed.json()).error, /JSON/);
  const plain = await shopper.fetch("/api/outfits/generate", {
    method: "POST",
    headers: { "content-type": "text/plain" },
    body: JSON.stringify(occasion),
  });
  assert.equal(plain.status, 415);
  assert.match((await plain.json()).error, /application\/json/);
  const huge = await shopper.fetch("/api/outfits/generate", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ...occasion, notes: "x".repeat(70_000) }),
  });
  assert.equal(huge.status, 413);
  await huge.body?.cancel();
  assert.deepEqual(
    await Array.fromAsync(server.kv.list({ prefix: ["jobs"] })),
    [],
  );
});

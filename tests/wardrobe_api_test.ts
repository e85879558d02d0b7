/** The wardrobe API: a sample to start from, validated edits, private to you. */
import assert from "node:assert/strict";
import { WardrobeItem } from "../lib/schemas.ts";
import { SCARF } from "./helpers/fixtures.ts";
import { startTestServer } from "./helpers/server.ts";

Deno.test("[wardrobe] a new shopper starts with the sample wardrobe", async () => {
  await using server = await startTestServer();
  const res = await server.client().get("/api/wardrobe");
  assert.equal(res.status, 200);
  assert.ok(res.body.items.length >= 25, `${res.body.items.length} items`);
  for (const item of res.body.items) WardrobeItem.parse(item);
  const categories = new Set(
    res.body.items.map((i: WardrobeItem) => i.category),
  );
  assert.deepEqual([...categories].sort(), [
    "accessory",
    "bag",
    "bottom",
    "dress",
    "outerwear",
    "shoes",
    "top",
  ]);
});

Deno.test("[wardrobe] add, edit and delete an item", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const added = await shopper.send("POST", "/api/wardrobe/items", SCARF);
  assert.equal(added.status, 201);
  assert.equal(
    added.headers.get("location"),
    `/api/wardrobe/items/${added.body.id}`,
  );
  assert.deepEqual(added.body, { id: added.body.id, ...SCARF });

  const edited = await shopper.send(
    "PUT",
    `/api/wardrobe/items/${added.body.id}`,
    {
      ...SCARF,
      name: "Silk square scarf",
    },
  );
  assert.equal(edited.status, 200);
  const { body: { items } } = await shopper.get("/api/wardrobe");
  assert.deepEqual(
    items.find((i: WardrobeItem) => i.id === added.body.id),
    edited.body,
  );

  assert.equal(
    (await shopper.send("DELETE", `/api/wardrobe/items/${added.body.id}`))
      .status,
    204,
  );
  assert.equal(
    (await shopper.send("DELETE", `/api/wardrobe/items/${added.body.id}`))
      .status,
    404,
  );
  const after = await shopper.get("/api/wardrobe");
  assert.equal(after.body.items.length, items.length - 1);
});

Deno.test("[wardrobe] each shopper's wardrobe is their own; reset restores the sample", async () => {
  await using server = await startTestServer();
  const alice = server.client();
  const bob = server.client();
  const sample = (await alice.get("/api/wardrobe")).body.items;
  const added = await alice.send("POST", "/api/wardrobe/items", SCARF);
  assert.equal(
    (await alice.send("DELETE", "/api/wardrobe/items/dark-wash-jeans")).status,
    204,
  );
  assert.deepEqual((await bob.get("/api/wardrobe")).body.items, sample);
  assert.equal(
    (await bob.send("PUT", `/api/wardrobe/items/${added.body.id}`, SCARF))
      .status,
    404,
    "bob cannot edit alice's item",
  );
  const reset = await alice.send("POST", "/api/wardrobe/reset");
  assert.equal(reset.status, 200);
  assert.deepEqual(reset.body.items, sample);
  assert.deepEqual((await alice.get("/api/wardrobe")).body.items, sample);
});

Deno.test("[wardrobe] the sample is labelled as such until the shopper makes it theirs", async () => {
  await using server = await startTestServer();
  const keeper = server.client();
  const first = await keeper.get("/api/wardrobe");
  assert.equal(first.body.sample, true);
  const kept = await keeper.send("POST", "/api/wardrobe/keep");
  assert.equal(kept.status, 200);
  assert.equal(kept.body.sample, false);
  assert.deepEqual(kept.body.items, first.body.items);
  assert.equal((await keeper.get("/api/wardrobe")).body.sample, false);

  // An edit makes it theirs too.
  const editor = server.client();
  await editor.send("DELETE", "/api/wardrobe/items/dark-wash-jeans");
  assert.equal((await editor.get("/api/wardrobe")).body.sample, false);
});

Deno.test("[wardrobe] starting empty leaves no items and no photos; reset brings the sample back", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const cleared = await shopper.send("POST", "/api/wardrobe/clear");
  assert.equal(cleared.status, 200);
  assert.deepEqual(cleared.body, { items: [], sample: false });
  assert.deepEqual((await shopper.get("/api/wardrobe")).body, {
    items: [],
    sample: false,
  });
  // An empty wardrobe cannot make outfits, and says so plainly.
  const res = await shopper.send("POST", "/api/outfits/generate", {
    mode: "occasion",
    occasions: ["casual"],
  });
  assert.equal(res.status, 422);
  assert.match(res.body.error, /Your wardrobe is empty/);
  const reset = await shopper.send("POST", "/api/wardrobe/reset");
  assert.ok(reset.body.items.length > 25);
  assert.equal(reset.body.sample, false);
});

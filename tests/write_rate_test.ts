/**
 * Write rates: a shopper, and a client address whoever it claims to be,
 * change things at most so fast; past that a 429 says when to come back.
 */
import assert from "node:assert/strict";
import { makePng } from "./helpers/images.ts";
import { startTestServer } from "./helpers/server.ts";

Deno.test("[writes] a hundred uploads in a burst: half a minute's worth go through, the rest are told when to retry", async () => {
  await using server = await startTestServer({
    writesPerMinute: { perShopper: 60 },
  });
  const shopper = server.client();
  const { body } = await shopper.get("/api/wardrobe");
  const id = body.items[0].id;
  const photos = await Promise.all(
    Array.from({ length: 100 }, (_, i) => makePng(16, 16, [i, 1, 2])),
  );
  const answers = await Promise.all(photos.map(async (bytes) => {
    const res = await shopper.fetch(`/api/wardrobe/items/${id}/photo`, {
      method: "PUT",
      body: bytes,
    });
    const json = await res.json();
    return { status: res.status, retry: res.headers.get("retry-after"), json };
  }));
  // Those let through may still meet each other (a 503 asks to retry).
  const through = answers.filter((a) => a.status !== 429);
  assert.equal(through.length, 30, "a bucket of 30");
  assert.ok(through.every((a) => a.status === 200 || a.status === 503));
  const limited = answers.filter((a) => a.status === 429);
  assert.equal(limited.length, 70);
  for (const { retry, json } of limited) {
    assert.ok(Number(retry) >= 1);
    assert.match(json.error, /a lot of changes/);
  }
  // Reads are not counted.
  assert.equal((await shopper.get("/api/wardrobe")).status, 200);
});

Deno.test("[writes] a new cookie per request does not reset the address's rate", async () => {
  await using server = await startTestServer({
    writesPerMinute: { perAddress: 20 },
  });
  const statuses = [];
  for (let i = 0; i < 12; i++) {
    const res = await fetch(new URL("/api/wardrobe/items", server.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        name: `Scarf ${i}`,
        category: "accessory",
        colors: ["rust"],
        formality: 2,
        seasons: ["autumn"],
      }),
    });
    await res.body?.cancel();
    statuses.push(res.status);
  }
  assert.deepEqual(statuses, [...Array(10).fill(201), 429, 429]);
});

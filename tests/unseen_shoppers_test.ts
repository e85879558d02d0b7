/**
 * Shoppers who never come back are forgotten: a throwaway cookie's photos
 * and looks do not stay for ever. A visitor who only looks leaves nothing;
 * a shopper who comes back keeps everything.
 */
import assert from "node:assert/strict";
import { forgetUnseenShoppers } from "../lib/unseen_shoppers.ts";
import { JPEG_24x16 } from "./helpers/images.ts";
import { startTestServer } from "./helpers/server.ts";
import type { TestClient } from "./helpers/client.ts";

const DAY = 86_400_000;

/** Every key that names the shopper, wherever it is. */
async function keysOf(kv: Deno.Kv, userId: string): Promise<string[]> {
  const found: string[] = [];
  for await (const entry of kv.list({ prefix: [] })) {
    if (entry.key.includes(userId) && entry.key[0] !== "jobs") {
      found.push(JSON.stringify(entry.key));
    }
  }
  return found;
}

/** A shopper with a bit of everything: a photo, a shared look, a town. */
async function busyShopper(shopper: TestClient) {
  const { body } = await shopper.get("/api/wardrobe");
  const piece = body.items[0].id;
  const photo = await shopper.fetch(`/api/wardrobe/items/${piece}/photo`, {
    method: "PUT",
    body: JPEG_24x16,
  });
  await photo.body?.cancel();
  const jobId = await shopper.generate({
    mode: "occasion",
    occasions: ["work"],
    place: "",
  });
  await shopper.events(jobId);
  const look = await shopper.send("POST", "/api/looks", {
    job_id: jobId,
    outfit_number: 1,
    saved: true,
  });
  const shared = await shopper.send(
    "POST",
    `/api/looks/${look.body.look.id}/share`,
  );
  return shared.body.share.url as string;
}

/** The user id a client's signed session cookie carries. */
function userIdOf(client: TestClient): string {
  const value = decodeURIComponent(client.cookie!.split("=")[1]);
  return value.slice(0, value.lastIndexOf("."));
}

async function seenIds(kv: Deno.Kv): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  for await (const entry of kv.list<string>({ prefix: ["seen"] })) {
    seen.set(String(entry.key[1]), entry.value);
  }
  return seen;
}

Deno.test("[unseen] a visitor who only looks leaves nothing; a shopper's day is kept once", async () => {
  await using server = await startTestServer();
  for (const path of ["/", "/wardrobe", "/api/wardrobe", "/looks"]) {
    await (await fetch(new URL(path, server.url))).body?.cancel();
  }
  assert.equal((await seenIds(server.kv)).size, 0);

  const shopper = server.client();
  await shopper.get("/api/wardrobe");
  await shopper.get("/api/looks");
  const seen = await seenIds(server.kv);
  assert.equal(seen.size, 1);
  assert.equal([...seen.values()][0], new Date().toISOString().slice(0, 10));
});

Deno.test("[unseen] a shopper unseen for SHOPPER_TTL_DAYS is forgotten, links and all; one who came back is not", async () => {
  await using server = await startTestServer();
  const { kv } = server;
  const gone = server.client();
  const link = await busyShopper(gone);
  const stays = server.client();
  await busyShopper(stays);
  const [goneId, staysId] = [gone, stays].map(userIdOf);
  assert.deepEqual(
    [...(await seenIds(kv)).keys()].sort(),
    [goneId, staysId].sort(),
  );
  assert.ok((await keysOf(kv, goneId)).length > 5);

  // 401 days later; the one who stays came back yesterday.
  const later = new Date(Date.now() + 401 * DAY);
  await kv.set(
    ["seen", staysId],
    new Date(later.getTime() - DAY).toISOString().slice(0, 10),
  );
  const before = await keysOf(kv, staysId);
  assert.equal(await forgetUnseenShoppers(kv, { now: later, ttlDays: 400 }), 1);

  assert.deepEqual(await keysOf(kv, goneId), []);
  let shares = 0;
  for await (const _ of kv.list({ prefix: ["shares"] })) shares++;
  assert.equal(shares, 1, "the forgotten shopper's link went with them");
  const page = await fetch(new URL(link, server.url));
  await page.body?.cancel();
  assert.equal(page.status, 404);
  assert.deepEqual(await keysOf(kv, staysId), before);
});

Deno.test("[unseen] shoppers from before days were kept start their clock at the first sweep", async () => {
  await using server = await startTestServer();
  const { kv } = server;
  await kv.set(["users", "old-shopper"], {
    created_at: "2020-01-01T00:00:00Z",
  });
  await kv.set(["wardrobe", "old-shopper", "coat"], { id: "coat" });
  assert.equal(await forgetUnseenShoppers(kv), 0);
  assert.equal(
    (await kv.get(["seen", "old-shopper"])).value,
    new Date().toISOString().slice(0, 10),
  );
  assert.ok((await kv.get(["wardrobe", "old-shopper", "coat"])).value);
});

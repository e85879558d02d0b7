/**
 * Many writes to one shopper's data at once (two tabs, a retrying client, a
 * script) end in 2xx, or in a 503 with Retry-After past the retry cap:
 * never a 500, and nothing half-written.
 */
import assert from "node:assert/strict";
import { makePng } from "./helpers/images.ts";
import { startTestServer } from "./helpers/server.ts";

const PARALLEL = 50;

async function statuses(
  requests: Promise<{ status: number; headers: Headers }>[],
) {
  const answers = await Promise.all(requests);
  const counts: Record<number, number> = {};
  for (const { status, headers } of answers) {
    counts[status] = (counts[status] ?? 0) + 1;
    if (status === 503) assert.match(headers.get("retry-after") ?? "", /^\d+$/);
  }
  return counts;
}

Deno.test("[contention] 50 items added to one wardrobe at once: each is added, or told to retry", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  await shopper.get("/api/wardrobe");
  const before = (await shopper.get("/api/wardrobe")).body.items.length;
  const counts = await statuses(
    Array.from(
      { length: PARALLEL },
      (_, i) =>
        shopper.send("POST", "/api/wardrobe/items", {
          name: `Scarf ${i}`,
          category: "accessory",
          colors: ["rust"],
          formality: 2,
          seasons: ["autumn"],
        }),
    ),
  );
  assert.equal(counts[500] ?? 0, 0, JSON.stringify(counts));
  assert.deepEqual(
    Object.keys(counts).filter((s) => s !== "201" && s !== "503"),
    [],
    JSON.stringify(counts),
  );
  const after = (await shopper.get("/api/wardrobe")).body.items.length;
  assert.equal(
    after - before,
    counts[201] ?? 0,
    "every 201 is in the wardrobe",
  );
});

Deno.test("[contention] 50 changes to one look at once: each lands or is told to retry", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const jobId = await shopper.generate({
    mode: "occasion",
    occasions: ["work"],
  });
  await shopper.events(jobId);
  const { body } = await shopper.send("POST", "/api/looks", {
    job_id: jobId,
    outfit_number: 1,
  });
  const id = body.look.id;
  const counts = await statuses(
    Array.from(
      { length: PARALLEL },
      (_, i) =>
        i % 2
          ? shopper.send("PATCH", `/api/looks/${id}`, {
            rating: i % 4 === 1 ? "up" : "down",
          })
          : shopper.send(
            "PUT",
            `/api/looks/${id}/wears/2026-0${1 + (i % 9)}-1${i % 10}`,
          ),
    ),
  );
  assert.equal(counts[500] ?? 0, 0, JSON.stringify(counts));
  assert.deepEqual(
    Object.keys(counts).filter((s) => s !== "200" && s !== "503"),
    [],
    JSON.stringify(counts),
  );
});

Deno.test("[contention] 50 photo uploads at once, to every piece: each lands or is told to retry", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const { body } = await shopper.get("/api/wardrobe");
  const ids: string[] = body.items.map((item: { id: string }) => item.id);
  const photos = await Promise.all(
    Array.from(
      { length: PARALLEL },
      (_, i) => makePng(20, 20, [i * 5, 60, 90]),
    ),
  );
  const counts = await statuses(
    photos.map((bytes, i) =>
      shopper.fetch(`/api/wardrobe/items/${ids[i % ids.length]}/photo`, {
        method: "PUT",
        body: bytes,
      }).then(async (res) => {
        await res.body?.cancel();
        return res;
      })
    ),
  );
  assert.equal(counts[500] ?? 0, 0, JSON.stringify(counts));
  assert.deepEqual(
    Object.keys(counts).filter((s) => s !== "200" && s !== "503"),
    [],
    JSON.stringify(counts),
  );
});

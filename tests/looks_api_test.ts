/**
 * Looks: what a shopper saves, wears and rates outlives the job, is the
 * same however often it is sent, and changes what the stylist suggests.
 */
import assert from "node:assert/strict";
import type { Outfit } from "../lib/schemas.ts";
import { createLocalStylist } from "../lib/stylist/providers/local.ts";
import type { Stylist, StylistInput } from "../lib/stylist/types.ts";
import { kvSnapshot } from "./helpers/fixtures.ts";
import type { TestClient } from "./helpers/client.ts";
import { startTestServer } from "./helpers/server.ts";

const DATE_NIGHT = { mode: "occasion", occasions: ["date_night"] };
const today = () => new Date().toISOString().slice(0, 10);

/** Runs a job to the end and returns its outfits. */
async function outfitsOf(shopper: TestClient, request: unknown) {
  const jobId = await shopper.generate(request);
  const events = await shopper.events(jobId);
  const complete = events.find((e) => e.event === "complete");
  assert.ok(complete, `job ${jobId} did not complete`);
  const { result } = complete.data as { result: { outfits: Outfit[] } };
  const outfits = result.outfits;
  return { jobId, outfits };
}

const keyOf = (outfit: Outfit) => [...outfit.item_ids].sort().join(" ");

Deno.test("[looks] save, wear and rate an outfit; all of it is there on reload", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const { jobId, outfits } = await outfitsOf(shopper, DATE_NIGHT);

  const saved = await shopper.send("POST", "/api/looks", {
    job_id: jobId,
    outfit_number: 2,
    saved: true,
  });
  assert.equal(saved.status, 201);
  const look = saved.body.look;
  assert.match(look.id, /^look-[0-9a-f]{16}$/);
  assert.equal(saved.headers.get("location"), `/api/looks/${look.id}`);
  assert.equal(look.title, outfits[1].title);
  assert.deepEqual(look.items, outfits[1].items);
  assert.ok(look.saved_at);
  assert.deepEqual(look.from, {
    job_id: jobId,
    outfit_number: 2,
    mode: "occasion",
  });

  // The same request again: the same look, nothing new.
  const again = await shopper.send("POST", "/api/looks", {
    job_id: jobId,
    outfit_number: 2,
    saved: true,
  });
  assert.equal(again.status, 200);
  assert.deepEqual(again.body.look, look);

  const worn = await shopper.send(
    "PUT",
    `/api/looks/${look.id}/wears/${today()}`,
  );
  assert.equal(worn.status, 200);
  assert.deepEqual(worn.body.look.worn, [today()]);
  const wornTwice = await shopper.send(
    "PUT",
    `/api/looks/${look.id}/wears/${today()}`,
  );
  assert.deepEqual(wornTwice.body.look.worn, [today()]);

  const liked = await shopper.send("PATCH", `/api/looks/${look.id}`, {
    rating: "up",
  });
  assert.equal(liked.body.look.rating, "up");

  // A rating alone does not list a look; saving or wearing does.
  await shopper.send("POST", "/api/looks", {
    job_id: jobId,
    outfit_number: 3,
    rating: "down",
  });
  const listed = await shopper.get("/api/looks");
  assert.equal(listed.status, 200);
  assert.deepEqual(listed.body.looks.map((l: { id: string }) => l.id), [
    look.id,
  ]);
  const reloaded = listed.body.looks[0];
  assert.ok(reloaded.saved_at);
  assert.deepEqual(reloaded.worn, [today()]);
  assert.equal(reloaded.rating, "up");

  // Unsaved and unworn, it leaves the list but keeps its rating.
  await shopper.send("PATCH", `/api/looks/${look.id}`, { saved: false });
  await shopper.send("DELETE", `/api/looks/${look.id}/wears/${today()}`);
  assert.deepEqual((await shopper.get("/api/looks")).body.looks, []);
  const kept = await shopper.get(`/api/looks/${look.id}`);
  assert.equal(kept.body.look.rating, "up");
  assert.equal(kept.body.look.saved_at, null);
});

Deno.test("[looks] a saved look outlives the job and the pieces it was made of", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const { jobId, outfits } = await outfitsOf(shopper, DATE_NIGHT);
  const { body } = await shopper.send("POST", "/api/looks", {
    job_id: jobId,
    outfit_number: 1,
    saved: true,
  });
  // The job expires after a day; the look must not depend on it.
  await server.kv.delete(["jobs", jobId]);
  const gone = outfits[0].items[0];
  const deleted = await shopper.send(
    "DELETE",
    `/api/wardrobe/items/${gone.id}`,
  );
  assert.equal(deleted.status, 204);
  const { body: listed } = await shopper.get("/api/looks");
  assert.equal(listed.looks.length, 1);
  assert.equal(listed.looks[0].id, body.look.id);
  assert.deepEqual(listed.looks[0].items, outfits[0].items);
});

Deno.test("[looks] another shopper's outfits and looks are not found, and nothing is written", async () => {
  await using server = await startTestServer();
  const owner = server.client();
  const { jobId } = await outfitsOf(owner, DATE_NIGHT);
  const { body } = await owner.send("POST", "/api/looks", {
    job_id: jobId,
    outfit_number: 1,
    saved: true,
  });
  const stranger = server.client();
  await stranger.get("/api/wardrobe");
  const before = await kvSnapshot(server.kv);
  const attempts = [
    stranger.send("POST", "/api/looks", { job_id: jobId, outfit_number: 1 }),
    stranger.get(`/api/looks/${body.look.id}`),
    stranger.send("PATCH", `/api/looks/${body.look.id}`, { saved: false }),
    stranger.send("PUT", `/api/looks/${body.look.id}/wears/${today()}`),
    stranger.send("DELETE", `/api/looks/${body.look.id}/wears/${today()}`),
  ];
  for (const res of await Promise.all(attempts)) {
    assert.equal(res.status, 404, JSON.stringify(res.body));
  }
  assert.deepEqual(await kvSnapshot(server.kv), before);
  assert.deepEqual((await stranger.get("/api/looks")).body.looks, []);
});

Deno.test("[looks] an outfit number the job does not have is not found", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const { jobId } = await outfitsOf(shopper, DATE_NIGHT);
  const res = await shopper.send("POST", "/api/looks", {
    job_id: jobId,
    outfit_number: 4,
  });
  assert.equal(res.status, 404);
});

/** A built-in stylist that notes what each job told it about the shopper. */
function observedStylist() {
  const inputs: StylistInput[] = [];
  const local = createLocalStylist();
  const stylist: Stylist = {
    name: "local",
    source: "local",
    generate(input) {
      inputs.push(input);
      return local.generate(input);
    },
  };
  return { stylist, inputs };
}

Deno.test("[looks] the stylist is told what was shown, worn, disliked and liked", async () => {
  const { stylist, inputs } = observedStylist();
  await using server = await startTestServer({ stylist });
  const shopper = server.client();
  const first = await outfitsOf(shopper, DATE_NIGHT);
  const keep = (n: number, change: object) =>
    shopper.send("POST", "/api/looks", {
      job_id: first.jobId,
      outfit_number: n,
      ...change,
    });
  await keep(1, { worn_on: today() });
  await keep(2, { rating: "down" });
  await keep(3, { rating: "up" });

  const second = await outfitsOf(shopper, DATE_NIGHT);
  const taste = inputs.at(-1)!.taste!;
  // Shown lately, newest first.
  assert.deepEqual(
    taste.recent.map((ids) => [...ids].sort().join(" ")),
    first.outfits.map(keyOf).reverse(),
  );
  assert.deepEqual(
    taste.blocked.map((b) => [b.reason, [...b.item_ids].sort().join(" ")])
      .sort(),
    [
      ["disliked", keyOf(first.outfits[1])],
      ["worn", keyOf(first.outfits[0])],
    ].sort(),
  );
  assert.deepEqual(taste.liked.map((ids) => [...ids].sort().join(" ")), [
    keyOf(first.outfits[2]),
  ]);
  // And it listened: nothing worn or disliked comes back.
  const blocked = new Set([keyOf(first.outfits[0]), keyOf(first.outfits[1])]);
  assert.ok(second.outfits.every((o) => !blocked.has(keyOf(o))));
});

Deno.test("[looks] asking four times gives twelve different outfits", async () => {
  await using server = await startTestServer({
    limits: { jobsPerMinute: 100 },
  });
  const shopper = server.client();
  const seen = new Set<string>();
  for (let ask = 0; ask < 4; ask++) {
    const { outfits } = await outfitsOf(shopper, DATE_NIGHT);
    for (const outfit of outfits) {
      assert.ok(!seen.has(keyOf(outfit)), `ask ${ask + 1} repeats an outfit`);
      seen.add(keyOf(outfit));
    }
  }
  assert.equal(seen.size, 12);
});

Deno.test("[looks] the day worn past the 400 a look keeps is refused with 409, not dropped", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const { jobId } = await outfitsOf(shopper, DATE_NIGHT);
  const { body } = await shopper.send("POST", "/api/looks", {
    job_id: jobId,
    outfit_number: 1,
  });
  const id = body.look.id;
  const start = Date.parse("2024-01-01T00:00:00Z");
  const day = (n: number) =>
    new Date(start + n * 86_400_000).toISOString().slice(0, 10);
  for (let n = 0; n < 400; n += 20) {
    const answers = await Promise.all(
      Array.from(
        { length: 20 },
        (_, i) => shopper.send("PUT", `/api/looks/${id}/wears/${day(n + i)}`),
      ),
    );
    assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([200]));
  }
  const full = await shopper.get(`/api/looks/${id}`);
  assert.equal(full.body.look.worn.length, 400);
  // Worn again on a day it has: nothing new, fine.
  assert.equal(
    (await shopper.send("PUT", `/api/looks/${id}/wears/${day(3)}`)).status,
    200,
  );
  for (const extra of [day(400), "2023-06-01"]) {
    const refused = await shopper.send(
      "PUT",
      `/api/looks/${id}/wears/${extra}`,
    );
    assert.equal(refused.status, 409, extra);
    assert.match(refused.body.error, /up to 400 days/);
  }
  assert.deepEqual(
    (await shopper.get(`/api/looks/${id}`)).body.look,
    full.body.look,
  );
});

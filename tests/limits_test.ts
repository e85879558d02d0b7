/**
 * Job creation under pressure: per-shopper rate and concurrency limits, and
 * Idempotency-Key, seen through the HTTP API a client uses.
 */
import assert from "node:assert/strict";
import { admitJob, DEFAULT_LIMITS } from "../lib/jobs/limits.ts";
import { jobCount } from "./helpers/fixtures.ts";
import { startTestServer } from "./helpers/server.ts";
import { waitFor } from "./helpers/wait_for.ts";
import type { TestClient } from "./helpers/client.ts";

const REQUEST = {
  mode: "occasion",
  occasions: ["brunch"],
};

function post(client: TestClient, body: unknown, key?: string) {
  return client.fetch("/api/outfits/generate", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(key === undefined ? {} : { "idempotency-key": key }),
    },
    body: JSON.stringify(body),
  });
}

Deno.test("[limits] a shopper at the concurrency limit gets 429 with Retry-After until a job ends", async () => {
  await using server = await startTestServer({
    localDelayMs: 150,
    limits: { concurrentJobs: 1 },
  });
  const shopper = server.client();
  const first = await shopper.generate(REQUEST);

  const refused = await shopper.send("POST", "/api/outfits/generate", REQUEST);
  assert.equal(refused.status, 429);
  const retryAfter = Number(refused.headers.get("retry-after"));
  assert.ok(Number.isInteger(retryAfter) && retryAfter > 0, `${retryAfter}`);
  assert.equal(refused.body.retry_after_s, retryAfter);
  assert.match(refused.body.error, /still working on your last request/);
  assert.equal(await jobCount(server.kv), 1, "a refused request writes no job");

  // Someone else is not held back by this shopper's job.
  await server.client().generate(REQUEST);

  const events = await shopper.events(first);
  assert.equal(events.at(-1)?.event, "complete");
  await shopper.generate(REQUEST);
});

Deno.test("[limits] the rate limit counts a rolling minute and says when to come back", async () => {
  await using server = await startTestServer({ limits: { jobsPerMinute: 2 } });
  const shopper = server.client();
  for (let i = 0; i < 2; i++) {
    const id = await shopper.generate(REQUEST);
    await shopper.events(id); // finished: only the rate is in the way
  }
  const refused = await shopper.send("POST", "/api/outfits/generate", REQUEST);
  assert.equal(refused.status, 429);
  const retryAfter = Number(refused.headers.get("retry-after"));
  assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
  assert.match(refused.body.error, /try again shortly/);
  assert.equal(await jobCount(server.kv), 2);
});

Deno.test("[limits] racing requests cannot both take the last slot", async () => {
  await using server = await startTestServer({
    localDelayMs: 100,
    limits: { concurrentJobs: 2 },
  });
  const shopper = server.client();
  await shopper.get("/api/wardrobe"); // the session exists before the race
  const statuses = await Promise.all(
    Array.from({ length: 8 }, async () => {
      const res = await post(shopper, REQUEST);
      await res.body?.cancel();
      return res.status;
    }),
  );
  assert.deepEqual(
    statuses.toSorted(),
    [202, 202, 429, 429, 429, 429, 429, 429],
  );
  assert.equal(await jobCount(server.kv), 2);
});

Deno.test("[idempotency] a repeat with the same key returns the same job and starts nothing", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const first = await post(shopper, REQUEST, "order-42");
  assert.equal(first.status, 202);
  const created = await first.json();

  const again = await post(shopper, REQUEST, "order-42");
  assert.equal(again.status, 202);
  assert.equal(again.headers.get("idempotent-replayed"), "true");
  // The same job, as it stands now (it may have started meanwhile).
  const { status: _, ...replayed } = await again.json();
  const { status: __, ...original } = created;
  assert.deepEqual(replayed, original);
  assert.equal(first.headers.get("idempotent-replayed"), null);
  assert.equal(await jobCount(server.kv), 1);

  const other = await post(shopper, REQUEST, "order-43");
  assert.notEqual((await other.json()).job_id, created.job_id);
  assert.equal(await jobCount(server.kv), 2);
});

Deno.test("[idempotency] concurrent repeats of one key make one job", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  await shopper.get("/api/wardrobe");
  const ids = await Promise.all(
    Array.from({ length: 6 }, async () => {
      const res = await post(shopper, REQUEST, "double-click");
      assert.equal(res.status, 202);
      return (await res.json()).job_id;
    }),
  );
  assert.equal(new Set(ids).size, 1);
  assert.equal(await jobCount(server.kv), 1);
});

Deno.test("[idempotency] keys belong to a shopper, must match the request, and do not count against the rate", async () => {
  await using server = await startTestServer({ limits: { jobsPerMinute: 1 } });
  const alice = server.client();
  const bob = server.client();
  const mine = await (await post(alice, REQUEST, "k1")).json();
  const theirs = await (await post(bob, REQUEST, "k1")).json();
  assert.notEqual(mine.job_id, theirs.job_id, "Bob's key is not Alice's");

  // A replay is not a new job, so the rate limit does not refuse it.
  const replay = await post(alice, REQUEST, "k1");
  assert.equal(replay.status, 202);
  assert.equal((await replay.json()).job_id, mine.job_id);

  const changed = await post(alice, { ...REQUEST, occasions: ["work"] }, "k1");
  assert.equal(changed.status, 422);
  assert.match((await changed.json()).error, /different request/);

  const bad = await post(alice, REQUEST, "x".repeat(256));
  assert.equal(bad.status, 400);
  assert.equal((await bad.json()).issues[0].path, "Idempotency-Key");
  await waitFor(async () => (await jobCount(server.kv)) === 2);
});

Deno.test("[limits] admitJob forgets starts older than a minute", () => {
  const limits = { ...DEFAULT_LIMITS, jobsPerMinute: 2, concurrentJobs: 5 };
  const now = 1_000_000;
  const full = { started: [now - 50_000, now - 10_000] };
  const refused = admitJob(full, 0, limits, now);
  assert.equal(refused.ok, false);
  assert.equal(!refused.ok && refused.retryAfterS, 10);
  const later = admitJob(full, 0, limits, now + 10_001);
  assert.deepEqual(later, {
    ok: true,
    quota: { started: [now - 10_000, now + 10_001] },
  });
});

Deno.test("[idempotency] a retry gets its job even after the wardrobe changed", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const around = { mode: "complete", anchor_ids: ["white-oxford-shirt"] };
  const first = await (await post(shopper, around, "shirt-outfits")).json();
  await shopper.events(first.job_id);
  const removed = await shopper.send(
    "DELETE",
    "/api/wardrobe/items/white-oxford-shirt",
  );
  assert.equal(removed.status, 204);

  const retry = await post(shopper, around, "shirt-outfits");
  assert.equal(retry.status, 202);
  assert.equal((await retry.json()).job_id, first.job_id);
  const fresh = await post(shopper, around, "another-try");
  assert.equal(fresh.status, 400, "without the key, the shirt is gone");
  await fresh.body?.cancel();
});

/** A generate request from a client that keeps no cookie. */
async function cookieless(url: string, headers: Record<string, string> = {}) {
  const res = await fetch(new URL("/api/outfits/generate", url), {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(REQUEST),
  });
  await res.body?.cancel();
  return res;
}

Deno.test("[limits] dropping the cookie does not reset the rate: one address gets JOBS_PER_MINUTE_PER_ADDRESS", async () => {
  await using server = await startTestServer({
    limits: { jobsPerMinutePerAddress: 5, jobsPerMinute: 100 },
  });
  const statuses = [];
  for (let i = 0; i < 7; i++) {
    statuses.push((await cookieless(server.url)).status);
  }
  assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429, 429]);
  const refused = await cookieless(server.url);
  assert.ok(Number(refused.headers.get("retry-after")) > 0);
});

Deno.test("[limits] behind a proxy, each client address named by CLIENT_ADDRESS_HEADER has its own rate", async () => {
  await using server = await startTestServer({
    limits: { jobsPerMinutePerAddress: 2, jobsPerMinute: 100 },
    addressHeader: "x-forwarded-for",
  });
  const from = (address: string) =>
    cookieless(server.url, { "x-forwarded-for": `${address}, 10.0.0.1` });
  const a = [];
  for (let i = 0; i < 3; i++) a.push((await from("203.0.113.7")).status);
  assert.deepEqual(a, [202, 202, 429]);
  assert.equal((await from("198.51.100.2")).status, 202);
  // One IPv6 machine picks addresses from its /64: counted as one.
  const v6 = [];
  for (
    const host of [
      "2001:db8:1:2::1",
      "2001:db8:1:2::ffff",
      "2001:db8:1:2:aaaa::9",
    ]
  ) {
    v6.push((await from(host)).status);
  }
  assert.deepEqual(v6, [202, 202, 429]);
});

Deno.test("[limits] at MAX_ACTIVE_JOBS the whole service says try again, whoever asks", async () => {
  await using server = await startTestServer({
    localDelayMs: 600,
    limits: { maxActiveJobs: 2 },
  });
  const [one, two, three] = [server.client(), server.client(), server.client()];
  await one.generate(REQUEST);
  await two.generate(REQUEST);
  const refused = await three.send("POST", "/api/outfits/generate", REQUEST);
  assert.equal(refused.status, 429);
  assert.match(refused.body.error, /very busy/);
  assert.ok(Number(refused.headers.get("retry-after")) > 0);
});

Deno.test("[limits] a shopper holds at most STREAMS_PER_SHOPPER event streams open", async () => {
  await using server = await startTestServer({
    localDelayMs: 1_000,
    limits: { streamsPerShopper: 3 },
  });
  const shopper = server.client();
  const jobId = await shopper.generate(REQUEST);
  const controllers = [0, 1, 2].map(() => new AbortController());
  const open = await Promise.all(
    controllers.map(({ signal }) => shopper.stream(jobId, { signal })),
  );
  assert.deepEqual(open.map((r) => r.status), [200, 200, 200]);
  const fourth = await shopper.stream(jobId);
  assert.equal(fourth.status, 429);
  assert.ok(Number(fourth.headers.get("retry-after")) > 0);
  await fourth.body?.cancel();
  // Another shopper is not held back by this one's streams.
  const other = server.client();
  const theirs = await other.stream(await other.generate(REQUEST));
  assert.equal(theirs.status, 200);
  await theirs.body?.cancel();

  // One closed, one more may open.
  await open[0].body?.cancel();
  await waitFor(async () => {
    const again = await shopper.stream(jobId);
    await again.body?.cancel();
    return again.status === 200;
  }, { what: "a closed stream gives its slot back" });
  for (const res of open.slice(1)) await res.body?.cancel();
});

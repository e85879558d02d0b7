/**
 * Job data is temporary and wardrobes are not. KV deletes expired keys in
 * its own time (about a minute later), so rather than wait, this reads the
 * expiry KV stored for every row straight from the SQLite file.
 */
import { keepOutfit } from "../lib/looks/store.ts";
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { JOB_TTL_MS } from "../lib/kv.ts";
import { createJob, getJob } from "../lib/jobs/store.ts";
import { DEFAULT_LIMITS } from "../lib/jobs/limits.ts";
import type { GenerateRequest } from "../lib/schemas.ts";
import { createLocalStylist } from "../lib/stylist/providers/local.ts";
import { resetWardrobe } from "../lib/wardrobe.ts";
import { outfitRunner } from "../workers/outfit_worker.ts";
import { daysAfter, serverDay } from "../lib/client/days.ts";
import { tripFlow } from "../lib/flows/trip.ts";
import { setPacked } from "../lib/trips/packed.ts";

const REQUEST: GenerateRequest = {
  mode: "occasion",
  occasions: ["work"],
  include_reasoning: false,
  parallel: false,
};

/** The first element of a KV key, which names what the row is. */
function kind(key: Uint8Array): string {
  assert.equal(key[0], 0x02, "keys start with a string");
  return new TextDecoder().decode(key.subarray(1, key.indexOf(0x00, 1)));
}

Deno.test("[expiry] job records, events and their indexes expire after 24 h; wardrobes, looks and recent outfits persist", async () => {
  const dir = await Deno.makeTempDir({ prefix: "stylist-expiry-" });
  const path = `${dir}/stylist.kv`;
  try {
    const start = Date.now();
    const kv = await Deno.openKv(path);
    const userId = crypto.randomUUID();
    await resetWardrobe(kv, userId); // the shopper's own copy of the sample
    const created = await createJob(kv, {
      userId,
      request: { ...REQUEST, occasions: ["party"] },
      limits: DEFAULT_LIMITS,
      idempotencyKey: "once",
      enqueue: false,
    });
    assert.equal(created.kind, "created");
    const jobId = created.job.id;
    // A second, unfinished job keeps an entry in the active index.
    await createJob(kv, {
      userId,
      request: REQUEST,
      enqueue: false,
    });
    await outfitRunner({
      kv,
      stylists: { stylist: createLocalStylist() },
      leaseMs: 30_000,
    }).run(jobId);
    assert.equal((await getJob(kv, jobId))?.job.status, "complete");
    // A saved look must outlive the job it came from.
    assert.ok(await keepOutfit(kv, userId, jobId, 1, { saved: true }));
    kv.close();
    const end = Date.now();

    const db = new DatabaseSync(path, { readOnly: true });
    const rows = db.prepare("SELECT k, expiration_ms FROM kv").all() as {
      k: Uint8Array;
      expiration_ms: number;
    }[];
    db.close();
    const seen = new Map<string, number>();
    for (const row of rows) {
      const what = kind(row.k);
      seen.set(what, (seen.get(what) ?? 0) + 1);
      if (["users", "wardrobe", "looks", "recent_outfits"].includes(what)) {
        assert.equal(row.expiration_ms, -1, `${what} must not expire`);
      } else if (what === "job_quota") {
        assert.ok(row.expiration_ms > end, "the quota outlives its minute");
        assert.ok(row.expiration_ms <= end + JOB_TTL_MS);
      } else {
        assert.ok(
          row.expiration_ms >= start + JOB_TTL_MS &&
            row.expiration_ms <= end + JOB_TTL_MS,
          `${what} expires in 24 h (got ${row.expiration_ms - end} ms)`,
        );
      }
    }
    for (
      const what of [
        "users",
        "wardrobe",
        "looks",
        "recent_outfits",
        "jobs",
        "job_events",
        "active_jobs",
        "idempotency",
        "job_quota",
      ]
    ) assert.ok(seen.has(what), `a "${what}" row was checked`);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("[expiry] a trip's job, log and ticked packing list are kept until the day after the trip, not only a day", async () => {
  const dir = await Deno.makeTempDir({ prefix: "stylist-expiry-" });
  const path = `${dir}/stylist.kv`;
  try {
    const kv = await Deno.openKv(path);
    const userId = crypto.randomUUID();
    await resetWardrobe(kv, userId);
    const request = {
      mode: "trip" as const,
      place: "Oslo",
      start_date: daysAfter(serverDay(), 10),
      days: 5,
      occasions: ["work" as const],
      include_reasoning: false,
      parallel: false,
    };
    const keepUntil = tripFlow.days!.keepUntil(request);
    // Ten days ahead for five days: kept 16 days and more, far past a day.
    assert.ok(keepUntil - Date.now() > 15 * JOB_TTL_MS);
    const created = await createJob(kv, {
      userId,
      request,
      keepUntil,
      enqueue: false,
    });
    assert.equal(created.kind, "created");
    const jobId = created.job.id;
    await outfitRunner({
      kv,
      stylists: { stylist: createLocalStylist() },
      leaseMs: 30_000,
    }).run(jobId);
    const job = (await getJob(kv, jobId))!.job;
    assert.equal(job.status, "complete");
    await setPacked(kv, job, job.outfits[0].item_ids[0], true);
    kv.close();

    const db = new DatabaseSync(path, { readOnly: true });
    const rows = db.prepare("SELECT k, expiration_ms FROM kv").all() as {
      k: Uint8Array;
      expiration_ms: number;
    }[];
    db.close();
    const kept = rows.filter((row) =>
      ["jobs", "job_heads", "job_events", "packed"].includes(kind(row.k))
    );
    assert.deepEqual(
      [...new Set(kept.map((row) => kind(row.k)))].sort(),
      ["job_events", "job_heads", "jobs", "packed"],
    );
    for (const row of kept) {
      // Written just now with the time left until then.
      assert.ok(
        Math.abs(row.expiration_ms - keepUntil) < 60_000,
        `${kind(row.k)} kept until the day after the trip (off by ${
          row.expiration_ms - keepUntil
        } ms)`,
      );
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

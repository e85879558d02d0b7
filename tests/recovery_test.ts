/**
 * Jobs whose worker stopped: the sweep takes them over (or gives up on them
 * with their partial outfits), dispatches jobs when there is no queue, and
 * leaves alone a job whose worker is merely slow. The kill -9 of a real
 * server process is in crash_test.ts; here a dead worker is what it leaves
 * behind in the store: a running job with one outfit and a lapsed lease.
 */
import assert from "node:assert/strict";
import { MESSAGES } from "../lib/jobs/progress.ts";
import {
  appendEvents,
  claimJob,
  createJob,
  getJob,
  listEvents,
} from "../lib/jobs/store.ts";
import type { GenerateRequest, JobEvent, Outfit } from "../lib/schemas.ts";
import { validateOutfit } from "../lib/stylist/outfit_rules.ts";
import { createLocalStylist } from "../lib/stylist/providers/local.ts";
import type { Stylist } from "../lib/stylist/types.ts";
import { listWardrobe } from "../lib/wardrobe.ts";
import { MAX_ATTEMPTS } from "../lib/jobs/runner.ts";
import {
  GAVE_UP_MESSAGE,
  startOutfitEngine,
} from "../workers/outfit_worker.ts";
import { startTestServer } from "./helpers/server.ts";
import { waitFor } from "./helpers/wait_for.ts";

const REQUEST: GenerateRequest = {
  mode: "occasion",
  occasions: ["work"],
  include_reasoning: false,
  parallel: false,
};

/** One finished outfit, as a worker would have written it. */
async function anOutfit(kv: Deno.Kv, userId: string): Promise<Outfit> {
  const wardrobe = await listWardrobe(kv, userId);
  const events = createLocalStylist().generate({
    request: REQUEST,
    wardrobe,
    signal: new AbortController().signal,
    seed: "dead-worker",
    count: 1,
  });
  for await (const event of events) {
    if (event.type !== "outfit") continue;
    const check = validateOutfit(event.outfit, {
      request: REQUEST,
      wardrobe,
      earlier: [],
    });
    assert.ok(check.ok);
    return { ...event.outfit, items: check.items, source: "local" };
  }
  throw new Error("the built-in stylist made no outfit");
}

/**
 * What a worker that died after its first outfit leaves behind: a running
 * job, one outfit, and a lease that ran out. `deaths` workers did this.
 */
async function abandonedJob(kv: Deno.Kv, deaths = 1): Promise<string> {
  const userId = crypto.randomUUID();
  const created = await createJob(kv, {
    userId,
    request: REQUEST,
    enqueue: false,
  });
  assert.equal(created.kind, "created");
  const jobId = created.job.id;
  const outfit = await anOutfit(kv, userId);
  for (let i = 0; i < deaths; i++) {
    // Each worker claimed after the one before it had lapsed.
    const at = Date.now() - 60_000 + i * 5_000;
    const entry = await claimJob(kv, jobId, { leaseMs: 1_000, now: at });
    assert.ok(entry, `claim ${i + 1}`);
    if (i === 0) {
      assert.ok(
        await appendEvents(kv, entry, [{
          type: "outfit",
          data: { outfit_number: 1, outfit },
        }]),
      );
    }
  }
  return jobId;
}

function assertContiguous(events: JobEvent[]) {
  assert.deepEqual(events.map((e) => e.seq), events.map((_, i) => i + 1));
}

/** An instance with no queue that only sweeps (every 20 ms). */
function startSweeping(kv: Deno.Kv, stylist: Stylist = createLocalStylist()) {
  const engine = startOutfitEngine({
    kv,
    stylists: { stylist },
    leaseMs: 1_000,
    useQueue: false,
    sweep: true,
    sweepIntervalMs: 20,
  });
  return { stop: () => engine.drain(0) };
}

Deno.test("[recovery] a job whose worker died is finished where it stopped", async () => {
  using kv = await Deno.openKv(":memory:");
  const jobId = await abandonedJob(kv);
  const before = (await getJob(kv, jobId))!.job;

  const sweeper = startSweeping(kv);
  await waitFor(async () =>
    (await getJob(kv, jobId))?.job.status === "complete"
  );
  await sweeper.stop();

  const events = await listEvents(kv, jobId);
  assertContiguous(events);
  const outfits = events.filter((e) => e.type === "outfit");
  assert.deepEqual(
    outfits.map((e) => e.type === "outfit" && e.data.outfit_number),
    [1, 2, 3],
    "no outfit emitted twice",
  );
  assert.deepEqual(
    outfits[0].type === "outfit" && outfits[0].data.outfit,
    before.outfits[0],
    "the dead worker's outfit stands",
  );
  assert.ok(
    events.some((e) =>
      e.type === "progress" && e.data.message === MESSAGES.resuming
    ),
  );
  const { job } = (await getJob(kv, jobId))!;
  assert.equal(job.attempts, 2);
  assert.equal(job.outfits.length, 3);
  assert.equal(
    (await kv.get(["active_jobs", job.user_id, jobId])).value,
    null,
    "a finished job leaves the sweep's index",
  );
});

Deno.test("[recovery] after its attempts are used up a job fails with its partial outfits", async () => {
  using kv = await Deno.openKv(":memory:");
  const jobId = await abandonedJob(kv, MAX_ATTEMPTS);

  const sweeper = startSweeping(kv);
  await waitFor(async () => (await getJob(kv, jobId))?.job.status === "failed");
  await sweeper.stop();

  const events = await listEvents(kv, jobId);
  assertContiguous(events);
  const last = events.at(-1)!;
  assert.equal(last.type, "error");
  assert.equal(last.type === "error" && last.data.error, GAVE_UP_MESSAGE);
  assert.equal(last.type === "error" && last.data.partial.outfits.length, 1);
  assert.equal(events.filter((e) => e.type === "outfit").length, 1);
});

Deno.test("[recovery] a slow worker keeps its job: the lease is renewed while the stylist is silent", async () => {
  const local = createLocalStylist();
  let stalls = 0;
  // Silent for three leases before its first outfit, like a model's slow
  // first token: only heartbeats can keep the job from being taken over.
  const slow: Stylist = {
    name: "slow",
    source: "local",
    async *generate(input) {
      if (stalls++ === 0) await new Promise((r) => setTimeout(r, 2_400));
      yield* local.generate(input);
    },
  };
  await using server = await startTestServer({
    stylist: slow,
    leaseMs: 800,
    sweepIntervalMs: 20,
  });
  const shopper = server.client();
  const jobId = await shopper.generate(REQUEST);
  const events = await shopper.events(jobId);
  assert.equal(events.at(-1)?.event, "complete");
  const { job } = (await getJob(server.kv, jobId))!;
  assert.equal(job.attempts, 1, "no second worker took the job over");
  assert.equal(stalls, 1);
});

Deno.test("[recovery] without a queue the sweep runs jobs nobody started", async () => {
  using kv = await Deno.openKv(":memory:");
  // Committed with no queue message, and no request left to start it.
  const created = await createJob(kv, {
    userId: crypto.randomUUID(),
    request: REQUEST,
    enqueue: false,
  });
  assert.equal(created.kind, "created");
  const sweeper = startSweeping(kv);
  await waitFor(async () =>
    (await getJob(kv, created.job.id))?.job.status === "complete"
  );
  await sweeper.stop();
  assert.equal((await getJob(kv, created.job.id))!.job.attempts, 1);
});

Deno.test("[recovery] two instances sweeping one store run each job once", async () => {
  using kv = await Deno.openKv(":memory:");
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) {
    const created = await createJob(kv, {
      userId: crypto.randomUUID(),
      request: REQUEST,
      enqueue: false,
    });
    assert.equal(created.kind, "created");
    ids.push(created.job.id);
  }
  const a = startSweeping(kv);
  const b = startSweeping(kv);
  await waitFor(async () => {
    const jobs = await Promise.all(ids.map((id) => getJob(kv, id)));
    return jobs.every((entry) => entry?.job.status === "complete");
  }, { timeoutMs: 15_000 });
  await Promise.all([a.stop(), b.stop()]);
  for (const id of ids) {
    const events = await listEvents(kv, id);
    assertContiguous(events);
    assert.equal(events.filter((e) => e.type === "outfit").length, 3);
    assert.equal((await getJob(kv, id))!.job.attempts, 1);
  }
});

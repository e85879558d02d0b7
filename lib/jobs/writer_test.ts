import assert from "node:assert/strict";
import { claimJob, getJob, listEvents } from "./store.ts";
import { storeWithJobs } from "./test_jobs.ts";
import { JobWriter } from "./writer.ts";
import { waitFor } from "../../tests/helpers/wait_for.ts";
import { delay } from "../delay.ts";

Deno.test("[writer] a silent worker's lease is renewed by its heartbeat", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const claimed = (await claimJob(store.kv, jobId, { leaseMs: 900 }))!;
  const writer = new JobWriter(store.kv, claimed, { leaseMs: 900 });
  const first = claimed.job.lease!.until;
  // Renewed well before it runs out, without a word written.
  await waitFor(
    async () => (await getJob(store.kv, jobId))!.job.lease!.until > first,
    {
      timeoutMs: 900,
      what: "the heartbeat",
    },
  );
  const { job } = (await getJob(store.kv, jobId))!;
  writer.close();
  assert.equal(job.seq, 1, "and without an event");
});

Deno.test("[writer] reasoning deltas are written together", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const claimed = (await claimJob(store.kv, jobId, { leaseMs: 30_000 }))!;
  const writer = new JobWriter(store.kv, claimed, {
    leaseMs: 30_000,
    reasoningFlushMs: 50,
  });
  for (const word of ["Navy ", "and ", "camel ", "work."]) {
    writer.reasoning(word);
  }
  await writer.flush();
  writer.close();
  const events = await listEvents(store.kv, jobId);
  assert.deepEqual(events.map((e) => e.type), ["progress", "reasoning"]);
  assert.equal(
    (await getJob(store.kv, jobId))!.job.reasoning,
    "Navy and camel work.",
  );
});

Deno.test("[writer] handing back releases the lease, keeps the reasoning, and does not count", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const claimed = (await claimJob(store.kv, jobId, { leaseMs: 30_000 }))!;
  const writer = new JobWriter(store.kv, claimed, { leaseMs: 30_000 });
  writer.reasoning("Half a thought");
  await writer.handBack();
  const { job } = (await getJob(store.kv, jobId))!;
  assert.equal(job.lease?.until, 0);
  assert.equal(job.attempts, 0);
  assert.equal(job.reasoning, "Half a thought");
  assert.ok(await claimJob(store.kv, jobId, { leaseMs: 30_000 }));
});

Deno.test("[writer] a heartbeat due while the hand-back commits does not take the lease back", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  // Commits wait at a gate (as when another thread holds SQLite's write
  // lock), so the hand-back is still in flight when the heartbeat is due.
  const gate = Promise.withResolvers<void>();
  const gated = new Proxy(store.kv, {
    get(kv, name) {
      if (name !== "atomic") {
        const value = Reflect.get(kv, name, kv);
        return typeof value === "function" ? value.bind(kv) : value;
      }
      return () => {
        const op = kv.atomic();
        const commit = op.commit.bind(op);
        op.commit = async () => {
          await gate.promise;
          return commit();
        };
        return op;
      };
    },
  });
  const leaseMs = 30; // a heartbeat is due every 10 ms
  const claimed = (await claimJob(store.kv, jobId, { leaseMs }))!;
  const writer = new JobWriter(gated, claimed, { leaseMs });
  const handedBack = writer.handBack();
  // Several heartbeat periods pass while the hand-back waits at the gate.
  await delay(5 * leaseMs);
  gate.resolve();
  await handedBack;
  await writer.flush(); // whatever was queued behind the hand-back has run
  const { job } = (await getJob(store.kv, jobId))!;
  assert.equal(job.lease?.until, 0, "still handed back");
  assert.ok(await claimJob(store.kv, jobId, { leaseMs }), "claimable at once");
});

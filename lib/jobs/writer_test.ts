import assert from "node:assert/strict";
import { claimJob, getJob, listEvents } from "./store.ts";
import { storeWithJobs } from "./test_jobs.ts";
import { JobWriter } from "./writer.ts";
import { waitFor } from "../../tests/helpers/wait_for.ts";

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

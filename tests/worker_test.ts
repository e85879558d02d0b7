/** The queue handler under at-least-once delivery. */
import assert from "node:assert/strict";
import { handleJobMessage } from "../lib/jobs/queue.ts";
import { createJob, getJob, listEvents } from "../lib/jobs/store.ts";
import { createLocalStylist } from "../lib/stylist/providers/local.ts";
import type { Stylist } from "../lib/stylist/types.ts";
import { outfitRunner } from "../workers/outfit_worker.ts";

async function setup() {
  // No queue listener: the test delivers messages itself.
  const kv = await Deno.openKv(":memory:");
  const runnerWith = (stylist: Stylist = createLocalStylist()) =>
    outfitRunner({ kv, stylists: { stylist }, leaseMs: 30_000 });
  const runner = runnerWith();
  const created = await createJob(kv, {
    userId: crypto.randomUUID(),
    request: {
      mode: "occasion",
      occasions: ["travel"],
      include_reasoning: false,
      parallel: false,
    },
  });
  assert.equal(created.kind, "created");
  const jobId = created.job.id;
  return {
    kv,
    runner,
    runnerWith,
    jobId,
    [Symbol.dispose]: () => kv.close(),
  };
}

Deno.test("[worker] a second delivery of a finished job adds no events", async () => {
  using ctx = await setup();
  await handleJobMessage(ctx.runner, { jobId: ctx.jobId });
  const before = await listEvents(ctx.kv, ctx.jobId);
  assert.equal(before.at(-1)!.type, "complete");
  await handleJobMessage(ctx.runner, { jobId: ctx.jobId });
  assert.deepEqual(await listEvents(ctx.kv, ctx.jobId), before);
});

Deno.test("[worker] two deliveries at once run the job once", async () => {
  using ctx = await setup();
  await Promise.all([
    handleJobMessage(ctx.runner, { jobId: ctx.jobId }),
    handleJobMessage(ctx.runner, { jobId: ctx.jobId }),
  ]);
  const events = await listEvents(ctx.kv, ctx.jobId);
  assert.deepEqual(events.map((e) => e.seq), events.map((_, i) => i + 1));
  assert.equal(events.filter((e) => e.type === "outfit").length, 3);
  assert.equal(events.filter((e) => e.type === "complete").length, 1);
  const { job } = (await getJob(ctx.kv, ctx.jobId))!;
  assert.equal(job.attempts, 1);
  assert.equal(job.seq, events.length);
});

Deno.test("[worker] messages of unknown shape or for unknown jobs are ignored", async () => {
  using ctx = await setup();
  await handleJobMessage(ctx.runner, { nope: 1 });
  await handleJobMessage(ctx.runner, { jobId: "no-such-job" });
  assert.equal(
    (await listEvents(ctx.kv, ctx.jobId)).length,
    1,
    "only the first event",
  );
});

Deno.test("[worker] a failing stylist ends the job with an error and the finished outfits", async () => {
  using ctx = await setup();
  const local = createLocalStylist();
  const runner = ctx.runnerWith({
    name: "flaky",
    source: "model",
    async *generate(input) {
      let outfits = 0;
      for await (const event of local.generate(input)) {
        yield event;
        if (event.type === "outfit" && ++outfits === 1) {
          throw new Error("connection reset");
        }
      }
    },
  });
  await handleJobMessage(runner, { jobId: ctx.jobId });
  const events = await listEvents(ctx.kv, ctx.jobId);
  const last = events.at(-1)!;
  assert.equal(last.type, "error");
  if (last.type !== "error") return;
  assert.equal(last.data.partial.outfits.length, 1);
  assert.doesNotMatch(
    last.data.error,
    /connection reset/,
    "internals stay in the log",
  );
  const { job } = (await getJob(ctx.kv, ctx.jobId))!;
  assert.equal(job.status, "failed");
  assert.equal(job.outfits.length, 1);
});

import assert from "node:assert/strict";
import type { JobEvent, Outfit } from "../schemas.ts";
import { applyEvent, isTerminal, type Job } from "./job.ts";
import { REQUEST } from "./test_jobs.ts";

const blank: Job = {
  id: "job",
  user_id: "shopper",
  request: REQUEST,
  status: "running",
  created_at: "",
  updated_at: "",
  seq: 0,
  progress: 0,
  message: "",
  current_outfit: 0,
  outfits: [],
  reasoning: "",
  attempts: 1,
  lease: { token: "t", until: 1 },
};
const outfit = { title: "A look" } as Outfit;

Deno.test("[job] the snapshot is the log folded; progress never goes back", () => {
  const log: JobEvent[] = [
    {
      seq: 1,
      type: "progress",
      data: {
        progress: 40,
        message: "Creating outfit 2 of 3…",
        current_outfit: 2,
      },
    },
    {
      seq: 2,
      type: "progress",
      data: { progress: 30, message: "Finishing…", current_outfit: 2 },
    },
    { seq: 3, type: "reasoning", data: { delta: "Because " } },
    { seq: 4, type: "reasoning", data: { delta: "it works." } },
    { seq: 5, type: "outfit", data: { outfit_number: 1, outfit } },
  ];
  const job = log.reduce(applyEvent, blank);
  assert.equal(job.seq, 5);
  assert.equal(job.progress, 40);
  assert.equal(job.message, "Finishing…");
  assert.equal(job.reasoning, "Because it works.");
  assert.deepEqual(job.outfits, [outfit]);
  assert.equal(isTerminal(job.status), false);
});

Deno.test("[job] the end clears the lease; a cancel is not a failure", () => {
  const done = applyEvent(blank, {
    seq: 1,
    type: "complete",
    data: { result: { outfits: [] } },
  });
  assert.equal(done.status, "complete");
  assert.equal(done.progress, 100);
  assert.equal(done.lease, undefined);
  const cancelled = applyEvent(blank, {
    seq: 1,
    type: "error",
    data: { error: "Cancelled", partial: { outfits: [] }, cancelled: true },
  });
  assert.equal(cancelled.status, "cancelled");
  assert.equal(cancelled.lease, undefined);
  assert.ok(isTerminal(cancelled.status));
});

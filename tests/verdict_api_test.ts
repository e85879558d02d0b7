/**
 * Consider buying: the rules' verdict is the job's second event, written
 * with the job itself, so the stream, a poll and a reload all have it
 * before the first outfit; the result keeps it.
 */
import assert from "node:assert/strict";
import type { Verdict } from "../lib/schemas.ts";
import { startTestServer } from "./helpers/server.ts";

const BUYING = {
  mode: "consider_buying",
  candidate: {
    name: "Rust suede jacket",
    category: "outerwear",
    colors: ["rust"],
    price: 180,
  },
};

Deno.test("[verdict] it comes right after the first event, before any outfit, and stays in the snapshot and result", async () => {
  await using server = await startTestServer({ localDelayMs: 200 });
  const shopper = server.client();
  const jobId = await shopper.generate(BUYING);

  // A poll the instant the 202 is back already has it.
  const snapshot = await shopper.get(`/api/jobs/${jobId}`);
  const verdict: Verdict = snapshot.body.verdict;
  assert.ok(
    ["Great addition", "Worth considering", "Think twice"].includes(
      verdict.label,
    ),
  );
  assert.ok(verdict.reasons.length >= 1 && verdict.reasons.length <= 2);
  assert.ok(verdict.unlocks.outfits > 0);
  assert.match(verdict.cost_per_wear!.sentence, /^€\d+\.\d\d a wear$/);

  const events = await shopper.events(jobId);
  assert.deepEqual(
    events.slice(0, 2).map((e) => [e.id, e.event]),
    [[1, "progress"], [2, "verdict"]],
  );
  assert.deepEqual((events[1].data as { verdict: Verdict }).verdict, verdict);
  const done = events.at(-1)!;
  assert.equal(done.event, "complete");
  assert.deepEqual(
    (done.data as { result: { verdict: Verdict } }).result.verdict,
    verdict,
  );
});

Deno.test("[verdict] other flows have none", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const jobId = await shopper.generate({
    mode: "occasion",
    occasions: ["work"],
  });
  const events = await shopper.events(jobId);
  assert.ok(events.every((e) => e.event !== "verdict"));
  assert.equal(
    (await shopper.get(`/api/jobs/${jobId}`)).body.verdict,
    undefined,
  );
});

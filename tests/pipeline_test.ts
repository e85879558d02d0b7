/**
 * A job from POST to `complete`, read the way a client reads it: over the real
 * SSE stream of a real server, backed by a real (in-memory) KV queue.
 */
import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../lib/sample_wardrobe.ts";
import type { GenerateRequest, Outfit } from "../lib/schemas.ts";
import { CANDIDATE_ID } from "../lib/schemas.ts";
import { validateOutfit } from "../lib/stylist/outfit_rules.ts";
import type { SseEvent } from "./helpers/sse_client.ts";
import { startTestServer } from "./helpers/server.ts";

const FLOWS: {
  name: string;
  request: GenerateRequest;
  rule: (o: Outfit) => boolean;
}[] = [
  {
    name: "occasion",
    request: {
      mode: "occasion",
      occasions: ["work"],
      include_reasoning: false,
      parallel: false,
    },
    // Smart casual is fine at work; gym and beach wear are not.
    rule: (o) => o.items.every((item) => item.formality >= 2),
  },
  {
    name: "complete",
    request: {
      mode: "complete",
      anchor_ids: ["white-oxford-shirt", "dark-wash-jeans"],
      include_reasoning: false,
      parallel: false,
    },
    rule: (o) =>
      o.item_ids.includes("white-oxford-shirt") &&
      o.item_ids.includes("dark-wash-jeans"),
  },
  {
    name: "consider_buying",
    request: {
      mode: "consider_buying",
      candidate: {
        name: "Rust suede jacket",
        category: "outerwear",
        colors: ["rust"],
      },
      include_reasoning: false,
      parallel: false,
    },
    rule: (o) => o.item_ids.includes(CANDIDATE_ID),
  },
];

/** Checks the shape every finished stream must have, and returns its outfits. */
function assertCompleteStream(events: SseEvent[]): Outfit[] {
  assert.deepEqual(
    events.map((e) => e.id),
    events.map((_, i) => i + 1),
    "ids are the contiguous sequence 1..n",
  );
  assert.deepEqual(events[0], {
    event: "progress",
    id: 1,
    data: { progress: 2, message: "Getting ready…", current_outfit: 0 },
  });
  const messages = events.filter((e) => e.event === "progress").map((e) =>
    (e.data as { message: string }).message
  );
  assert.deepEqual([...new Set(messages)], [
    "Getting ready…",
    "Looking through your wardrobe…",
    "Creating outfit 1 of 3…",
    "Creating outfit 2 of 3…",
    "Creating outfit 3 of 3…",
    "Finalizing outfits…",
    "Complete!",
  ]);
  const progress = events.filter((e) => e.event === "progress").map((e) =>
    (e.data as { progress: number }).progress
  );
  assert.deepEqual(
    progress,
    [...progress].sort((a, b) => a - b),
    "progress never goes back",
  );
  assert.equal(progress.at(-1), 100);

  // Each outfit arrives after its "Creating outfit k" and before k+1's.
  const order = events.flatMap((e) => {
    if (e.event === "outfit") {
      return [`outfit ${(e.data as { outfit_number: number }).outfit_number}`];
    }
    const m = e.event === "progress" &&
      /Creating outfit (\d)/.exec((e.data as { message: string }).message);
    return m ? [`creating ${m[1]}`] : [];
  });
  assert.deepEqual([...new Set(order)], [
    "creating 1",
    "outfit 1",
    "creating 2",
    "outfit 2",
    "creating 3",
    "outfit 3",
  ]);

  const last = events.at(-1)!;
  assert.equal(last.event, "complete");
  const streamed = events.filter((e) => e.event === "outfit").map((e) =>
    (e.data as { outfit: Outfit }).outfit
  );
  const { result } = last.data as { result: { outfits: Outfit[] } };
  assert.deepEqual(
    result.outfits,
    streamed,
    "the result holds the streamed outfits",
  );
  return streamed;
}

for (const flow of FLOWS) {
  Deno.test(`[pipeline] ${flow.name}: POST to complete over the stream`, async () => {
    await using server = await startTestServer();
    const shopper = server.client();
    const post = await shopper.send(
      "POST",
      "/api/outfits/generate",
      flow.request,
    );
    assert.equal(post.status, 202);
    const jobId = post.body.job_id;
    assert.deepEqual(post.body, {
      job_id: jobId,
      status: "queued",
      status_url: `/api/jobs/${jobId}`,
      stream_url: `/api/jobs/${jobId}/stream`,
    });
    assert.equal(post.headers.get("location"), `/api/jobs/${jobId}`);

    const outfits = assertCompleteStream(await shopper.events(jobId));
    assert.equal(outfits.length, 3);
    const { body: { items: wardrobe } } = await shopper.get("/api/wardrobe");
    for (const [i, outfit] of outfits.entries()) {
      const check = validateOutfit(outfit, {
        request: flow.request,
        wardrobe,
        earlier: outfits.slice(0, i),
      });
      assert.ok(
        check.ok,
        `outfit ${i + 1} is valid: ${!check.ok && check.reason}`,
      );
      assert.ok(
        flow.rule(outfit),
        `outfit ${i + 1} obeys the ${flow.name} rule`,
      );
      assert.equal(outfit.source, "local");
      assert.deepEqual(
        outfit.items.map((item) => item.id).sort(),
        [...outfit.item_ids].sort(),
      );
    }

    const status = await shopper.get(`/api/jobs/${jobId}`);
    assert.equal(status.status, 200);
    assert.equal(status.body.status, "complete");
    assert.equal(status.body.progress, 100);
    assert.equal(status.body.message, "Complete!");
    assert.equal(status.body.current_outfit, 3);
    assert.deepEqual(status.body.outfits, outfits);
    assert.deepEqual(status.body.result.outfits, outfits);
    assert.equal(status.body.reasoning, undefined, "no reasoning unless asked");
  });
}

Deno.test("[pipeline] include_reasoning streams reasoning and keeps it in the result", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const jobId = await shopper.generate({
    mode: "occasion",
    occasions: ["date_night"],
    include_reasoning: true,
  });
  const events = await shopper.events(jobId);
  const deltas = events.filter((e) => e.event === "reasoning").map((e) =>
    (e.data as { delta: string }).delta
  );
  assert.ok(deltas.length >= 1, "reasoning events were sent");
  const { result } = events.at(-1)!.data as {
    result: { reasoning: string; outfits: Outfit[] };
  };
  assert.equal(result.reasoning, deltas.join(""));
  // One paragraph per outfit, in order.
  assert.deepEqual(
    result.reasoning.split("\n\n"),
    result.outfits.map((outfit) => outfit.reasoning),
  );
  for (const outfit of result.outfits) {
    assert.ok(
      result.reasoning.includes(outfit.reasoning),
      "each outfit's reasoning is in the log",
    );
  }
  // The first reasoning arrives before the first outfit: it is written first.
  const firstReasoning = events.findIndex((e) => e.event === "reasoning");
  const firstOutfit = events.findIndex((e) => e.event === "outfit");
  assert.ok(firstReasoning < firstOutfit);
});

Deno.test("[pipeline] without include_reasoning no reasoning event is sent", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const jobId = await shopper.generate({
    mode: "occasion",
    occasions: ["casual"],
  });
  const events = await shopper.events(jobId);
  assert.equal(events.filter((e) => e.event === "reasoning").length, 0);
  assert.equal(
    "reasoning" in (events.at(-1)!.data as { result: object }).result,
    false,
  );
});

Deno.test("[pipeline] a wardrobe that cannot make outfits is refused with 422 and no job", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const { body: { items } } = await shopper.get("/api/wardrobe");
  for (
    const item of items.filter((i: { category: string }) =>
      i.category === "shoes"
    )
  ) {
    assert.equal(
      (await shopper.send("DELETE", `/api/wardrobe/items/${item.id}`)).status,
      204,
    );
  }
  const res = await shopper.send("POST", "/api/outfits/generate", {
    mode: "occasion",
    occasions: ["casual"],
  });
  assert.equal(res.status, 422);
  assert.match(res.body.error, /shoes/i);
  const jobs = await Array.fromAsync(server.kv.list({ prefix: ["jobs"] }));
  assert.equal(jobs.length, 0);
});

Deno.test("[pipeline] sample wardrobe ids used by these tests exist", () => {
  const ids = new Set(SAMPLE_WARDROBE.map((item) => item.id));
  for (const id of ["white-oxford-shirt", "dark-wash-jeans"]) {
    assert.ok(ids.has(id), id);
  }
});

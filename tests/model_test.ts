/**
 * The model path end to end: the real `openai` SDK streaming from an
 * OpenAI-compatible server on loopback, through the worker, out over SSE.
 * Every scripted fault ends the job (`complete`, or `error` with partial
 * outfits); none hangs.
 */
import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../lib/sample_wardrobe.ts";
import type { GenerateRequest, Outfit } from "../lib/schemas.ts";
import { composeContext } from "../lib/stylist/job_context.ts";
import { chunkText, type FakeScript } from "./helpers/fake_openai.ts";
import { startModelApp as startModelAppWith } from "./helpers/model_app.ts";
import { modelAnswer, plannedOutfits } from "./helpers/model_script.ts";
import { readEvents } from "./helpers/sse_client.ts";
import { waitFor } from "./helpers/wait_for.ts";

const REQUEST: GenerateRequest = {
  mode: "occasion",
  occasions: ["date_night"],
  include_reasoning: true,
  parallel: false,
};
const API_KEY = "sk-test-never-shown";

/** Quick to retry and to time out, so faults play out in milliseconds. */
function startModelApp(script: FakeScript) {
  return startModelAppWith(script, {
    apiKey: API_KEY,
    maxRetries: 2,
    backoffBaseMs: 10,
    maxRetryDelayMs: 200,
    firstTokenTimeoutMs: 2_000,
    idleTimeoutMs: 300,
  });
}

async function answerChunks(request = REQUEST, size = 7) {
  return chunkText(modelAnswer(request, await plannedOutfits(request)), size);
}

type Done = {
  result: {
    outfits: Outfit[];
    usage?: unknown;
    fallback?: { error: string; outfits_from_fallback: number[] };
    reasoning?: string;
  };
};

Deno.test("[model] outfits stream from the model, each before the model has finished", async () => {
  const chunks = await answerChunks();
  await using app = await startModelApp([{ chunks, paceMs: 3 }]);
  const shopper = app.server.client();
  const jobId = await shopper.generate(REQUEST);
  const res = await shopper.stream(jobId);
  const events = [];
  let deltasAtFirstOutfit = -1;
  for await (const event of readEvents(res.body!)) {
    if (event.event === "outfit" && deltasAtFirstOutfit < 0) {
      deltasAtFirstOutfit = app.fake.requests[0].deltasSent;
    }
    events.push(event);
  }
  assert.ok(
    deltasAtFirstOutfit > 0 && deltasAtFirstOutfit < chunks.length * 0.6,
    `the first outfit arrived after ${deltasAtFirstOutfit} of ${chunks.length} deltas`,
  );
  const done = events.at(-1)!;
  assert.equal(done.event, "complete");
  const { result } = done.data as Done;
  assert.deepEqual(result.outfits.map((o) => o.source), [
    "model",
    "model",
    "model",
  ]);
  assert.ok(result.outfits.every((o) => o.title.startsWith("Model: ")));
  assert.equal(result.fallback, undefined);
  assert.ok(result.usage, "token usage is in the result");

  // Reasoning streamed in several pieces while the model wrote it.
  const reasoning = events.filter((e) => e.event === "reasoning");
  assert.ok(reasoning.length > 3, `${reasoning.length} reasoning events`);
  const firstOutfitAt = events.findIndex((e) => e.event === "outfit");
  assert.ok(events.findIndex((e) => e.event === "reasoning") < firstOutfitAt);
  // Each outfit's thinking is a paragraph of its own in the debug panel.
  assert.deepEqual(
    result.reasoning?.split("\n\n"),
    result.outfits.map((o) => o.reasoning),
  );

  // Progress rose inside outfit 1 with the tokens, before it closed.
  const inside = events.slice(0, firstOutfitAt).filter((e) =>
    e.event === "progress" &&
    (e.data as { current_outfit: number }).current_outfit === 1
  );
  assert.ok(inside.length >= 3, "several progress steps within outfit 1");

  const sent = app.fake.requests[0].body;
  assert.equal(sent.stream, true);
  assert.deepEqual(sent.stream_options, { include_usage: true });
  assert.equal(sent.response_format.type, "json_schema");
  assert.equal(sent.response_format.json_schema.strict, true);

  const status = await shopper.get(`/api/jobs/${jobId}`);
  assert.deepEqual(status.body.result.usage, result.usage);

  const late = await shopper.send("POST", `/api/jobs/${jobId}/cancel`);
  assert.equal(late.status, 409, "a finished job cannot be cancelled");
  assert.equal(late.body.status, "complete");
  assert.equal(late.body.error, "The job has already completed");
});

Deno.test("[model] a 429 with retry-after is retried and the job completes", async () => {
  const chunks = await answerChunks();
  await using app = await startModelApp([
    {
      status: 429,
      headers: { "retry-after-ms": "50" },
      body: { error: { message: "slow down" } },
    },
    { chunks },
  ]);
  const shopper = app.server.client();
  const events = await shopper.events(await shopper.generate(REQUEST));
  const { result } = events.at(-1)!.data as Done;
  assert.equal(events.at(-1)!.event, "complete");
  assert.deepEqual(result.outfits.map((o) => o.source), [
    "model",
    "model",
    "model",
  ]);
  assert.equal(app.fake.requests.length, 2);
});

Deno.test("[model] a model that keeps failing: the built-in stylist makes all three", async () => {
  await using app = await startModelApp(() => ({
    status: 500,
    body: { error: { message: "boom" } },
  }));
  const shopper = app.server.client();
  const events = await shopper.events(await shopper.generate(REQUEST));
  assert.equal(events.at(-1)!.event, "complete");
  const { result } = events.at(-1)!.data as Done;
  assert.deepEqual(result.outfits.map((o) => o.source), [
    "local",
    "local",
    "local",
  ]);
  assert.deepEqual(result.fallback, {
    error: "The AI stylist is having trouble right now",
    outfits_from_fallback: [1, 2, 3],
  });
  assert.equal(app.fake.requests.length, 3, "one try and two retries");
  assert.ok(
    events.some((e) =>
      (e.data as { message?: string }).message ===
        "Finishing with the built-in stylist…"
    ),
  );
  assert.ok(!JSON.stringify(events).includes(API_KEY));
});

for (
  const [what, fault, error] of [
    [
      "a stream cut mid-outfit",
      { cutAfter: 0.5 },
      "The connection to the AI stylist was lost",
    ],
    [
      "a stall mid-outfit",
      { stallAfter: 0.5 },
      "The AI stylist took too long to answer",
    ],
  ] as const
) {
  Deno.test(`[model] ${what}: the finished outfit stays, the fallback finishes`, async () => {
    const chunks = await answerChunks();
    // Fault inside outfit 2: after the first outfit, before the end.
    const at = Math.floor(
      chunks.length * fault[Object.keys(fault)[0] as "cutAfter"]!,
    );
    const key = Object.keys(fault)[0];
    await using app = await startModelApp([{ chunks, [key]: at }]);
    const shopper = app.server.client();
    const events = await shopper.events(await shopper.generate(REQUEST));
    assert.equal(events.at(-1)!.event, "complete");
    const { result } = events.at(-1)!.data as Done;
    assert.deepEqual(result.outfits.map((o) => o.source), [
      "model",
      "local",
      "local",
    ]);
    assert.deepEqual(result.fallback, { error, outfits_from_fallback: [2, 3] });
    assert.equal(app.fake.requests.length, 1, "no retry after the first token");
  });
}

Deno.test("[model] malformed JSON after the first outfit is read as far as it goes", async () => {
  const text = modelAnswer(REQUEST, await plannedOutfits(REQUEST));
  const second = text.indexOf("{", text.indexOf("}", text.indexOf('"tip"')));
  const broken = text.slice(0, second + 20) + '"title": oops}]}';
  await using app = await startModelApp([{ chunks: chunkText(broken, 11) }]);
  const shopper = app.server.client();
  const events = await shopper.events(await shopper.generate(REQUEST));
  const { result } = events.at(-1)!.data as Done;
  assert.deepEqual(result.outfits.map((o) => o.source), [
    "model",
    "local",
    "local",
  ]);
  assert.equal(
    result.fallback?.error,
    "The AI stylist's answer could not be read",
  );
});

Deno.test("[model] an outfit with an unknown item is replaced and never shown", async () => {
  const outfits = await plannedOutfits(REQUEST);
  outfits[1] = {
    ...outfits[1],
    item_ids: [...outfits[1].item_ids.slice(1), "i999"],
  };
  await using app = await startModelApp([{
    chunks: chunkText(modelAnswer(REQUEST, outfits), 9),
  }]);
  const shopper = app.server.client();
  const events = await shopper.events(await shopper.generate(REQUEST));
  const shown = events.filter((e) => e.event === "outfit").map((e) =>
    (e.data as { outfit: Outfit }).outfit
  );
  assert.deepEqual(shown.map((o) => o.source), ["model", "local", "model"]);
  assert.match(shown[1].fallback_reason!, /built-in stylist made this one/);
  assert.ok(!JSON.stringify(shown).includes("i999"));
  const { result } = events.at(-1)!.data as Done;
  assert.equal(result.fallback, undefined, "the model itself did not fail");
});

Deno.test("[model] cancel stops the model request within half a second", async () => {
  const chunks = await answerChunks();
  await using app = await startModelApp([{ chunks, stallAfter: 40 }]);
  const shopper = app.server.client();
  const jobId = await shopper.generate(REQUEST);
  await waitFor(() => (app.fake.requests[0]?.deltasSent ?? 0) >= 40, {
    what: "the model to stall",
  });
  const started = performance.now();
  const cancel = await shopper.send("POST", `/api/jobs/${jobId}/cancel`);
  assert.equal(cancel.status, 200);
  assert.equal(cancel.body.status, "cancelled");
  await waitFor(() => app.fake.requests[0].clientAborted, {
    what: "the model request to be aborted",
    timeoutMs: 500,
  });
  assert.ok(performance.now() - started < 500);
  const events = await shopper.events(jobId);
  assert.deepEqual(events.at(-1)!.data, {
    error: "Cancelled",
    partial: { outfits: [] },
    cancelled: true,
  });
  const again = await shopper.send("POST", `/api/jobs/${jobId}/cancel`);
  assert.equal(again.status, 200, "cancelling twice is harmless");
  assert.equal(again.body.status, "cancelled");
});

Deno.test("[model] parallel mode: three concurrent requests, outfits in the order they finish", async () => {
  const request: GenerateRequest = { ...REQUEST, parallel: true };
  const outfits = await plannedOutfits(request);
  // Slot 0 is slowest, slot 2 fastest: outfits must arrive fastest first.
  const paces = [9, 5, 1];
  let inFlight = 0;
  let maxInFlight = 0;
  await using app = await startModelApp((_req, index) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    app.fake.requests[index].finished.then(() => inFlight--);
    return {
      chunks: chunkText(modelAnswer(request, [outfits[index]]), 6),
      paceMs: paces[index],
    };
  });
  const shopper = app.server.client();
  const events = await shopper.events(await shopper.generate(request));
  assert.equal(events.at(-1)!.event, "complete");
  assert.equal(maxInFlight, 3, "the three requests overlapped");
  const shown = events.filter((e) => e.event === "outfit").map((e) =>
    (e.data as { outfit: Outfit }).outfit
  );
  assert.deepEqual(shown.map((o) => o.title), [
    outfits[2].title,
    outfits[1].title,
    outfits[0].title,
  ]);
  const prompts = app.fake.requests.map((r) => JSON.stringify(r.body.messages));
  assert.equal(new Set(prompts).size, 3, "each request has its own angle");
});

Deno.test("[model] the prompt carries the day and the notes, and an outfit breaking a rule is replaced", async () => {
  const request: GenerateRequest = {
    ...REQUEST,
    notes: "No heels, it will be cold",
  };
  // As the job will settle it: no place (WEATHER is off in tests), today.
  const context = composeContext(request, SAMPLE_WARDROBE, 3, {
    place: null,
    weather: null,
    date: new Date().toISOString().slice(0, 10),
  });
  assert.ok(context.rules.includes("outer-layer"));
  const outfits = await plannedOutfits(request, 3, context);
  const layerless = outfits[1].item_ids.filter((id) =>
    SAMPLE_WARDROBE.find((item) => item.id === id)?.category !== "outerwear"
  );
  assert.notDeepEqual(layerless, outfits[1].item_ids, "outfit 2 had a layer");
  outfits[1] = { ...outfits[1], item_ids: layerless };
  await using app = await startModelApp([{
    chunks: chunkText(modelAnswer(request, outfits, context), 9),
  }]);
  const shopper = app.server.client();
  const events = await shopper.events(await shopper.generate(request));

  const prompt = JSON.stringify(app.fake.requests[0].body.messages);
  assert.match(prompt, /Day: \w+day \d+ \w+/);
  assert.match(prompt, /Every outfit must have: a coat or jacket/);
  assert.match(prompt, /No heels, it will be cold/);
  assert.doesNotMatch(prompt, /pointed heels/i, "heels are not even offered");

  const shown = events.filter((e) => e.event === "outfit").map((e) =>
    (e.data as { outfit: Outfit }).outfit
  );
  assert.deepEqual(shown.map((o) => o.source), ["model", "local", "model"]);
  for (const outfit of shown) {
    const pieces = outfit.items.map((item) => item.category);
    assert.ok(pieces.includes("outerwear"), `${outfit.item_ids}`);
    assert.ok(!outfit.item_ids.includes("black-pointed-heels"));
  }
});

/**
 * The demo model server reads Stylist's prompt back correctly, and the app
 * styles through it end to end, so `scripts/demo_model_server.ts` stays a faithful way
 * to try the OpenAI path without a key.
 */
import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../lib/sample_wardrobe.ts";
import type { GenerateRequest, Outfit } from "../lib/schemas.ts";
import { buildPrompt } from "../lib/stylist/prompt.ts";
import { demoReply, readPrompt } from "../scripts/demo_model_server.ts";
import { startModelApp } from "./helpers/model_app.ts";

const base = { include_reasoning: true, parallel: false };
const REQUESTS: GenerateRequest[] = [
  { mode: "occasion", occasions: ["wedding_guest", "party"], ...base },
  {
    mode: "complete",
    anchor_ids: ["white-oxford-shirt", "khaki-chinos"],
    ...base,
  },
  {
    mode: "consider_buying",
    candidate: {
      name: "Rust suede jacket",
      category: "outerwear",
      colors: ["rust"],
      formality: 3,
    },
    ...base,
  },
];

Deno.test("[demo model] reads back the wardrobe and request of every flow's prompt", () => {
  for (const request of REQUESTS) {
    const prompt = buildPrompt(request, [...SAMPLE_WARDROBE], { count: 2 });
    const read = readPrompt(prompt.user);
    assert.equal(read.count, 2);
    assert.equal(read.wardrobe.length, SAMPLE_WARDROBE.length);
    for (const item of read.wardrobe) {
      const real = SAMPLE_WARDROBE.find((i) =>
        i.id === prompt.ids.get(item.id)
      )!;
      const { image_url: _url, price: _price, ...described } = real;
      assert.deepEqual({ ...item, id: real.id }, described);
    }
    assert.equal(read.request.mode, request.mode);
    if (request.mode === "complete" && read.request.mode === "complete") {
      assert.deepEqual(
        read.request.anchor_ids.map((id) => prompt.ids.get(id)),
        request.anchor_ids,
      );
    }
    if (request.mode === "occasion" && read.request.mode === "occasion") {
      assert.deepEqual(read.request.occasions, request.occasions);
    }
  }
});

Deno.test("[demo model] the app styles all three flows through it", async () => {
  await using app = await startModelApp((req) =>
    demoReply(req.body, { paceMs: 0, charsPerDelta: 40 })
  );
  const shopper = app.server.client();
  for (const request of REQUESTS) {
    const events = await shopper.events(await shopper.generate(request));
    assert.equal(events.at(-1)!.event, "complete", request.mode);
    const { result } = events.at(-1)!.data as {
      result: { outfits: Outfit[]; fallback?: unknown };
    };
    assert.deepEqual(result.outfits.map((o) => o.source), [
      "model",
      "model",
      "model",
    ], request.mode);
    assert.equal(result.fallback, undefined);
  }
});

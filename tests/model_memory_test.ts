/**
 * The model path keeps the same promises as the built-in stylist: its
 * titles are true to the pieces and not repeated, and it is told the
 * shopper's history and held to it, through the real `openai` SDK against
 * an OpenAI-compatible server on loopback.
 */
import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../lib/sample_wardrobe.ts";
import type { GenerateRequest, Outfit } from "../lib/schemas.ts";
import { falseTitle } from "../lib/stylist/outfit_words.ts";
import type { OutfitDraft } from "../lib/stylist/types.ts";
import type { TestClient } from "./helpers/client.ts";
import { chunkText } from "./helpers/fake_openai.ts";
import { startModelApp } from "./helpers/model_app.ts";
import { modelAnswer, plannedOutfits } from "./helpers/model_script.ts";

const REQUEST: GenerateRequest = {
  mode: "occasion",
  occasions: ["date_night"],
  include_reasoning: false,
  parallel: false,
};

/** The app on a scripted model that always answers with `outfits`. */
function appAnswering(outfits: OutfitDraft[]) {
  const chunks = chunkText(modelAnswer(REQUEST, outfits), 40);
  return startModelApp(() => ({ chunks, paceMs: 0 }), { maxRetries: 0 });
}

async function result(shopper: TestClient, jobId: string) {
  const events = await shopper.events(jobId);
  const done = events.find((e) => e.event === "complete");
  assert.ok(done, "the job completed");
  return (done.data as { result: { outfits: Outfit[] } }).result.outfits;
}

const byId = new Map(SAMPLE_WARDROBE.map((item) => [item.id, item]));

Deno.test("[model memory] a title naming a missing piece, and a repeated tip, are rewritten", async () => {
  const planned = await plannedOutfits(REQUEST);
  const first = planned[0].item_ids.map((id) => byId.get(id)!);
  // A piece the first outfit does not have, named in its title.
  const absent = SAMPLE_WARDROBE.find((item) =>
    !planned[0].item_ids.includes(item.id) && item.category === "bag"
  )!;
  const lie = `Model: ${absent.name} for the evening`;
  assert.ok(falseTitle(lie, first), "the scripted title really is false");
  const outfits = [
    { ...planned[0], title: lie },
    { ...planned[1], tip: planned[0].tip },
    planned[2],
  ];
  await using app = await appAnswering(outfits);
  const shopper = app.server.client();
  const shown = await result(shopper, await shopper.generate(REQUEST));

  assert.deepEqual(shown.map((o) => o.source), ["model", "model", "model"]);
  assert.deepEqual(
    shown.map((o) => o.item_ids),
    outfits.map((o) => o.item_ids),
  );
  assert.notEqual(shown[0].title, lie);
  assert.equal(falseTitle(shown[0].title, shown[0].items), null);
  assert.notEqual(shown[1].tip, shown[0].tip);
  assert.equal(shown[2].title, planned[2].title, "a true title is kept");
});

Deno.test("[model memory] the model is told the history, and an outfit worn lately is replaced", async () => {
  const planned = await plannedOutfits(REQUEST);
  await using app = await appAnswering(planned);
  const shopper = app.server.client();
  const firstJob = await shopper.generate(REQUEST);
  const first = await result(shopper, firstJob);
  const today = new Date().toISOString().slice(0, 10);
  const worn = await shopper.send("POST", "/api/looks", {
    job_id: firstJob,
    outfit_number: 1,
    worn_on: today,
  });
  assert.equal(worn.status, 201);

  // A model that ignores the prompt and answers the same three again.
  const again = await result(shopper, await shopper.generate(REQUEST));
  const prompt: string = app.fake.requests[1].body.messages
    .map((m: { content: string }) => m.content).join("\n");
  assert.match(prompt, /Shown lately, so give new looks/);
  assert.match(prompt, /Worn in the last two weeks or disliked; never suggest/);

  assert.equal(again[0].source, "local", "the worn outfit was replaced");
  assert.ok(again[0].fallback_reason);
  assert.notDeepEqual(
    [...again[0].item_ids].sort(),
    [...first[0].item_ids].sort(),
  );
  assert.deepEqual(again.slice(1).map((o) => o.source), ["model", "model"]);
});

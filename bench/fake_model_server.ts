/**
 * The scripted model in its own process, for the fan-out benchmark: an
 * OpenAI-compatible server on loopback (tests/helpers/fake_openai.ts) that
 * answers every request with the same three outfits for `BENCH_REQUEST`
 * (JSON), written with the prompt's short ids, at {@link PACE}. Prints
 * "Scripted model on http://127.0.0.1:PORT/v1" when ready.
 *
 * Run by bench/fanout.ts; not a way to run the app.
 */
import type { GenerateRequest } from "../lib/schemas.ts";
import { chunkText, startFakeOpenAI } from "../tests/helpers/fake_openai.ts";
import { modelAnswer, plannedOutfits } from "../tests/helpers/model_script.ts";
import { PACE } from "./pace.ts";

const request: GenerateRequest = JSON.parse(Deno.env.get("BENCH_REQUEST")!);
const chunks = chunkText(
  modelAnswer(request, await plannedOutfits(request)),
  PACE.charsPerDelta,
);
const fake = await startFakeOpenAI(() => ({
  chunks,
  paceMs: PACE.paceMs,
  firstDelayMs: PACE.firstDeltaMs,
}));
console.log(`Scripted model on ${fake.baseURL}`);

/**
 * Scripting a believable model for the loopback OpenAI server: the answer a
 * strict structured-output model would give, built from outfits the built-in
 * stylist planned and written with the prompt's short ids.
 */
import { SAMPLE_WARDROBE } from "../../lib/sample_wardrobe.ts";
import type { GenerateRequest, JobContext } from "../../lib/schemas.ts";
import { buildPrompt } from "../../lib/stylist/prompt.ts";
import { createLocalStylist } from "../../lib/stylist/providers/local.ts";
import type { OutfitDraft } from "../../lib/stylist/types.ts";

/** Three valid outfits for `request` on the sample wardrobe (real ids). */
export async function plannedOutfits(
  request: GenerateRequest,
  count = 3,
  context?: JobContext,
): Promise<OutfitDraft[]> {
  const outfits: OutfitDraft[] = [];
  const events = createLocalStylist().generate({
    request,
    wardrobe: [...SAMPLE_WARDROBE],
    signal: new AbortController().signal,
    seed: "model-script",
    count,
    context,
  });
  for await (const event of events) {
    if (event.type === "outfit") {
      outfits.push({
        ...event.outfit,
        title: `Model: ${event.outfit.title}`,
        reasoning: `Model thinking ✨ «${event.outfit.reasoning}»`,
      });
    }
  }
  return outfits;
}

/** The JSON text the model writes for these outfits, reasoning first. */
export function modelAnswer(
  request: GenerateRequest,
  outfits: OutfitDraft[],
  /** The job's, when its rules leave pieces out of the prompt (and its ids). */
  context?: JobContext,
): string {
  const { ids } = buildPrompt(request, [...SAMPLE_WARDROBE], { context });
  const short = new Map([...ids].map(([s, real]) => [real, s]));
  return JSON.stringify(
    {
      outfits: outfits.map((o) => ({
        reasoning: o.reasoning,
        title: o.title,
        item_ids: o.item_ids.map((id) => short.get(id) ?? id),
        tip: o.tip,
      })),
    },
    null,
    1,
  );
}

/**
 * Complete a look (`/complete`): three outfits, each holding every piece
 * the shopper picked (one to three anchors).
 */
import { z } from "zod";
import { commonRequestFields, ItemId, unique } from "../schemas.ts";
import { encodeWardrobe } from "../stylist/prompt_wardrobe.ts";
import { quoteList } from "../stylist/wearable.ts";
import type { Flow } from "./flow.ts";
import { THREE_OUTFITS } from "./three_outfits.ts";

export const CompleteRequest = z.strictObject({
  mode: z.literal("complete"),
  anchor_ids: z.array(ItemId).min(1).max(3).refine(unique, {
    message: "Anchor items must not repeat",
  }),
  ...commonRequestFields,
});
export type CompleteRequest = z.infer<typeof CompleteRequest>;

export const completeFlow: Flow<CompleteRequest> = {
  schema: CompleteRequest,
  ...THREE_OUTFITS,
  pool: (_, wardrobe) => [...wardrobe],
  required: (request) => request.anchor_ids,
  occasions: () => [],
  issues: (request, wardrobe) => {
    const owned = new Set(wardrobe.map((item) => item.id));
    return request.anchor_ids.flatMap((id, i) =>
      owned.has(id) ? [] : [{
        path: `anchor_ids.${i}`,
        message: `No item "${id}" in your wardrobe`,
      }]
    );
  },
  prompt: (request, wardrobe) => {
    const enc = encodeWardrobe(wardrobe);
    // Unknown anchors are rejected by the API; skip any that slipped through.
    const named = request.anchor_ids.flatMap((id) => {
      const item = wardrobe.find((candidate) => candidate.id === id);
      return item
        ? [`${enc.shortOf.get(id)} ${JSON.stringify(item.name)}`]
        : [];
    });
    return {
      enc,
      rule:
        "Every outfit must contain ALL the anchor items given in the request.",
      ask: [`Anchor items, each in every outfit: ${named.join(", ")}.`],
    };
  },
  highlights: (request) => ({ anchorIds: request.anchor_ids }),
  copy: {
    ...THREE_OUTFITS.copy,
    heading: () => "Outfits around your pieces",
    from: "Around your pieces",
    tooFew: (only, wanted, required) =>
      required.length > 0
        ? `${only} can be built around ${
          quoteList(required)
        }. Add a few more pieces to your wardrobe to get ${wanted}.`
        : `${only} can be made from your wardrobe right now. Add another pair of shoes, a top or a bottom to get ${wanted} different looks.`,
    missing: (id) => `Anchor item "${id}" is missing`,
  },
};

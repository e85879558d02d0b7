/**
 * Dress for an occasion (`/occasion`): three outfits for one to three
 * occasions, from the whole wardrobe. With several, each card says which
 * of them it suits.
 */
import { z } from "zod";
import {
  commonRequestFields,
  OCCASION_IDS,
  OCCASIONS,
  unique,
} from "../schemas.ts";
import { listOf } from "../../components/item_words.ts";
import { encodeWardrobe } from "../stylist/prompt_wardrobe.ts";
import type { Flow } from "./flow.ts";
import { THREE_OUTFITS } from "./three_outfits.ts";

/** One to three occasions, none twice (a trip's days hold them too). */
export const Occasions = z.array(z.enum(OCCASION_IDS)).min(1).max(3).refine(
  unique,
  { message: "Occasions must not repeat" },
);

export const OccasionRequest = z.strictObject({
  mode: z.literal("occasion"),
  occasions: Occasions,
  ...commonRequestFields,
});
export type OccasionRequest = z.infer<typeof OccasionRequest>;

/** "Date night", or "Work + date night" as the prompt puts several. */
export function occasionLabels(request: { occasions: readonly string[] }) {
  return request.occasions.map((id) => OCCASIONS[id as keyof typeof OCCASIONS]);
}

export const occasionFlow: Flow<OccasionRequest> = {
  schema: OccasionRequest,
  ...THREE_OUTFITS,
  pool: (_, wardrobe) => [...wardrobe],
  required: () => [],
  occasions: (request) => request.occasions,
  prompt: (request, wardrobe) => ({
    enc: encodeWardrobe(wardrobe),
    rule: "Every outfit must suit the occasion(s) given in the request.",
    ask: [
      `Occasion: ${
        occasionLabels(request).join(" + ")
      }. Every outfit must suit it.`,
    ],
  }),
  highlights: () => ({}),
  copy: {
    ...THREE_OUTFITS.copy,
    heading: (request) => {
      const [first, ...rest] = occasionLabels(request);
      return `${listOf([first, ...rest.map((l) => l.toLowerCase())])} outfits`;
    },
    from: "For an occasion",
    tooFew: (only, wanted) =>
      `${only} can be made from your wardrobe right now. Add another pair of shoes, a top or a bottom to get ${wanted} different looks.`,
    missing: (id) => `Item "${id}" is missing`,
  },
};

/**
 * Consider buying (`/consider-buying`): the rules' verdict on a piece the
 * shopper does not own yet, then three outfits that wear it with their own
 * pieces.
 */
import { z } from "zod";
import {
  CANDIDATE_ID,
  CandidateItem,
  commonRequestFields,
  type Verdict,
} from "../schemas.ts";
import { candidateAsItem } from "../stylist/candidate.ts";
import { describe, encodeWardrobe } from "../stylist/prompt_wardrobe.ts";
import { verdictFor } from "../stylist/verdict.ts";
import type { Flow } from "./flow.ts";
import { THREE_OUTFITS } from "./three_outfits.ts";

export const ConsiderBuyingRequest = z.strictObject({
  mode: z.literal("consider_buying"),
  candidate: CandidateItem,
  ...commonRequestFields,
});
export type ConsiderBuyingRequest = z.infer<typeof ConsiderBuyingRequest>;

export const considerBuyingFlow: Flow<ConsiderBuyingRequest> = {
  schema: ConsiderBuyingRequest,
  ...THREE_OUTFITS,
  // A wardrobe item that happens to be called `candidate` gives way to the
  // candidate, so ids stay unique.
  pool: (request, wardrobe) => [
    ...wardrobe.filter((item) => item.id !== CANDIDATE_ID),
    candidateAsItem(request.candidate),
  ],
  required: () => [CANDIDATE_ID],
  occasions: () => [],
  firstEvents: (request, wardrobe, currency) => [{
    type: "verdict",
    data: { verdict: verdictFor(request.candidate, wardrobe, currency) },
  }],
  prompt: (request, wardrobe, { verdict }) => {
    const owned = wardrobe.filter((item) => item.id !== CANDIDATE_ID);
    const enc = encodeWardrobe(owned);
    enc.ids.set(CANDIDATE_ID, CANDIDATE_ID);
    enc.shortOf.set(CANDIDATE_ID, CANDIDATE_ID);
    return {
      enc,
      rule:
        `Every outfit must contain the item "${CANDIDATE_ID}" (not owned yet).`,
      ask: [
        `Not owned yet, considering buying: ${
          candidateLine(request.candidate)
        }`,
        `Pair it with their own pieces and say in each reasoning how well it ` +
        `fits their wardrobe.`,
        ...verdictLines(verdict),
      ],
    };
  },
  highlights: (request) => ({ candidate: request.candidate }),
  copy: {
    ...THREE_OUTFITS.copy,
    heading: (request) => `Outfits with the ${request.candidate.name}`,
    from: "With a piece you considered",
    tooFew: (only, wanted, _, request) =>
      `${only} can be made with "${request.candidate.name}" from your wardrobe right now. Add a few more pieces to get ${wanted}.`,
    missing: (id) => `The candidate item "${id}" is missing`,
  },
};

function candidateLine(candidate: CandidateItem): string {
  const price = candidate.price === undefined
    ? ""
    : `, price ${candidate.price}`;
  return `${CANDIDATE_ID} ${candidate.category} ${
    describe(candidateAsItem(candidate))
  }${price}`;
}

/**
 * The verdict the shopper sees above the outfits, in brief: its label and
 * the reasons that decided it (the rest would cost the prompt budget).
 */
function verdictLines(verdict: Verdict | undefined): string[] {
  if (!verdict) return [];
  return [
    `Our check of their wardrobe says "${verdict.label}": ${
      verdict.reasons.join(" ")
    } Refer to this where it helps; do not contradict it.`,
  ];
}

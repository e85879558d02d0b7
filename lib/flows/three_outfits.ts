/**
 * What the flows that make three looks for one day share: the count, the
 * day field, the remembered place, the progress line, the card's name and
 * the button that asks again.
 */
import type { BaseRequest, Flow } from "./flow.ts";

/** How many outfits a job of these flows makes. */
export const OUTFITS_PER_JOB = 3;

export const THREE_OUTFITS = {
  count: () => OUTFITS_PER_JOB,
  concurrent: true,
  dayField: "date",
  remembersPlace: true,
  copy: {
    unit: "Outfit",
    creating: (k: number, total: number) => `Creating outfit ${k} of ${total}…`,
    again: "Style three more",
  },
} satisfies
  & Pick<
    Flow<BaseRequest>,
    "count" | "concurrent" | "dayField" | "remembersPlace"
  >
  & {
    copy: Pick<Flow<BaseRequest>["copy"], "unit" | "creating" | "again">;
  };

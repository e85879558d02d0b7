/**
 * Pack for a trip (`/trip`): one outfit a day for one to fourteen days at a
 * place, each dressed for that day's forecast (the season there, past the
 * forecast's reach), chosen to reuse pieces, and a packing list of every
 * piece worn with the days it is worn.
 */
import { z } from "zod";
import { commonRequestFields, PlaceName, RequestDay } from "../schemas.ts";
import { daysAfter, dayWords } from "../client/days.ts";
import { encodeWardrobe } from "../stylist/prompt_wardrobe.ts";
import { quoted } from "../stylist/prompt_text.ts";
import type { Flow } from "./flow.ts";
import { occasionLabels, Occasions } from "./occasion.ts";
import { planTrip } from "./trip_plan.ts";

/** The longest trip one job plans. */
export const MAX_TRIP_DAYS = 14;

export const TripRequest = z.strictObject({
  mode: z.literal("trip"),
  place: PlaceName.pipe(z.string().min(1, "Enter where you are going")),
  /** The first day; from today to the forecast's reach. */
  start_date: RequestDay,
  days: z.int("Expected a whole number of days").min(1, "At least 1 day")
    .max(MAX_TRIP_DAYS, `At most ${MAX_TRIP_DAYS} days`),
  occasions: Occasions,
  notes: commonRequestFields.notes,
  include_reasoning: commonRequestFields.include_reasoning,
  parallel: commonRequestFields.parallel,
});
export type TripRequest = z.infer<typeof TripRequest>;

/** The trip's days, first to last. */
export function tripDays(request: Pick<TripRequest, "start_date" | "days">) {
  return Array.from(
    { length: request.days },
    (_, i) => daysAfter(request.start_date, i),
  );
}

export const tripFlow: Flow<TripRequest> = {
  schema: TripRequest,
  count: (request) => request.days,
  // Each day packs around the days before it.
  concurrent: false,
  dayField: "start_date",
  days: {
    dates: tripDays,
    // The day after the last, wherever on Earth the trip is.
    keepUntil: (request) =>
      Date.parse(
        `${daysAfter(request.start_date, request.days + 1)}T14:00:00Z`,
      ),
  },
  // A trip's place is not where the shopper dresses every day.
  remembersPlace: false,
  pool: (_, wardrobe) => [...wardrobe],
  required: () => [],
  occasions: (request) => request.occasions,
  prompt: (request, wardrobe) => ({
    enc: encodeWardrobe(wardrobe),
    rule: "The outfits are for the trip's days listed, one each, in that " +
      "order, each dressed for its day. Pack light: reuse pieces across " +
      "days so the whole trip needs as few pieces as possible, but never " +
      "the same outfit twice.",
    ask: [
      `Trip: ${request.days} day${request.days === 1 ? "" : "s"} in ${
        quoted(request.place)
      } from ${dayWords(request.start_date)}, for ${
        occasionLabels(request).join(" + ")
      }. One outfit per day, in order; every outfit must suit it.`,
    ],
  }),
  plan: planTrip,
  highlights: () => ({}),
  copy: {
    heading: (request) =>
      `${request.days} day${request.days === 1 ? "" : "s"} in ${request.place}`,
    from: "From a trip",
    unit: "Day",
    creating: (k, total) => `Styling day ${k} of ${total}…`,
    again: "Plan the trip again",
    tooFew: (only, wanted) =>
      `${only} can be made from your wardrobe, not one for each of the ${wanted} days. Add a few more pieces, or make the trip shorter.`,
    missing: (id) => `Item "${id}" is missing`,
  },
};

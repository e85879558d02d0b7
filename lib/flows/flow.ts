/**
 * What a flow is: everything that sets one way of asking for outfits apart
 * from the others. The engine (the job, the stylists, the rules, the pages)
 * is written once against this shape; each flow (occasion, complete,
 * consider buying, trip) is one module beside this one that supplies it,
 * and lib/flows/mod.ts keys them by mode, so a new mode that lacks a flow,
 * or a flow that lacks a part, does not compile.
 */
import type { z } from "zod";
import type {
  CandidateItem,
  JobContext,
  NewJobEvent,
  Occasion,
  Verdict,
  WardrobeItem,
} from "../schemas.ts";
import type { FieldIssue } from "../validation.ts";
import type { Encoded } from "../stylist/prompt_wardrobe.ts";
import type { Plan, PlanInput } from "../stylist/providers/local_planner.ts";

/** What a flow's request has in common with every other's. */
export type BaseRequest = {
  mode: string;
  notes?: string;
  place?: string;
  include_reasoning: boolean;
  parallel: boolean;
};

/** The flow's part of the model's prompt; lib/stylist/prompt.ts does the rest. */
export type FlowPrompt = {
  /** The wardrobe as the model sees it (short ids). */
  enc: Encoded;
  /** The rule every outfit of this flow obeys, for the system message. */
  rule: string;
  /** What is asked, after the wardrobe. */
  ask: string[];
};

/** The words a shopper reads that differ by flow. */
export type FlowCopy<R> = {
  /** The reveal page's heading: "Date night outfits". */
  heading(request: R): string;
  /** A kept look's eyebrow on /looks: where it came from. */
  from: string;
  /** What one result is called on its card: "Outfit" 1, "Day" 1. */
  unit: string;
  /** The status line while result `k` of `total` is made. */
  creating(k: number, total: number): string;
  /** The button that asks again. */
  again: string;
  /**
   * Why only `only` outfits ("Only two outfits") can be made where
   * `wanted` ("three") were asked for.
   */
  tooFew(
    only: string,
    wanted: string,
    required: WardrobeItem[],
    request: R,
  ): string;
  /** Why an outfit without required piece `id` was refused. */
  missing(id: string): string;
};

/** What the reveal page marks on each card. */
export type Highlights = {
  /** The piece not owned yet (consider buying). */
  candidate?: CandidateItem;
  /** The pieces the outfits were built around. */
  anchorIds?: readonly string[];
};

export interface Flow<R extends BaseRequest> {
  /** The request body this flow accepts at `POST /api/outfits/generate`. */
  readonly schema: z.ZodType<R, unknown>;
  /** How many outfits one job makes for the request. */
  count(request: R): number;
  /**
   * Whether the model may make the outfits in concurrent requests
   * (`parallel`): not when each depends on the ones before it.
   */
  readonly concurrent: boolean;
  /**
   * The request's field that names its (first) day, `YYYY-MM-DD`: moved to
   * today when the shopper asks again after it has passed.
   */
  readonly dayField: string;
  /**
   * A flow that spans days, one outfit each (a trip); absent: one day, the
   * one asked for or today at the place.
   */
  readonly days?: Days<R>;
  /** Whether the place asked about becomes the forms' next "Where". */
  readonly remembersPlace: boolean;
  /** The pieces outfits may be made of. */
  pool(request: R, wardrobe: WardrobeItem[]): WardrobeItem[];
  /** The ids every outfit must hold. */
  required(request: R): readonly string[];
  /** The occasions the outfits are dressed for (none: judged on their own). */
  occasions(request: R): readonly Occasion[];
  /** What is wrong with the request that only the wardrobe shows (a 400). */
  issues?(request: R, wardrobe: WardrobeItem[]): FieldIssue[];
  /**
   * Events the job starts with, committed with it after "Getting ready…"
   * so they reach the shopper before any outfit (consider buying's verdict).
   */
  firstEvents?(
    request: R,
    wardrobe: WardrobeItem[],
    currency: string,
  ): NewJobEvent[];
  /**
   * The flow's part of the model's prompt, for the pieces it may be
   * offered (what the day's rules forbid is already left out).
   */
  prompt(
    request: R,
    wardrobe: WardrobeItem[],
    known: { verdict?: Verdict; context?: JobContext },
  ): FlowPrompt;
  /**
   * The built-in stylist's search for this flow, when it is not the
   * standard one (lib/stylist/providers/local_planner.ts).
   */
  plan?(input: PlanInput): Plan;
  /** What the reveal page marks on each card. */
  highlights(request: R): Highlights;
  readonly copy: FlowCopy<R>;
}

/**
 * What a flow that spans days supplies. The engine does the rest alike for
 * any such flow: each day's forecast and rules, outfit k for day k with its
 * `date`, the result's packing list and the checklist to tick.
 */
export type Days<R> = {
  /** The days, first to last. */
  dates(request: R): string[];
  /**
   * Until when (ms since epoch) the job is kept, more than the day others
   * get: its outfits and packing list, until the days are over.
   */
  keepUntil(request: R): number;
};

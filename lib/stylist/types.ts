/**
 * The contract between the job worker and whatever does the styling. The
 * built-in stylist and the language-model provider both yield this stream,
 * so the worker neither knows nor cares which one is running.
 */
import type {
  GenerateRequest,
  JobContext,
  OutfitSource,
  TokenUsage,
  Verdict,
  WardrobeItem,
} from "../schemas.ts";

export type StylistInput = {
  request: GenerateRequest;
  /** The shopper's wardrobe at the time the job runs. */
  wardrobe: WardrobeItem[];
  /** Aborted when the job is cancelled or its worker gives up. */
  signal: AbortSignal;
  /** Varies the picks between jobs with the same input (the job id). */
  seed: string;
  /** Outfits already finished by an earlier attempt or provider, to not repeat. */
  avoid?: OutfitDraft[];
  /** How many outfits to produce (defaults to `OUTFITS_PER_JOB`). */
  count?: number;
  /** What the shopper was shown, wore, liked and disliked before. */
  taste?: Taste;
  /** Consider buying: the rules' verdict, for the model to refer to. */
  verdict?: Verdict;
  /**
   * The day, place, forecast and notes the job dresses for, and the rules
   * every outfit keeps. Without it (tests, tools): today, in the north, no
   * rules.
   */
  context?: JobContext;
  /**
   * A direction that sets this request apart from its siblings when outfits
   * are made by concurrent requests (parallel mode), e.g. "the boldest option".
   */
  angle?: string;
};

/**
 * The shopper's history as the stylists use it: what to avoid, what never to
 * suggest again, and what to lean towards. Item ids only; built from KV by
 * lib/looks/taste.ts.
 */
export type Taste = {
  /** Outfits suggested lately, newest first: asked again, give new looks. */
  recent: string[][];
  /** Worn in the last 14 days, or disliked: never again, nor a near copy. */
  blocked: BlockedOutfit[];
  /** Outfits the shopper liked: their pairings are preferred. */
  liked: string[][];
};

export type BlockedOutfit = {
  item_ids: string[];
  reason: "worn" | "disliked";
};

/** An outfit as a stylist proposes it, before validation. */
export type OutfitDraft = {
  title: string;
  item_ids: string[];
  reasoning: string;
  tip: string;
};

export type StylistEvent =
  /**
   * Work on outfit `outfit_number` has begun. Numbers count 1..count within
   * this call, whatever `avoid` holds; the worker adds its own offset.
   */
  | { type: "outfit_started"; outfit_number: number }
  /** Share (0..1) of the current outfit written so far. */
  | { type: "outfit_progress"; fraction: number }
  /** Chain-of-thought text, shown live in debug mode. */
  | { type: "reasoning"; delta: string }
  /** An outfit closed; the worker validates it before anyone sees it. */
  | { type: "outfit"; outfit: OutfitDraft }
  /** An outfit closed but was not even the right shape; it is replaced. */
  | { type: "invalid_outfit"; reason: string }
  | { type: "usage"; usage: TokenUsage };

export interface Stylist {
  /** Shown in logs and job records: "local" or the model's name. */
  readonly name: string;
  /** Recorded on every outfit it makes, so a result says where each came from. */
  readonly source: OutfitSource;
  generate(input: StylistInput): AsyncIterable<StylistEvent>;
}

/** A failure whose message is fit to show a shopper as it is. */
export class StylistError extends Error {
  override name = "StylistError";
}

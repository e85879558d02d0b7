/**
 * The rules every stylist obeys, whoever proposes the outfit: which items it
 * may use, what each flow demands, whether a proposed outfit is acceptable
 * and whether a request can be met at all. What makes a set of items
 * wearable lives in wearable.ts. Pure functions, no I/O.
 */
import {
  CANDIDATE_ID,
  type Category,
  type GenerateRequest,
  type WardrobeItem,
} from "../schemas.ts";
import { flowOf, outfitCount } from "../flows/mod.ts";
import { type DressRule, ruleProblem } from "./dress_rules.ts";
import { indexOfNearCopy } from "./similarity.ts";
import type { BlockedOutfit, OutfitDraft } from "./types.ts";
import type { StylistAsk } from "./providers/local_scoring.ts";
import {
  type CategoryCounts,
  countCategories,
  MAX_PER_OUTFIT,
  requiredConflict,
  sameItemSet,
  sortForDisplay,
  wearableProblem,
} from "./wearable.ts";

export type OutfitCheck =
  | { ok: true; items: WardrobeItem[] }
  | { ok: false; reason: string };

export type OutfitContext = {
  request: GenerateRequest;
  wardrobe: WardrobeItem[];
  /** Outfits already accepted in this job. */
  earlier: { item_ids: string[] }[];
  /** Outfits the shopper wore lately or disliked: not again, nor near copies. */
  blocked?: readonly BlockedOutfit[];
  /** The day's and the notes' rules (the job's `context.rules`). */
  rules?: readonly DressRule[];
};

/**
 * The items a stylist may use for a request: the wardrobe, plus the
 * candidate in the consider-buying flow.
 */
export function itemsForRequest(
  request: GenerateRequest,
  wardrobe: WardrobeItem[],
): WardrobeItem[] {
  return flowOf(request).pool(request, wardrobe);
}

/** What the request asks of the built-in stylist (its flow's data). */
export function askOf(
  request: GenerateRequest,
  wardrobe: WardrobeItem[],
): StylistAsk {
  const flow = flowOf(request);
  const pool = flow.pool(request, wardrobe);
  return {
    pool,
    required: requiredItems(request, pool),
    occasions: flow.occasions(request),
  };
}

/**
 * The items every outfit of the request must contain: the anchors found in
 * the wardrobe (unknown ids are skipped), or the candidate.
 */
export function requiredItems(
  request: GenerateRequest,
  pool: WardrobeItem[],
): WardrobeItem[] {
  const byId = new Map(pool.map((item) => [item.id, item]));
  return requiredIds(request).flatMap((id) => byId.get(id) ?? []);
}

/** The ids of the pieces the request asks for by name. */
export function requiredIds(request: GenerateRequest): readonly string[] {
  return flowOf(request).required(request);
}

/**
 * Checks a proposed outfit against the pool, the wearable rule, the flow's
 * rule and the outfits before it. On success returns the items in display
 * order; on failure a short reason naming the problem.
 *
 * @example validateOutfit(draft, { request, wardrobe, earlier: [] })
 */
export function validateOutfit(
  draft: OutfitDraft,
  ctx: OutfitContext,
): OutfitCheck {
  const fail = (reason: string): OutfitCheck => ({ ok: false, reason });
  for (const field of ["title", "tip", "reasoning"] as const) {
    const value: unknown = draft[field];
    if (typeof value !== "string" || value.trim() === "") {
      return fail(`The ${field} is empty`);
    }
  }
  if (!Array.isArray(draft.item_ids) || draft.item_ids.length === 0) {
    return fail("The outfit lists no items");
  }
  const { request } = ctx;
  const pool = new Map(
    itemsForRequest(request, ctx.wardrobe).map((item) => [item.id, item]),
  );
  const seen = new Set<string>();
  const items: WardrobeItem[] = [];
  for (const id of draft.item_ids as unknown[]) {
    if (typeof id !== "string") {
      return fail(`Item id ${String(id)} is not text`);
    }
    if (seen.has(id)) return fail(`Item "${id}" is listed twice`);
    seen.add(id);
    const item = pool.get(id);
    if (!item && id === CANDIDATE_ID) {
      return fail(`Item "${id}" belongs only in consider-buying outfits`);
    }
    if (!item) return fail(`Unknown item "${id}"`);
    items.push(item);
  }
  const problem = wearableProblem(items);
  if (problem) return fail(problem);
  const missing = requiredIds(request).find((id) => !seen.has(id));
  if (missing) return fail(flowOf(request).copy.missing(missing));
  const broken = ruleProblem(
    items,
    ctx.rules ?? [],
    new Set(requiredIds(request)),
  );
  if (broken) return fail(broken);
  const repeat = ctx.earlier.findIndex((o) =>
    sameItemSet(o.item_ids, [...seen])
  );
  if (repeat >= 0) {
    return fail(`The outfit repeats earlier outfit ${repeat + 1}`);
  }
  const blocked = ctx.blocked ?? [];
  const copied = indexOfNearCopy(
    [...seen],
    blocked.map((outfit) => outfit.item_ids),
    new Set(requiredItems(request, [...pool.values()]).map((item) => item.id)),
  );
  if (copied >= 0) {
    return fail(
      blocked[copied].reason === "worn"
        ? "The outfit is (nearly) one the shopper wore in the last two weeks"
        : "The outfit is (nearly) one the shopper disliked",
    );
  }
  return { ok: true, items: sortForDisplay(items) };
}

/**
 * Whether three (or `count`) distinct wearable outfits that obey the flow
 * could be made from the wardrobe: null when they could, otherwise a message
 * that tells the shopper what to add or change. Anchor ids missing from the
 * wardrobe are ignored here; the API rejects them earlier.
 *
 * @example checkFeasible({ mode: "occasion", occasions: ["work"], include_reasoning: false, parallel: false }, [])
 * // "Your wardrobe is empty. Add a few pieces, ..."
 */
export function checkFeasible(
  request: GenerateRequest,
  wardrobe: WardrobeItem[],
  count: number = outfitCount(request),
): string | null {
  if (wardrobe.length === 0) {
    return "Your wardrobe is empty. Add a few pieces, such as a top, a bottom and a pair of shoes, to get outfits.";
  }
  const pool = itemsForRequest(request, wardrobe);
  const required = requiredItems(request, pool);
  const conflict = requiredConflict(required);
  if (conflict) return conflict;
  const requiredIds = new Set(required.map((item) => item.id));
  const have = countCategories(required);
  const spare = countCategories(
    pool.filter((item) => !requiredIds.has(item.id)),
  );
  const bases = baseWays(have, spare, required);
  if (typeof bases === "string") return bases;
  if (!have.shoes && !spare.shoes) {
    return "Your wardrobe needs at least one pair of shoes to build outfits.";
  }
  const ways = bases * (have.shoes ? 1 : spare.shoes) *
    optionalWays(have, spare);
  return ways >= count ? null : tooFew(ways, count, request, required);
}

const NUMBER_WORDS = ["no", "one", "two", "three", "four", "five", "six"];

function outfitsWord(n: number): string {
  return `${NUMBER_WORDS[n] ?? n} outfit${n === 1 ? "" : "s"}`;
}

/** How many dresses or top-and-bottom pairs could form the base. */
function baseWays(
  have: CategoryCounts,
  spare: CategoryCounts,
  required: WardrobeItem[],
): number | string {
  if (have.dress || (have.top && have.bottom)) return 1;
  const named = (category: Category) =>
    required.find((item) => item.category === category)?.name;
  if (have.top) {
    return spare.bottom ||
      `Add a bottom, such as jeans, trousers or a skirt, to your wardrobe to wear with "${
        named("top")
      }".`;
  }
  if (have.bottom) {
    return spare.top ||
      `Add a top to your wardrobe to wear with "${named("bottom")}".`;
  }
  const ways = spare.dress + spare.top * spare.bottom;
  if (ways) return ways;
  if (spare.top) {
    return "Add a bottom or a dress to your wardrobe: there is nothing yet to wear with your tops.";
  }
  if (spare.bottom) {
    return "Add a top or a dress to your wardrobe: there is nothing yet to wear with your bottoms.";
  }
  return "Add a dress, or a top and a bottom, to your wardrobe to build outfits.";
}

/** Choices for the optional layer, bag and accessories (none counts). */
function optionalWays(have: CategoryCounts, spare: CategoryCounts): number {
  const oneOf = (category: "outerwear" | "bag") =>
    have[category] ? 1 : spare[category] + 1;
  const slots = MAX_PER_OUTFIT.accessory - have.accessory;
  const n = spare.accessory;
  // Ways to pick up to `slots` (at most two) of n accessories.
  const accessories = 1 + (slots >= 1 ? n : 0) +
    (slots >= 2 ? (n * (n - 1)) / 2 : 0);
  return oneOf("outerwear") * oneOf("bag") * accessories;
}

function tooFew(
  ways: number,
  count: number,
  request: GenerateRequest,
  required: WardrobeItem[],
): string {
  return flowOf(request).copy.tooFew(
    `Only ${outfitsWord(ways)}`,
    NUMBER_WORDS[count] ?? String(count),
    required,
    request,
  );
}

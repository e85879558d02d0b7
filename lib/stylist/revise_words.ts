/**
 * The words a shopper reads, checked whoever wrote them. A title that names
 * a piece the outfit does not hold, or repeats an earlier card's title, is
 * replaced by one the built-in stylist writes for the same pieces; so is a
 * tip already given in the job. For a request with several occasions, the
 * outfit is labelled with the ones it suits, by the built-in rules.
 */
import type {
  GenerateRequest,
  JobContext,
  Occasion,
  WardrobeItem,
} from "../schemas.ts";
import { flowOf } from "../flows/mod.ts";
import { askOf } from "./outfit_rules.ts";
import { falseTitle } from "./outfit_words.ts";
import { briefFor, scoreOutfit } from "./providers/local_scoring.ts";
import { pickTip } from "./providers/local_tips.ts";
import { titleOf } from "./providers/local_titles.ts";
import { seasonOf } from "./season.ts";
import type { OutfitDraft } from "./types.ts";

export type RevisedWords = {
  title: string;
  tip: string;
  occasions?: Occasion[];
};

export type WordsContext = {
  request: GenerateRequest;
  wardrobe: WardrobeItem[];
  /** Cards already in the job. */
  earlier: readonly { title: string; tip: string }[];
  /** The job's day, place and rules (season, forecast). */
  context?: JobContext;
  now?: Date;
};

/**
 * @example reviseWords(draft, items, { request, wardrobe, earlier: job.outfits }).title
 */
export function reviseWords(
  draft: Pick<OutfitDraft, "title" | "tip">,
  items: WardrobeItem[],
  ctx: WordsContext,
): RevisedWords {
  const titles = new Set(ctx.earlier.map((o) => o.title.trim().toLowerCase()));
  const tips = new Set(ctx.earlier.map((o) => o.tip.trim().toLowerCase()));
  const badTitle = titles.has(draft.title.trim().toLowerCase()) ||
    falseTitle(draft.title, items) !== null;
  const badTip = tips.has(draft.tip.trim().toLowerCase());
  // Asked for several occasions, a card says which of them it suits.
  const asked = flowOf(ctx.request).occasions(ctx.request);
  const occasions = asked.length > 1 ? asked : null;
  if (!badTitle && !badTip && !occasions) {
    return { title: draft.title, tip: draft.tip };
  }
  const brief = briefFor(
    askOf(ctx.request, ctx.wardrobe),
    ctx.context?.season ?? seasonOf(ctx.now ?? new Date()),
    undefined,
    ctx.context,
  );
  const { value, notes } = scoreOutfit(items, brief);
  const planned = { items, score: value, notes };
  return {
    title: badTitle
      ? titleOf(planned, brief, new Set(ctx.earlier.map((o) => o.title)))
      : draft.title,
    tip: badTip
      ? pickTip(items, brief, new Set(ctx.earlier.map((o) => o.tip)))
      : draft.tip,
    ...(occasions ? { occasions: notes.suits } : {}),
  };
}

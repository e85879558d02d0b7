/**
 * The shopper's history in the model's prompt, as compact as the model can
 * still use it: the bases (top + bottom, or dress) of outfits shown lately
 * as "do not repeat", the outfits worn in the last two weeks or disliked as
 * "never", and pairings from liked outfits as preferences. Short ids only,
 * so thirty outfits cost about 150 tokens. Pieces deleted since, and the
 * candidate of an earlier consider-buying request, are left out.
 */
import { CANDIDATE_ID, type WardrobeItem } from "../schemas.ts";
import type { Encoded } from "./prompt_wardrobe.ts";
import type { Taste } from "./types.ts";

/** Caps that keep a 60-item wardrobe's prompt within 1,500 tokens. */
const MAX_RECENT = 30;
const MAX_BLOCKED = 12;
const MAX_LIKED_PAIRS = 8;

type Pieces = Partial<Record<WardrobeItem["category"], string>>;

/** An outfit's pieces by category, as short ids (unknown ids dropped). */
function piecesOf(ids: readonly string[], enc: Encoded): Pieces {
  const pieces: Pieces = {};
  for (const id of ids) {
    const item = id === CANDIDATE_ID ? undefined : enc.byId.get(id);
    const short = enc.shortOf.get(id);
    if (item && short) pieces[item.category] ??= short;
  }
  return pieces;
}

/** "i3+i12" for a top and bottom, "i20" for a dress; null if incomplete. */
function baseOf(p: Pieces): string | null {
  if (p.dress) return p.dress;
  return p.top && p.bottom ? `${p.top}+${p.bottom}` : null;
}

/** The pairings that make a liked outfit what it is. */
function pairsOf(p: Pieces): string[] {
  const main = p.dress ?? p.top;
  const pairs: [string | undefined, string | undefined][] = [
    [p.top, p.bottom],
    [p.outerwear, main],
    [main, p.shoes],
  ];
  return pairs.flatMap(([a, b]) => a && b ? [`${a}+${b}`] : []);
}

const unique = (list: string[]) => [...new Set(list)];

/**
 * The lines to add after the request; none for a shopper with no history.
 *
 * @example historyLines(taste, encoded) // ["Shown lately, …: i3+i12, i20", …]
 */
export function historyLines(taste: Taste | undefined, enc: Encoded): string[] {
  if (!taste) return [];
  const lines: string[] = [];
  const bases = unique(
    taste.recent.flatMap((ids) => baseOf(piecesOf(ids, enc)) ?? []),
  ).slice(0, MAX_RECENT);
  if (bases.length) {
    lines.push(
      `Shown lately, so give new looks; do not reuse these top+bottom pairs or dresses: ${
        bases.join(", ")
      }.`,
    );
  }
  const blocked = unique(
    taste.blocked.flatMap((outfit) => {
      const ids = outfit.item_ids.flatMap((id) =>
        id === CANDIDATE_ID ? [] : enc.shortOf.get(id) ?? []
      );
      return ids.length ? [ids.join(" ")] : [];
    }),
  ).slice(0, MAX_BLOCKED);
  if (blocked.length) {
    lines.push(
      `Worn in the last two weeks or disliked; never suggest these or near copies: ${
        blocked.join("; ")
      }.`,
    );
  }
  const liked = unique(
    taste.liked.flatMap((ids) => pairsOf(piecesOf(ids, enc))),
  ).slice(0, MAX_LIKED_PAIRS);
  if (liked.length) {
    lines.push(
      `Liked pairings, to use where they suit: ${liked.join(", ")}.`,
    );
  }
  return lines;
}

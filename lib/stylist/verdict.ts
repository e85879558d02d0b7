/**
 * "Should I buy this?", answered by rules from the wardrobe before the
 * stylist writes a word: how many outfits the piece unlocks and with how
 * many of your pieces, what you already own like it, which occasions and
 * seasons it fills in, what a wear would cost, and a verdict with the one
 * or two reasons that decided it. Pure and quick (counting is exact; see
 * outfit_count.ts), so it reaches the shopper within a blink of the click.
 */
import { hueDistance } from "./color_harmony.ts";
import { isNeutral, PALETTE } from "../colors.ts";
import { formatMoney } from "../money.ts";
import {
  type CandidateItem,
  type Occasion,
  OCCASIONS,
  type Season,
  SEASONS,
  type Verdict,
  type WardrobeItem,
} from "../schemas.ts";
import { candidateAsItem } from "./candidate.ts";
import { countOutfits, type OutfitTally } from "./outfit_count.ts";
import { joinAnd } from "./providers/local_words.ts";

/**
 * A gap: an occasion or season with fewer outfits than this, or one that
 * holds under {@link THIN_SHARE} of the wardrobe's outfits and the piece
 * grows by at least {@link GAP_GAIN} (a big wardrobe can still be thin for
 * weddings).
 */
const FEW = 5;
const THIN_SHARE = 0.1;
const GAP_GAIN = 0.5;
/** New outfits worth a fifth of what you can make now: a great addition. */
const BIG_GAIN = 0.2;
/** Owning this many similar pieces means you are covered. */
const COVERED = 2;
/** Wears a year we never estimate above: nobody wears a piece every day. */
const MAX_WEARS_A_YEAR = 150;

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** The garment word of a name, plural: "Rust suede jacket" → "jackets". */
function kindOf(name: string): string {
  const last = name.trim().toLowerCase().split(/\s+/).at(-1) ?? "piece";
  if (/(s|x|ch|sh)$/.test(last)) {
    return /[^s]s$/.test(last) ||
        /(jeans|trousers|shorts|leggings|shoes)$/.test(last)
      ? last
      : `${last}es`;
  }
  return `${last}s`;
}

/** Close in colour: the same colour, or neighbouring hues, or two neutrals of a kind. */
function similarColour(a: WardrobeItem, b: WardrobeItem): boolean {
  return a.colors.some((x) =>
    b.colors.some((y) => {
      if (x === y) return true;
      if (isNeutral(x) || isNeutral(y)) return false;
      return hueDistance(PALETTE[x].hue!, PALETTE[y].hue!) <= 30;
    })
  );
}

/** An owned piece that is practically the same: same category, colour and formality. */
function twinOf(
  candidate: WardrobeItem,
  similar: readonly WardrobeItem[],
): WardrobeItem | undefined {
  return similar.find((item) =>
    item.formality === candidate.formality &&
    item.colors[0] === candidate.colors[0]
  );
}

/** Owned pieces like the candidate: same category, close colour and formality. */
export function similarPieces(
  candidate: WardrobeItem,
  wardrobe: readonly WardrobeItem[],
): WardrobeItem[] {
  return wardrobe.filter((item) =>
    item.category === candidate.category &&
    Math.abs(item.formality - candidate.formality) <= 1 &&
    similarColour(item, candidate)
  );
}

type Gap = Verdict["gaps"][number];

/** Whether `plus` more outfits fill a gap where there were `had` of `total`. */
function fills(had: number, plus: number, total: number): boolean {
  if (plus === 0) return false;
  return had < FEW || (had < THIN_SHARE * total && plus >= GAP_GAIN * had);
}

/** Occasions and seasons that had few outfits and gain some. */
function gapsFilled(before: OutfitTally, added: OutfitTally): Gap[] {
  const gaps: Gap[] = [];
  const seen = new Map<string, Gap>();
  for (const occasion of Object.keys(OCCASIONS) as Occasion[]) {
    const had = before.byOccasion[occasion];
    const plus = added.byOccasion[occasion];
    if (!fills(had, plus, before.total)) continue;
    // Occasions at one formality share their numbers: say them together.
    const key = `${had}:${plus}`;
    const same = seen.get(key);
    if (same) {
      same.what = `${same.what}|${OCCASIONS[occasion].toLowerCase()}`;
      continue;
    }
    const gap = {
      what: OCCASIONS[occasion].toLowerCase(),
      before: had,
      added: plus,
    };
    seen.set(key, gap);
    gaps.push(gap);
  }
  for (const season of SEASONS) {
    const had = before.bySeason[season];
    const plus = added.bySeason[season];
    if (fills(had, plus, before.total)) {
      gaps.push({ what: season, before: had, added: plus });
    }
  }
  return gaps
    .map((g) => ({ ...g, what: joinAnd(g.what.split("|")) }))
    .sort((a, b) => b.added - a.added || a.before - b.before);
}

/**
 * The share of the outfits you could wear in a season that would include
 * the piece. Clothes: the outfits it makes among all you could make. A bag
 * or accessory finishes outfits rather than making them, so it shares the
 * outfits it suits with the others of its kind you own.
 */
function shareIn(
  season: Season,
  before: OutfitTally,
  added: OutfitTally,
  finishing: number | null,
): number {
  const mine = added.bySeason[season];
  if (mine === 0) return 0;
  if (finishing !== null) {
    return (mine / Math.max(mine, before.bySeason[season])) / (finishing + 1);
  }
  return mine / (before.bySeason[season] + mine);
}

/** Wears a year: the seasons it suits (13 weeks each), seven outfits a week. */
function wearsAYear(shares: number[]): number {
  const wears = shares.reduce((sum, share) => sum + 13 * 7 * share, 0);
  return Math.min(MAX_WEARS_A_YEAR, Math.round(wears));
}

/**
 * "You already own 2 similar black tees.", "a similar pair of white
 * sneakers" for things that come in pairs.
 */
function similarSaid(n: number, candidate: WardrobeItem): string {
  if (n === 0) return "Nothing you own is quite like it.";
  const noun = candidate.name.trim().toLowerCase().split(/\s+/).at(-1)!;
  const colour = candidate.colors[0];
  if (/[^s]s$/.test(noun)) {
    return n === 1
      ? `You already own a similar pair of ${colour} ${noun}.`
      : `You already own ${n} similar pairs of ${colour} ${noun}.`;
  }
  return n === 1
    ? `You already own a similar ${colour} ${noun}.`
    : `You already own ${n} similar ${colour} ${kindOf(candidate.name)}.`;
}

const sentence = (gap: Gap) =>
  `+${
    plural(gap.added, "outfit")
  } for ${gap.what}, where you had ${gap.before}`;

/**
 * The verdict on buying `candidate`, given the wardrobe it would join.
 *
 * @example verdictFor({ name: "Black tee", category: "top", colors: ["black"] }, wardrobe, "EUR").label
 */
export function verdictFor(
  candidateInput: CandidateItem,
  wardrobe: readonly WardrobeItem[],
  currency: string,
): Verdict {
  const candidate = candidateAsItem(candidateInput);
  const owned = wardrobe.filter((item) => item.id !== candidate.id);
  const before = countOutfits(owned);
  const added = countOutfits([...owned, candidate], [candidate]);
  const partners = owned.filter((item) =>
    ["top", "bottom", "dress", "shoes", "outerwear"].includes(item.category) &&
    item.category !== candidate.category
  );
  const pairsWith = partners.filter((item) => added.used.has(item.id)).length;
  const similar = similarPieces(candidate, owned);
  // A bag or scarf makes no new outfit, so it fills no gap; it finishes
  // outfits alongside the others of its kind.
  const finishing =
    candidate.category === "bag" || candidate.category === "accessory"
      ? owned.filter((item) => item.category === candidate.category).length
      : null;
  const gaps = finishing === null ? gapsFilled(before, added).slice(0, 3) : [];
  const similarSentence = similarSaid(similar.length, candidate);

  const verdict: Verdict = {
    label: "Worth considering",
    reasons: [],
    unlocks: {
      outfits: added.total,
      pairs_with: pairsWith,
      of: partners.length,
      before: before.total,
    },
    similar: {
      items: similar.slice(0, 4).map(({ id, name }) => ({ id, name })),
      count: similar.length,
      sentence: similarSentence,
    },
    gaps,
  };

  if (candidateInput.price !== undefined && added.total > 0) {
    const seasons = SEASONS.filter((s) => added.bySeason[s] > 0);
    const shares = seasons.map((s) => shareIn(s, before, added, finishing));
    const wears = wearsAYear(shares);
    const share = Math.round(
      100 * shares.reduce((a, b) => a + b, 0) / shares.length,
    );
    verdict.cost_per_wear = {
      amount: candidateInput.price / Math.max(1, wears),
      wears_a_year: wears,
      how: `About ${plural(wears, "wear")} a year: it suits ${
        joinAnd(seasons)
      }, and would be in about ${share} % of the outfits you could wear then, at one outfit a day.`,
      sentence: `${
        formatMoney(candidateInput.price / Math.max(1, wears), currency)
      } a wear`,
    };
  }

  const bigGap = gaps.find((g) => g.added >= 3 || g.before === 0);

  const pairs = `It goes with ${
    plural(pairsWith, "piece")
  } of the ${partners.length} it could be worn with`;
  if (added.total === 0) {
    verdict.label = "Think twice";
    verdict.reasons = [
      "It doesn't go with anything you own yet: no outfit from your wardrobe can include it.",
    ];
  } else if (
    (similar.length >= COVERED || twinOf(candidate, similar)) && !bigGap
  ) {
    verdict.label = "Think twice";
    verdict.reasons = [
      similarSentence,
      "It adds no outfits for an occasion or season you are short of.",
    ];
  } else if (before.total === 0) {
    verdict.label = "Great addition";
    verdict.reasons = [
      `Without it you can't make an outfit yet; with it you can make ${
        plural(added.total, "outfit")
      }.`,
    ];
  } else if (bigGap) {
    verdict.label = "Great addition";
    verdict.reasons = [
      `${sentence(bigGap)}.`,
      similar.length
        ? similarSentence
        : `${pairs}, and nothing you own is like it.`,
    ];
  } else if (finishing === 0) {
    verdict.label = "Great addition";
    verdict.reasons = [
      `It would be your first ${candidate.category}, and it can finish ${
        plural(added.total, "outfit")
      }.`,
    ];
  } else if (
    finishing === null && similar.length === 0 &&
    added.total >= BIG_GAIN * before.total
  ) {
    verdict.label = "Great addition";
    verdict.reasons = [
      `${pairs}: ${plural(added.total, "new outfit")} where you can make ${
        before.total.toLocaleString("en")
      } now.`,
    ];
  } else {
    verdict.reasons = [
      similar.length
        ? `${similarSentence.replace(/\.$/, "")}, but it still adds ${
          plural(added.total, "outfit")
        }.`
        : `${pairs}, but you already have plenty of outfits for everything it suits.`,
    ];
  }
  verdict.reasons = [...new Set(verdict.reasons)];
  return verdict;
}

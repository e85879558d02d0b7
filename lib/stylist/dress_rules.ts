/**
 * Rules an outfit follows because of the day and the shopper's words: no
 * heels, nothing pink, a coat for the cold, pieces that agree on how dressy
 * they are. Each rule has an id that a job keeps (`context.rules`), so the
 * same rules hold for every stylist and every attempt: the built-in stylist
 * plans within them, and a model's outfit that breaks one is replaced.
 *
 * A rule says what it forbids (`excludes`), what an outfit needs (`layer`,
 * `wants`), what it cannot combine (`clash`), or, softly, how dressy to aim
 * (`shift`). Pure functions, no I/O.
 */
import { COLOR_NAMES, type ColorName, shadesOf } from "../colors.ts";
import { inferKind } from "../illustrations/kind.ts";
import type { Kind } from "../illustrations/kinds.ts";
import type { Season, WardrobeItem } from "../schemas.ts";

export type DressRule = {
  id: string;
  /** In a shopper's words: "no heels", "a coat or jacket for the rain". */
  label: string;
  /** A piece no outfit may hold. */
  excludes?: (item: WardrobeItem) => boolean;
  /** Every outfit wears a coat or jacket like this. */
  layer?: (item: WardrobeItem) => boolean;
  /** Every outfit holds at least one piece like this. */
  wants?: (item: WardrobeItem) => boolean;
  /** Why a set of pieces does not go together, or null. */
  clash?: (items: readonly WardrobeItem[]) => string | null;
  /** Soft: how much dressier (or, below 0, more relaxed) to aim. */
  shift?: number;
  /** Said when the wardrobe cannot make the outfits this way. */
  unmet: string;
};

const kinds = new WeakMap<WardrobeItem, Kind>();

/** What kind of piece an item is, read from its name once. */
export function kindOf(item: WardrobeItem): Kind {
  let kind = kinds.get(item);
  if (!kind) {
    kind = inferKind(item.name, item.category);
    kinds.set(item, kind);
  }
  return kind;
}

const SKIRTS = new Set<Kind>(["skirt", "pleated-skirt", "mini-skirt"]);
/** Lace-ups and trainers: too plain under a cocktail dress. */
const PLAIN_SHOES = new Set<Kind>(["oxfords", "sneakers"]);
/** What keeps rain off: not a blazer or a gilet. */
const RAINPROOF = new Set<Kind>([
  "trench",
  "coat",
  "puffer",
  "jacket",
  "leather-jacket",
  "denim-jacket",
]);

/** Worn only in the two seasons of `half`. */
function only(item: WardrobeItem, half: readonly Season[]): boolean {
  return item.seasons.every((season) => half.includes(season));
}
const WARM_HALF: readonly Season[] = ["spring", "summer"];
const COLD_HALF: readonly Season[] = ["autumn", "winter"];

/** How far apart in dressiness clothes may be (1 sporty … 5 black tie). */
const MAX_SPREAD = 2;

/**
 * Why pieces disagree on how dressy they are: clothes and shoes more than
 * {@link MAX_SPREAD} apart (a cocktail dress with running shoes), or a
 * cocktail dress over lace-ups or trainers. Bags and accessories are
 * forgiven.
 *
 * @example dressinessClash([cocktailDress, oxfords]) // "“Black cocktail dress” is too dressy for “Black leather oxfords”"
 */
export function dressinessClash(
  items: readonly WardrobeItem[],
): string | null {
  const worn = items.filter((item) =>
    item.category !== "bag" && item.category !== "accessory"
  );
  if (worn.length === 0) return null;
  let low = worn[0];
  let high = worn[0];
  for (const item of worn) {
    if (item.formality < low.formality) low = item;
    if (item.formality > high.formality) high = item;
  }
  if (high.formality - low.formality > MAX_SPREAD) {
    return `“${high.name}” is too dressy for “${low.name}”`;
  }
  // A satin midi over polished oxfords is a look; a cocktail dress is not.
  const dress = worn.find((item) =>
    item.category === "dress" && item.formality >= 5
  );
  const shoes = worn.find((item) => item.category === "shoes");
  if (dress && shoes && PLAIN_SHOES.has(kindOf(shoes))) {
    return `“${dress.name}” is too dressy for “${shoes.name}”`;
  }
  return null;
}

const colourOf = (id: string) =>
  (COLOR_NAMES as readonly string[]).includes(id) ? id as ColorName : null;

/** The rules without a parameter, by id. */
const FIXED: Record<string, DressRule> = {
  "matched-dressiness": {
    id: "matched-dressiness",
    label: "pieces that agree on how dressy they are",
    clash: dressinessClash,
    unmet:
      "Your wardrobe has few pieces at the same level of dressiness, so some outfits mix dressy and casual pieces.",
  },
  "no-heels": {
    id: "no-heels",
    label: "no heels",
    excludes: (item) => item.category === "shoes" && kindOf(item) === "heels",
    unmet: "There aren't enough flat shoes in your wardrobe for every outfit.",
  },
  "no-skirts": {
    id: "no-skirts",
    label: "no skirts",
    excludes: (item) => item.category === "bottom" && SKIRTS.has(kindOf(item)),
    unmet: "Without skirts, your wardrobe can't make three different outfits.",
  },
  "no-dresses": {
    id: "no-dresses",
    label: "no dresses",
    excludes: (item) => item.category === "dress",
    unmet: "Without dresses, your wardrobe can't make three different outfits.",
  },
  "trousers-only": {
    id: "trousers-only",
    label: "trousers only",
    excludes: (item) =>
      item.category === "dress" ||
      (item.category === "bottom" &&
        (SKIRTS.has(kindOf(item)) || kindOf(item) === "shorts")),
    unmet:
      "There aren't enough trousers in your wardrobe for three different outfits.",
  },
  "no-suede": {
    id: "no-suede",
    label: "no suede",
    excludes: (item) => /\bsuede\b/i.test(item.name),
    unmet: "Your wardrobe can't make three outfits without suede.",
  },
  "outer-layer": {
    id: "outer-layer",
    label: "a coat or jacket",
    layer: () => true,
    unmet:
      "There aren't enough coats or jackets in your wardrobe to put one in every outfit.",
  },
  "rain-layer": {
    id: "rain-layer",
    label: "a coat or jacket for the rain",
    layer: (item) => RAINPROOF.has(kindOf(item)),
    unmet:
      "Your wardrobe has no coat or jacket that keeps rain off for every outfit; take an umbrella.",
  },
  "no-outerwear": {
    id: "no-outerwear",
    label: "no coat or jacket",
    excludes: (item) => item.category === "outerwear",
    unmet: "Every outfit your wardrobe can make for this needs a layer.",
  },
  "no-summer-only": {
    id: "no-summer-only",
    label: "nothing only for warm days",
    excludes: (item) => only(item, WARM_HALF),
    unmet:
      "Your wardrobe needs a few pieces for the cold to skip warm-weather ones.",
  },
  "no-winter-only": {
    id: "no-winter-only",
    label: "nothing only for cold days",
    excludes: (item) => only(item, COLD_HALF),
    unmet:
      "Your wardrobe needs a few lighter pieces to skip cold-weather ones.",
  },
  dressy: {
    id: "dressy",
    label: "dressier",
    shift: 1,
    unmet: "",
  },
  casual: {
    id: "casual",
    label: "more casual",
    shift: -1,
    unmet: "",
  },
};

/** What every outfit keeps, whatever the day or the notes say. */
export const ALWAYS_RULES: readonly string[] = ["matched-dressiness"];

/**
 * The rule an id names, or null for an id no longer known (a job recorded
 * by another version is then styled without it).
 *
 * @example ruleById("no-colour:pink")?.label // "nothing pink"
 */
export function ruleById(id: string): DressRule | null {
  const fixed = FIXED[id];
  if (fixed) return fixed;
  const [kind, value] = id.split(":");
  const colour = value ? colourOf(value) : null;
  if (!colour) return null;
  const shades = shadesOf(colour);
  const inShade = (item: WardrobeItem) =>
    item.colors.some((c) => shades.includes(c));
  if (kind === "no-colour") {
    return {
      id,
      label: `nothing ${colour}`,
      excludes: inShade,
      unmet: `Without ${colour}, your wardrobe can't make three outfits.`,
    };
  }
  if (kind === "some-colour") {
    return {
      id,
      label: `something ${colour}`,
      wants: inShade,
      unmet: `There aren't enough ${colour} pieces for one in every outfit.`,
    };
  }
  return null;
}

/** The rules `ids` name, in order, without unknown or repeated ones. */
export function rulesFrom(ids: readonly string[]): DressRule[] {
  return [...new Set(ids)].flatMap((id) => ruleById(id) ?? []);
}

/**
 * Which rule an outfit breaks, in a sentence, or null when it keeps them
 * all. The pieces the shopper asked for by id (`asked`: anchors, the piece
 * they may buy) are never forbidden: the outfits are about them.
 *
 * @example ruleProblem(items, rulesFrom(["no-heels"])) // "“Black pointed heels” breaks the rule: no heels"
 */
export function ruleProblem(
  items: readonly WardrobeItem[],
  rules: readonly DressRule[],
  asked: ReadonlySet<string> = new Set(),
): string | null {
  for (const rule of rules) {
    const banned = rule.excludes &&
      items.find((item) => !asked.has(item.id) && rule.excludes!(item));
    if (banned) return `“${banned.name}” breaks the rule: ${rule.label}`;
    if (
      rule.layer &&
      !items.some((i) => i.category === "outerwear" && rule.layer!(i))
    ) {
      return `The outfit has no ${rule.label.replace(/^an? /, "")}`;
    }
    if (rule.wants && !items.some(rule.wants)) {
      return `The outfit breaks the rule: ${rule.label}`;
    }
    const clash = rule.clash?.(items);
    if (clash) return clash;
  }
  return null;
}

/** How much dressier (or more relaxed) the rules ask for, in formality steps. */
export function formalityShift(rules: readonly DressRule[]): number {
  return rules.reduce((sum, rule) => sum + (rule.shift ?? 0), 0);
}

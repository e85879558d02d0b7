/**
 * A piece's category and pattern in the words a shopper reads, for every
 * form that asks for them (the ids stay the API's).
 */
import type { Category, Pattern } from "../lib/schemas.ts";

/**
 * Each category's name, as a form's option and as the caption under a
 * piece's picture (a pair of chinos is "Bottoms", not "bottom").
 */
export const CATEGORY_NAMES: Record<Category, string> = {
  top: "Top",
  bottom: "Bottoms",
  dress: "Dress",
  outerwear: "Outerwear",
  shoes: "Shoes",
  accessory: "Accessory",
  bag: "Bag",
};

/** The name of a category that arrives as a plain string (outfit cards). */
export function categoryName(category: string): string {
  return CATEGORY_NAMES[category as Category] ?? category;
}

/**
 * Each category in words, with what it covers, so a scarf finds its place
 * (short enough that a phone shows the chosen one whole). Made by a call
 * marked pure, so bundles that never show it (the reveal page) drop it: a
 * literal reading `CATEGORY_NAMES.top` would be kept, in case the read had
 * side effects.
 */
export const CATEGORY_WORDS: Record<Category, [string, string]> =
  /* @__PURE__ */ withNames({
    top: "shirts, knits, tees",
    bottom: "trousers, jeans, skirts",
    dress: "dresses, jumpsuits",
    outerwear: "coats, jackets",
    shoes: "trainers, boots, heels",
    accessory: "scarves, belts, hats",
    bag: "handbags, totes",
  });

function withNames(
  covers: Record<Category, string>,
): Record<Category, [string, string]> {
  const words = {} as Record<Category, [string, string]>;
  for (
    const [category, cover] of Object.entries(covers) as [Category, string][]
  ) {
    words[category] = [CATEGORY_NAMES[category], cover];
  }
  return words;
}

export const PATTERN_WORDS: Record<Pattern, string> = {
  solid: "Plain",
  striped: "Striped",
  checked: "Checked",
  floral: "Floral",
  print: "Printed",
  textured: "Textured",
};

/**
 * A category counted, as a person says it: "8 tops", "1 dress", "7 shoes",
 * "1 pair of shoes".
 */
const COUNTED: Record<Category, [one: string, many: string]> = {
  top: ["top", "tops"],
  bottom: ["bottom", "bottoms"],
  dress: ["dress", "dresses"],
  outerwear: ["outerwear", "outerwear"],
  shoes: ["pair of shoes", "shoes"],
  accessory: ["accessory", "accessories"],
  bag: ["bag", "bags"],
};

export function countedCategory(category: Category, count: number): string {
  return COUNTED[category][count === 1 ? 0 : 1];
}

/**
 * Words in a list as a person writes them.
 *
 * @example listOf(["work", "date night", "wedding guest"]) // "work, date night and wedding guest"
 */
export function listOf(words: readonly string[]): string {
  return words.length < 2
    ? words.join("")
    : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/**
 * A piece's category and pattern in the words a shopper reads, for every
 * form that asks for them (the ids stay the API's).
 */
import type { Category, Pattern } from "../lib/schemas.ts";

/**
 * Each category in words, with what it covers, so a scarf finds its place
 * (short enough that a phone shows the chosen one whole).
 */
export const CATEGORY_WORDS: Record<Category, [string, string]> = {
  top: ["Top", "shirts, knits, tees"],
  bottom: ["Bottoms", "trousers, jeans, skirts"],
  dress: ["Dress", "dresses, jumpsuits"],
  outerwear: ["Outerwear", "coats, jackets"],
  shoes: ["Shoes", "trainers, boots, heels"],
  accessory: ["Accessory", "scarves, belts, hats"],
  bag: ["Bag", "handbags, totes"],
};

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

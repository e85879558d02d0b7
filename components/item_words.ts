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

/**
 * The kinds of piece there are drawings for, by category, and the one each
 * category falls back to. kind.ts reads a piece's kind from its name.
 */
import type { Category } from "../schemas.ts";

/** Every kind with a drawing, by the category it belongs to. */
export const KINDS_BY_CATEGORY = {
  top: [
    "tee",
    "long-sleeve-top",
    "shirt",
    "blouse",
    "camisole",
    "tank",
    "polo",
    "sweater",
    "turtleneck",
    "cardigan",
    "hoodie",
    "sweatshirt",
  ],
  bottom: [
    "trousers",
    "jeans",
    "chinos",
    "leggings",
    "joggers",
    "shorts",
    "skirt",
    "pleated-skirt",
    "mini-skirt",
  ],
  dress: ["dress", "slip-dress", "wrap-dress", "shirt-dress", "jumpsuit"],
  outerwear: [
    "jacket",
    "blazer",
    "coat",
    "trench",
    "puffer",
    "leather-jacket",
    "denim-jacket",
    "gilet",
  ],
  shoes: [
    "sneakers",
    "boots",
    "ankle-boots",
    "heels",
    "loafers",
    "oxfords",
    "sandals",
    "flats",
  ],
  bag: ["bag", "tote", "backpack", "clutch"],
  accessory: [
    "scarf",
    "belt",
    "watch",
    "hat",
    "cap",
    "beanie",
    "earrings",
    "necklace",
    "bracelet",
    "sunglasses",
    "tie",
    "gloves",
  ],
} as const satisfies Record<Category, readonly string[]>;

export type Kind = (typeof KINDS_BY_CATEGORY)[Category][number];

export const KINDS: readonly Kind[] = Object.values(KINDS_BY_CATEGORY).flat();

/** The first kind of each category is what a name that says nothing gets. */
export const DEFAULT_KIND = Object.fromEntries(
  Object.entries(KINDS_BY_CATEGORY).map(([category, kinds]) => [
    category,
    kinds[0],
  ]),
) as { [C in Category]: (typeof KINDS_BY_CATEGORY)[C][0] };

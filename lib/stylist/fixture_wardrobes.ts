/**
 * Wardrobes besides the sample one, for benchmarks and tests: a small
 * capsule of 12 pieces, and a large, realistic closet of any size built
 * from real garment kinds in sensible colours (the same every run). Only
 * tests and benchmarks import this module.
 */
import type { ColorName } from "../colors.ts";
import {
  type Category,
  type Season,
  SEASONS,
  type WardrobeItem,
} from "../schemas.ts";
import { randomSource } from "./test_fixtures.ts";

type Pattern = WardrobeItem["pattern"];

function item(
  id: string,
  name: string,
  category: Category,
  colors: ColorName[],
  formality: number,
  seasons: readonly Season[] = SEASONS,
  pattern: Pattern = "solid",
): WardrobeItem {
  return {
    id,
    name,
    category,
    colors,
    pattern,
    formality,
    seasons: [...seasons],
  };
}

/** Twelve pieces a minimalist might own: enough for every occasion, barely. */
export function smallWardrobe(): WardrobeItem[] {
  return [
    item("white-tee", "White tee", "top", ["white"], 2),
    item("blue-shirt", "Light blue shirt", "top", ["light blue"], 3),
    item("black-knit", "Black fine-knit sweater", "top", ["black"], 3),
    item("jeans", "Indigo jeans", "bottom", ["denim"], 2),
    item("grey-trousers", "Grey tailored trousers", "bottom", ["grey"], 4),
    item("navy-dress", "Navy shift dress", "dress", ["navy"], 4),
    item("camel-coat", "Camel wool coat", "outerwear", ["camel"], 4, [
      "autumn",
      "winter",
      "spring",
    ]),
    item("sneakers", "White sneakers", "shoes", ["white"], 2),
    item("black-boots", "Black ankle boots", "shoes", ["black"], 3),
    item("loafers", "Burgundy loafers", "shoes", ["burgundy"], 3),
    item("tote", "Tan leather tote", "bag", ["tan"], 3),
    item("scarf", "Grey wool scarf", "accessory", ["grey"], 2, [
      "autumn",
      "winter",
    ]),
  ];
}

type Kind = {
  noun: string;
  formality: [number, number];
  seasons: readonly Season[];
  colors: readonly ColorName[];
  patterns?: readonly Pattern[];
};

const WARM: readonly Season[] = ["spring", "summer"];
const COLD: readonly Season[] = ["autumn", "winter"];
const MILD: readonly Season[] = ["spring", "autumn", "winter"];
const NEUTRALS: readonly ColorName[] = [
  "black",
  "white",
  "cream",
  "grey",
  "charcoal",
  "beige",
  "camel",
  "navy",
];
const ACCENTS: readonly ColorName[] = [
  "burgundy",
  "rust",
  "olive",
  "sage",
  "emerald",
  "cobalt",
  "blush",
  "mustard",
  "lavender",
  "terracotta",
];

/** Garment kinds per category, with the registers and seasons they live in. */
const KINDS: Readonly<Record<Category, Kind[]>> = {
  top: [
    {
      noun: "cotton tee",
      formality: [1, 2],
      seasons: SEASONS,
      colors: NEUTRALS,
      patterns: ["solid", "striped"],
    },
    {
      noun: "poplin shirt",
      formality: [3, 3],
      seasons: SEASONS,
      colors: [...NEUTRALS, "light blue"],
      patterns: ["solid", "striped"],
    },
    {
      noun: "silk blouse",
      formality: [4, 4],
      seasons: SEASONS,
      colors: [...NEUTRALS, ...ACCENTS],
    },
    {
      noun: "merino sweater",
      formality: [3, 3],
      seasons: MILD,
      colors: [...NEUTRALS, ...ACCENTS],
      patterns: ["solid", "textured"],
    },
    { noun: "linen shirt", formality: [2, 3], seasons: WARM, colors: NEUTRALS },
    {
      noun: "satin camisole",
      formality: [3, 4],
      seasons: WARM,
      colors: ACCENTS,
    },
    { noun: "hoodie", formality: [1, 1], seasons: MILD, colors: NEUTRALS },
    {
      noun: "training top",
      formality: [1, 1],
      seasons: SEASONS,
      colors: [...NEUTRALS, ...ACCENTS],
    },
    {
      noun: "cashmere cardigan",
      formality: [3, 3],
      seasons: COLD,
      colors: NEUTRALS,
    },
  ],
  bottom: [
    {
      noun: "straight jeans",
      formality: [2, 2],
      seasons: SEASONS,
      colors: ["denim", "black"],
    },
    {
      noun: "tailored trousers",
      formality: [4, 4],
      seasons: SEASONS,
      colors: NEUTRALS,
      patterns: ["solid", "checked"],
    },
    {
      noun: "chinos",
      formality: [3, 3],
      seasons: SEASONS,
      colors: ["khaki", "navy", "olive", "beige"],
    },
    {
      noun: "pleated midi skirt",
      formality: [3, 4],
      seasons: SEASONS,
      colors: [...NEUTRALS, ...ACCENTS],
    },
    {
      noun: "linen shorts",
      formality: [1, 2],
      seasons: WARM,
      colors: NEUTRALS,
    },
    {
      noun: "leggings",
      formality: [1, 1],
      seasons: SEASONS,
      colors: ["black", "charcoal"],
    },
    {
      noun: "wide-leg trousers",
      formality: [3, 4],
      seasons: SEASONS,
      colors: NEUTRALS,
    },
  ],
  dress: [
    { noun: "slip dress", formality: [4, 4], seasons: WARM, colors: ACCENTS },
    {
      noun: "wrap dress",
      formality: [3, 3],
      seasons: WARM,
      colors: ACCENTS,
      patterns: ["solid", "floral"],
    },
    {
      noun: "knit midi dress",
      formality: [3, 3],
      seasons: COLD,
      colors: NEUTRALS,
    },
    {
      noun: "cocktail dress",
      formality: [5, 5],
      seasons: SEASONS,
      colors: ["black", "navy", "burgundy", "emerald"],
    },
    {
      noun: "shirt dress",
      formality: [3, 3],
      seasons: SEASONS,
      colors: NEUTRALS,
      patterns: ["solid", "striped"],
    },
  ],
  outerwear: [
    {
      noun: "wool blazer",
      formality: [4, 4],
      seasons: MILD,
      colors: NEUTRALS,
      patterns: ["solid", "checked"],
    },
    {
      noun: "trench coat",
      formality: [3, 3],
      seasons: ["spring", "autumn"],
      colors: ["beige", "navy", "black"],
    },
    {
      noun: "leather jacket",
      formality: [2, 2],
      seasons: MILD,
      colors: ["black", "brown"],
    },
    {
      noun: "puffer jacket",
      formality: [2, 2],
      seasons: COLD,
      colors: NEUTRALS,
    },
    {
      noun: "denim jacket",
      formality: [2, 2],
      seasons: ["spring", "summer", "autumn"],
      colors: ["denim"],
    },
    {
      noun: "wool overcoat",
      formality: [4, 4],
      seasons: COLD,
      colors: NEUTRALS,
    },
  ],
  shoes: [
    {
      noun: "leather sneakers",
      formality: [2, 2],
      seasons: SEASONS,
      colors: ["white", "black"],
    },
    {
      noun: "running shoes",
      formality: [1, 1],
      seasons: SEASONS,
      colors: ["grey", "black", "white"],
    },
    {
      noun: "loafers",
      formality: [3, 3],
      seasons: SEASONS,
      colors: ["brown", "black", "burgundy"],
    },
    {
      noun: "ankle boots",
      formality: [3, 3],
      seasons: MILD,
      colors: ["black", "tan", "brown"],
    },
    {
      noun: "pointed heels",
      formality: [4, 4],
      seasons: SEASONS,
      colors: ["black", "blush", "burgundy"],
    },
    {
      noun: "strappy sandals",
      formality: [2, 3],
      seasons: WARM,
      colors: ["tan", "gold", "black"],
    },
    {
      noun: "oxfords",
      formality: [4, 4],
      seasons: SEASONS,
      colors: ["black", "brown"],
    },
  ],
  accessory: [
    {
      noun: "leather belt",
      formality: [3, 3],
      seasons: SEASONS,
      colors: ["brown", "black", "tan"],
    },
    {
      noun: "silk scarf",
      formality: [3, 3],
      seasons: SEASONS,
      colors: ACCENTS,
      patterns: ["print", "solid"],
    },
    {
      noun: "hoop earrings",
      formality: [3, 4],
      seasons: SEASONS,
      colors: ["gold", "silver"],
    },
    {
      noun: "watch",
      formality: [3, 3],
      seasons: SEASONS,
      colors: ["silver", "gold"],
    },
    { noun: "wool beanie", formality: [1, 2], seasons: COLD, colors: NEUTRALS },
  ],
  bag: [
    {
      noun: "leather tote",
      formality: [3, 3],
      seasons: SEASONS,
      colors: ["black", "tan", "brown"],
    },
    {
      noun: "crossbody bag",
      formality: [2, 3],
      seasons: SEASONS,
      colors: [...NEUTRALS, ...ACCENTS],
    },
    {
      noun: "evening clutch",
      formality: [5, 5],
      seasons: SEASONS,
      colors: ["gold", "silver", "black"],
    },
    {
      noun: "canvas backpack",
      formality: [1, 1],
      seasons: SEASONS,
      colors: ["navy", "olive", "black"],
    },
  ],
};

/** How a closet of any size splits over the categories. */
const SHARE: Readonly<Record<Category, number>> = {
  top: 0.28,
  bottom: 0.18,
  dress: 0.1,
  outerwear: 0.1,
  shoes: 0.14,
  accessory: 0.12,
  bag: 0.08,
};

const capitalise = (text: string) => text[0].toUpperCase() + text.slice(1);

/**
 * A realistic closet of `size` pieces (seeded, so every run gets the same):
 * real garment kinds in colours and registers they come in.
 */
export function largeWardrobe(size = 120, seed = 11): WardrobeItem[] {
  const random = randomSource(seed);
  const choose = <T>(list: readonly T[]) =>
    list[Math.floor(random() * list.length)];
  const items: WardrobeItem[] = [];
  const names = new Set<string>();
  for (const category of Object.keys(SHARE) as Category[]) {
    const wanted = Math.round(size * SHARE[category]);
    for (let i = 0; items.length < size && i < wanted; i++) {
      const kind = choose(KINDS[category]);
      let color = choose(kind.colors);
      // Two identical pieces are unlikely in one closet: recolour a repeat.
      for (
        let tries = 0;
        names.has(`${color} ${kind.noun}`) && tries < 8;
        tries++
      ) {
        color = choose(kind.colors);
      }
      names.add(`${color} ${kind.noun}`);
      const [low, high] = kind.formality;
      items.push(item(
        `${category}-${i + 1}`,
        capitalise(`${color} ${kind.noun}`),
        category,
        [color],
        low + Math.floor(random() * (high - low + 1)),
        kind.seasons,
        kind.patterns ? choose(kind.patterns) : "solid",
      ));
    }
  }
  return items;
}

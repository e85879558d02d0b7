/**
 * The wardrobe every new account starts with, so a first visit can produce
 * outfits for every occasion and flow before the shopper adds anything.
 *
 * Pieces are chosen to cover the stylist's needs: sportswear for workouts,
 * tailoring and a cocktail dress for formal events, comfortable layers for
 * travel, and colours that exercise the harmony rules (neutrals, a few
 * accents, one complementary pair). No photos: every page draws each piece
 * from its name, colours and pattern (lib/illustrations/).
 */
import type { ColorName } from "./colors.ts";
import {
  type Category,
  type Season,
  SEASONS,
  type WardrobeItem,
} from "./schemas.ts";

type Pattern = WardrobeItem["pattern"];

const ALL_YEAR: readonly Season[] = SEASONS;
const WARM: readonly Season[] = ["spring", "summer"];
const NOT_WINTER: readonly Season[] = ["spring", "summer", "autumn"];
const NOT_SUMMER: readonly Season[] = ["spring", "autumn", "winter"];
const COLD: readonly Season[] = ["autumn", "winter"];
const TRANSITIONAL: readonly Season[] = ["spring", "autumn"];

/** A maker per category keeps each item on one readable line. */
function piece(category: Category) {
  return (
    id: string,
    name: string,
    colors: ColorName[],
    formality: number,
    seasons: readonly Season[],
    pattern: Pattern = "solid",
  ): WardrobeItem =>
    // Frozen because every new account shares these objects.
    Object.freeze({
      id,
      name,
      category,
      colors: Object.freeze(colors) as ColorName[],
      pattern,
      formality,
      seasons: Object.freeze([...seasons]) as Season[],
    });
}

const top = piece("top");
const bottom = piece("bottom");
const dress = piece("dress");
const outerwear = piece("outerwear");
const shoes = piece("shoes");
const accessory = piece("accessory");
const bag = piece("bag");

export const SAMPLE_WARDROBE: readonly WardrobeItem[] = Object.freeze([
  top("white-oxford-shirt", "White oxford shirt", ["white"], 3, ALL_YEAR),
  top("white-cotton-tee", "White cotton tee", ["white"], 2, ALL_YEAR),
  top(
    "breton-striped-tee",
    "Navy Breton striped tee",
    ["navy", "white"],
    2,
    NOT_WINTER,
    "striped",
  ),
  top("ivory-silk-blouse", "Ivory silk blouse", ["cream"], 4, ALL_YEAR),
  top(
    "camel-merino-sweater",
    "Camel merino sweater",
    ["camel"],
    3,
    NOT_SUMMER,
    "textured",
  ),
  top("rust-satin-camisole", "Rust satin camisole", ["rust"], 3, NOT_WINTER),
  top(
    "black-performance-tank",
    "Black performance tank",
    ["black"],
    1,
    ALL_YEAR,
  ),
  top("sage-training-top", "Sage training top", ["sage"], 1, ALL_YEAR),

  bottom("dark-wash-jeans", "Dark-wash straight jeans", ["denim"], 2, ALL_YEAR),
  bottom(
    "black-tailored-trousers",
    "Black tailored trousers",
    ["black"],
    4,
    ALL_YEAR,
  ),
  bottom("khaki-chinos", "Khaki chinos", ["khaki"], 3, NOT_WINTER),
  bottom("white-linen-trousers", "White linen trousers", ["white"], 2, WARM),
  bottom(
    "olive-pleated-midi-skirt",
    "Olive pleated midi skirt",
    ["olive"],
    3,
    NOT_WINTER,
  ),
  bottom(
    "charcoal-check-trousers",
    "Charcoal check wool trousers",
    ["charcoal", "grey"],
    4,
    NOT_SUMMER,
    "checked",
  ),
  bottom("black-leggings", "Black leggings", ["black"], 1, ALL_YEAR),
  bottom("grey-joggers", "Grey joggers", ["grey"], 1, ALL_YEAR),

  dress("black-cocktail-dress", "Black cocktail dress", ["black"], 5, ALL_YEAR),
  dress(
    "emerald-satin-midi-dress",
    "Emerald satin midi dress",
    ["emerald"],
    4,
    NOT_WINTER,
  ),
  dress(
    "blush-floral-wrap-dress",
    "Blush floral wrap dress",
    ["blush", "cream"],
    3,
    WARM,
    "floral",
  ),

  outerwear("navy-wool-blazer", "Navy wool blazer", ["navy"], 4, NOT_SUMMER),
  outerwear(
    "beige-trench-coat",
    "Beige trench coat",
    ["beige"],
    3,
    TRANSITIONAL,
  ),
  outerwear(
    "black-leather-jacket",
    "Black leather jacket",
    ["black"],
    2,
    NOT_SUMMER,
  ),
  outerwear(
    "charcoal-puffer-jacket",
    "Charcoal puffer jacket",
    ["charcoal"],
    2,
    COLD,
  ),

  shoes(
    "white-leather-sneakers",
    "White leather sneakers",
    ["white"],
    2,
    ALL_YEAR,
  ),
  shoes("grey-running-shoes", "Grey running shoes", ["grey"], 1, ALL_YEAR),
  shoes(
    "brown-leather-loafers",
    "Brown leather loafers",
    ["brown"],
    3,
    ALL_YEAR,
  ),
  shoes(
    "black-leather-oxfords",
    "Black leather oxfords",
    ["black"],
    4,
    ALL_YEAR,
  ),
  shoes("black-pointed-heels", "Black pointed heels", ["black"], 4, ALL_YEAR),
  shoes(
    "tan-suede-ankle-boots",
    "Tan suede ankle boots",
    ["tan"],
    3,
    NOT_SUMMER,
  ),
  shoes("tan-leather-sandals", "Tan leather sandals", ["tan"], 2, WARM),

  accessory("brown-leather-belt", "Brown leather belt", ["brown"], 3, ALL_YEAR),
  accessory(
    "rust-paisley-scarf",
    "Rust paisley silk scarf",
    ["rust", "cream"],
    3,
    NOT_SUMMER,
    "print",
  ),
  accessory("silver-watch", "Silver watch", ["silver"], 3, ALL_YEAR),
  accessory("gold-hoop-earrings", "Gold hoop earrings", ["gold"], 4, ALL_YEAR),

  bag("black-leather-tote", "Black leather tote", ["black"], 3, ALL_YEAR),
  bag("gold-evening-clutch", "Gold evening clutch", ["gold"], 5, ALL_YEAR),
  bag("navy-canvas-backpack", "Navy canvas backpack", ["navy"], 1, ALL_YEAR),
]);

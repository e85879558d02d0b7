import assert from "node:assert/strict";
import { SAMPLE_WARDROBE } from "../sample_wardrobe.ts";
import { CATEGORIES, type Category } from "../schemas.ts";
import { inferKind } from "./kind.ts";
import { DEFAULT_KIND, type Kind, KINDS, KINDS_BY_CATEGORY } from "./kinds.ts";

/** Every piece of the sample wardrobe, as a shopper would recognise it. */
const SAMPLE: Record<string, Kind> = {
  "white-oxford-shirt": "shirt",
  "white-cotton-tee": "tee",
  "breton-striped-tee": "tee",
  "ivory-silk-blouse": "blouse",
  "camel-merino-sweater": "sweater",
  "rust-satin-camisole": "camisole",
  "black-performance-tank": "tank",
  "sage-training-top": "long-sleeve-top",
  "dark-wash-jeans": "jeans",
  "black-tailored-trousers": "trousers",
  "khaki-chinos": "chinos",
  "white-linen-trousers": "trousers",
  "olive-pleated-midi-skirt": "pleated-skirt",
  "charcoal-check-trousers": "trousers",
  "black-leggings": "leggings",
  "grey-joggers": "joggers",
  "black-cocktail-dress": "dress",
  "emerald-satin-midi-dress": "slip-dress",
  "blush-floral-wrap-dress": "wrap-dress",
  "navy-wool-blazer": "blazer",
  "beige-trench-coat": "trench",
  "black-leather-jacket": "leather-jacket",
  "charcoal-puffer-jacket": "puffer",
  "white-leather-sneakers": "sneakers",
  "grey-running-shoes": "sneakers",
  "brown-leather-loafers": "loafers",
  "black-leather-oxfords": "oxfords",
  "black-pointed-heels": "heels",
  "tan-suede-ankle-boots": "ankle-boots",
  "tan-leather-sandals": "sandals",
  "brown-leather-belt": "belt",
  "rust-paisley-scarf": "scarf",
  "silver-watch": "watch",
  "gold-hoop-earrings": "earrings",
  "black-leather-tote": "tote",
  "gold-evening-clutch": "clutch",
  "navy-canvas-backpack": "backpack",
};

Deno.test("[illustrations] every sample piece gets the kind a shopper would name", () => {
  assert.deepEqual(
    SAMPLE_WARDROBE.map((item) => item.id).sort(),
    Object.keys(SAMPLE).sort(),
    "the table covers the sample wardrobe",
  );
  for (const item of SAMPLE_WARDROBE) {
    assert.equal(
      inferKind(item.name, item.category),
      SAMPLE[item.id],
      item.name,
    );
  }
});

/** Names that share a word with another kind, plurals, and odd spellings. */
const TRICKY: [string, Category, Kind][] = [
  ["Oxford shirt", "top", "shirt"],
  ["Blue oxford button-down", "top", "shirt"],
  ["Leather oxfords", "shoes", "oxfords"],
  ["Brown brogue", "shoes", "oxfords"],
  ["Ankle boots", "shoes", "ankle-boots"],
  ["Chelsea boot", "shoes", "ankle-boots"],
  ["Knee-high boots", "shoes", "boots"],
  ["Riding boot", "shoes", "boots"],
  ["Heeled ankle boots", "shoes", "ankle-boots"],
  ["Shirt dress", "dress", "shirt-dress"],
  ["Denim shirtdress", "dress", "shirt-dress"],
  ["Shirt dress", "top", "shirt"],
  ["Denim jacket", "outerwear", "denim-jacket"],
  ["Denim jacket", "top", "denim-jacket"],
  ["Denim skirt", "bottom", "skirt"],
  ["Denim shorts", "bottom", "shorts"],
  ["Black denim", "bottom", "jeans"],
  ["T-shirt", "top", "tee"],
  ["Striped t-shirts", "top", "tee"],
  ["Long-sleeve tee", "top", "long-sleeve-top"],
  ["Polo shirt", "top", "polo"],
  ["Polo neck", "top", "turtleneck"],
  ["Hooded sweatshirt", "top", "hoodie"],
  ["Grey sweatshirt", "top", "sweatshirt"],
  ["Cashmere cardigan", "top", "cardigan"],
  ["Cashmere crewneck", "top", "sweater"],
  ["Silk cami", "top", "camisole"],
  ["Sneaker", "shoes", "sneakers"],
  ["Trainers", "shoes", "sneakers"],
  ["Kitten heel pumps", "shoes", "heels"],
  ["Ballet flats", "shoes", "flats"],
  ["Slides", "shoes", "sandals"],
  ["Loafer", "shoes", "loafers"],
  ["Down jacket", "outerwear", "puffer"],
  ["Leather coat", "outerwear", "coat"],
  ["Leather trench", "outerwear", "trench"],
  ["Wool overcoat", "outerwear", "coat"],
  ["Suede bomber", "outerwear", "jacket"],
  ["Quilted gilet", "outerwear", "gilet"],
  ["Trousers", "bottom", "trousers"],
  ["Wide-leg pants", "bottom", "trousers"],
  ["Jean", "bottom", "jeans"],
  ["Cycling shorts", "bottom", "shorts"],
  ["Pleated midi skirt", "bottom", "pleated-skirt"],
  ["Mini skirt", "bottom", "mini-skirt"],
  ["Jumpsuit", "dress", "jumpsuit"],
  ["Boiler suit", "dress", "jumpsuit"],
  ["Leather tote", "accessory", "tote"],
  ["Leather crossbody", "bag", "bag"],
  ["Rucksack", "bag", "backpack"],
  ["Baseball cap", "accessory", "cap"],
  ["Bucket hat", "accessory", "hat"],
  ["Wool beanie", "accessory", "beanie"],
  ["Pearl necklace", "accessory", "necklace"],
  ["Gold chain", "accessory", "necklace"],
  ["Chain belt", "accessory", "belt"],
  ["Aviator sunglasses", "accessory", "sunglasses"],
  ["Silk tie", "accessory", "tie"],
  ["Leather gloves", "accessory", "gloves"],
  ["Hoops", "accessory", "earrings"],
  ["Bangles", "accessory", "bracelet"],
];

Deno.test("[illustrations] names that share a word with another kind, and plurals", () => {
  for (const [name, category, kind] of TRICKY) {
    assert.equal(inferKind(name, category), kind, `${name} (${category})`);
  }
});

Deno.test("[illustrations] a name that says nothing gets its category's default", () => {
  for (const category of CATEGORIES) {
    for (
      const name of ["", "Favourite", "Something blue", "<script>", "ÉTÉ 24"]
    ) {
      assert.equal(inferKind(name, category), DEFAULT_KIND[category], name);
    }
  }
  assert.deepEqual(DEFAULT_KIND, {
    top: "tee",
    bottom: "trousers",
    dress: "dress",
    outerwear: "jacket",
    shoes: "sneakers",
    bag: "bag",
    accessory: "scarf",
  });
});

Deno.test("[illustrations] every kind belongs to one category and can be inferred", () => {
  assert.equal(new Set(KINDS).size, KINDS.length);
  for (const category of CATEGORIES) {
    for (const kind of KINDS_BY_CATEGORY[category]) {
      // Its own name, as a shopper might type it, finds it.
      assert.equal(inferKind(kind.replaceAll("-", " "), category), kind);
    }
  }
});

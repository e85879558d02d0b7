/**
 * What kind of piece an item is, read from its name and category, so its
 * illustration can be a shirt rather than "some top".
 *
 * The category is asked first: "Oxford shirt" is a top, so it is a shirt,
 * while "Leather oxfords" are shoes. Only when no word of the name fits its
 * category are the other categories' nouns tried ("Denim jacket" filed as a
 * top is still drawn as a jacket); their weak hints ("leather", "satin") are
 * not, as a leather bag is no leather jacket. Nothing fits: the category's
 * default.
 */
import type { Category } from "../schemas.ts";
import { DEFAULT_KIND, type Kind } from "./kinds.ts";

/** A word that names the piece, and a word that only hints at it. */
type Rule = { kind: Kind; noun?: RegExp; hint?: RegExp };

/*
 * Per category, most specific first: "ankle boots" before "boots", "t-shirt"
 * and "polo shirt" before "shirt", "denim skirt" before "denim". Names are
 * matched lowercased with everything but letters turned into spaces, so
 * "T-shirt" reads "t shirt" and plurals are spelled out with `s?`.
 */
const RULES: Record<Category, Rule[]> = {
  top: [
    { kind: "hoodie", noun: /\bhood(ie|y|ed)s?\b|\bhoodies\b/ },
    { kind: "sweatshirt", noun: /\bsweat ?shirts?\b|\bcrew ?neck sweat/ },
    { kind: "cardigan", noun: /\bcardi(gan)?s?\b/ },
    { kind: "turtleneck", noun: /\b(turtle|roll|polo|mock) ?necks?\b/ },
    { kind: "polo", noun: /\bpolos?\b/ },
    { kind: "long-sleeve-top", noun: /\blong ?sleeved?\b|\bbase ?layers?\b/ },
    { kind: "tee", noun: /\bt ?shirts?\b|\btees?\b|\btshirts?\b/ },
    { kind: "camisole", noun: /\bcami(sole)?s?\b|\bslip tops?\b/ },
    {
      kind: "tank",
      noun: /\btanks?\b|\bvests?\b|\bsinglets?\b|\bsports? bras?\b/,
    },
    { kind: "blouse", noun: /\bblouses?\b|\btunics?\b/ },
    {
      kind: "sweater",
      noun: /\bsweaters?\b|\bjumpers?\b|\bpullovers?\b|\bknits?\b/,
      hint: /\bmerino\b|\bcashmere\b|\bknitted\b|\bwool\b/,
    },
    {
      kind: "shirt",
      noun: /\bshirts?\b|\bbutton (down|up)s?\b|\bover ?shirts?\b/,
      hint: /\boxford\b|\bflannel\b|\bchambray\b|\blinen\b/,
    },
    {
      kind: "long-sleeve-top",
      hint: /\btraining\b|\bperformance\b|\bthermal\b|\brunning\b/,
    },
    { kind: "blouse", hint: /\bsilk\b|\bsatin\b|\bchiffon\b/ },
  ],
  bottom: [
    { kind: "shorts", noun: /\bshorts\b|\bbermudas?\b/ },
    {
      kind: "pleated-skirt",
      noun: /\bpleat(ed|s)?\b.*\bskirts?\b|\bkilts?\b/,
    },
    { kind: "mini-skirt", noun: /\bmini ?skirts?\b|\bskorts?\b/ },
    { kind: "skirt", noun: /\bskirts?\b/ },
    {
      kind: "leggings",
      noun: /\bleggings?\b|\btights\b|\byoga pants\b|\bcycling\b/,
    },
    {
      kind: "joggers",
      noun: /\bjoggers?\b|\bsweat ?pants\b|\btrack ?(pants|bottoms)\b/,
    },
    { kind: "jeans", noun: /\bjeans?\b/, hint: /\bdenim\b/ },
    { kind: "chinos", noun: /\bchinos?\b|\bkhakis\b/ },
    {
      kind: "trousers",
      noun: /\btrousers?\b|\bpants\b|\bslacks\b|\bculottes?\b|\bcargos?\b/,
    },
  ],
  dress: [
    {
      kind: "jumpsuit",
      noun: /\b(jump|play|boiler) ?suits?\b|\brompers?\b|\bdungarees?\b/,
    },
    { kind: "shirt-dress", noun: /\bshirt ?dress(es)?\b/ },
    { kind: "wrap-dress", noun: /\bwrap dress(es)?\b/, hint: /\bwrap\b/ },
    {
      kind: "slip-dress",
      noun:
        /\b(slip|cami) dress(es)?\b|\b(satin|silk) (midi |maxi |mini )?dress/,
      hint: /\bsatin\b|\bsilk\b|\bslip\b/,
    },
    { kind: "dress", noun: /\bdress(es)?\b|\bgowns?\b/ },
  ],
  outerwear: [
    { kind: "trench", noun: /\btrench(coat)?e?s?\b|\bmacs?\b|\braincoats?\b/ },
    {
      kind: "puffer",
      noun:
        /\bpuff(er|a)s?\b|\bparkas?\b|\b(down|quilted|padded) (jacket|coat)s?\b/,
    },
    {
      kind: "blazer",
      noun: /\bblazers?\b|\bsuit jackets?\b|\bsport ?coats?\b/,
    },
    { kind: "gilet", noun: /\bgilets?\b|\bvests?\b|\bwaistcoats?\b/ },
    {
      kind: "leather-jacket",
      noun: /\b(leather|biker|moto|motorcycle) jackets?\b|\bbikers?\b/,
    },
    {
      kind: "denim-jacket",
      noun: /\b(denim|jean|trucker) jackets?\b/,
      hint: /\bdenim\b/,
    },
    {
      kind: "coat",
      noun: /\b(over|pea|top)? ?coats?\b|\bcapes?\b|\bponchos?\b/,
    },
    {
      kind: "jacket",
      noun: /\bjackets?\b|\bbombers?\b|\bshackets?\b|\banoraks?\b/,
    },
    { kind: "leather-jacket", hint: /\bleather\b/ },
  ],
  shoes: [
    {
      kind: "ankle-boots",
      noun: /\bankle boots?\b|\bchelsea\b|\bbooties\b|\bchukkas?\b/,
      hint: /\bankle\b/,
    },
    { kind: "boots", noun: /\bboots?\b|\bwellies\b|\bwellingtons?\b/ },
    {
      kind: "sandals",
      noun: /\bsandals?\b|\bslides\b|\bflip ?flops?\b|\bespadrilles?\b/,
    },
    {
      kind: "heels",
      noun: /\bheels?\b|\bpumps?\b|\bstilettos?\b|\bslingbacks?\b/,
      hint: /\bheeled\b|\bkitten\b|\bpointed\b/,
    },
    {
      kind: "sneakers",
      noun: /\bsneakers?\b|\btrainers?\b|\brunn(ing|ers?)\b|\bplimsolls?\b/,
    },
    { kind: "loafers", noun: /\bloafers?\b|\bmoccasins?\b|\bboat shoes?\b/ },
    {
      kind: "oxfords",
      noun: /\boxfords?\b|\bbrogues?\b|\bderb(y|ys|ies)\b|\blace ?ups?\b/,
      hint: /\bdress shoes?\b/,
    },
    {
      kind: "flats",
      noun: /\bflats\b|\bballet\b|\bballerinas?\b|\bmary janes?\b|\bmules?\b/,
    },
  ],
  bag: [
    { kind: "backpack", noun: /\bback ?packs?\b|\brucksacks?\b/ },
    {
      kind: "clutch",
      noun: /\bclutch(es)?\b|\bevening bags?\b|\bpouch(es)?\b/,
      hint: /\bevening\b/,
    },
    { kind: "tote", noun: /\btotes?\b|\bshoppers?\b|\bbeach bags?\b/ },
    { kind: "bag", noun: /\bbags?\b|\bhandbags?\b|\bpurses?\b|\bsatchels?\b/ },
  ],
  accessory: [
    { kind: "belt", noun: /\bbelts?\b/ },
    { kind: "watch", noun: /\bwatch(es)?\b/ },
    {
      kind: "sunglasses",
      noun: /\bsun ?glasses\b|\bshades\b|\bsunnies\b|\baviators?\b/,
    },
    { kind: "earrings", noun: /\bear ?rings?\b|\bhoops\b|\bstuds\b/ },
    {
      kind: "necklace",
      noun: /\bnecklaces?\b|\bpendants?\b|\bchokers?\b|\blockets?\b/,
      hint: /\bchains?\b|\bpearls\b/,
    },
    { kind: "bracelet", noun: /\bbracelets?\b|\bbangles?\b/ },
    { kind: "cap", noun: /\bcaps?\b/, hint: /\bbaseball\b/ },
    { kind: "beanie", noun: /\bbeanies?\b|\bbobble hats?\b|\btoques?\b/ },
    {
      kind: "hat",
      noun: /\bhats?\b|\bfedoras?\b|\bberets?\b|\bpanamas?\b|\bboaters?\b/,
    },
    {
      kind: "scarf",
      noun: /\bscar(f|fs|ves)\b|\bshawls?\b|\bbandanas?\b|\bsnoods?\b/,
    },
    { kind: "tie", noun: /\b(bow )?ties?\b|\bneckties?\b/ },
    { kind: "gloves", noun: /\bgloves?\b|\bmittens?\b/ },
  ],
};

/**
 * Another category's nouns are tried in this order when the item's own
 * category has none: a dress before a top ("shirt dress"), a jacket before
 * jeans ("denim jacket").
 */
const FALLBACK_ORDER: readonly Category[] = [
  "dress",
  "outerwear",
  "top",
  "bottom",
  "shoes",
  "bag",
  "accessory",
];

function words(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}]+/gu, " ").trim();
}

/**
 * The kind of piece an item is, from its name within its category.
 *
 * @example inferKind("White oxford shirt", "top") // "shirt"
 * @example inferKind("Black leather oxfords", "shoes") // "oxfords"
 * @example inferKind("Sage training top", "top") // "long-sleeve-top"
 */
export function inferKind(name: string, category: Category): Kind {
  const text = words(name);
  const own = RULES[category];
  const match = own.find((rule) => rule.noun?.test(text)) ??
    own.find((rule) => rule.hint?.test(text)) ??
    FALLBACK_ORDER.filter((other) => other !== category)
      .flatMap((other) => RULES[other])
      .find((rule) => rule.noun?.test(text));
  return match?.kind ?? DEFAULT_KIND[category];
}

/**
 * Whether an outfit's title tells the truth about its pieces: every garment
 * it names ("navy blazer", "heels", "the trench") must be in the outfit, in
 * the colour it says. Checked on every title, the model's and the built-in
 * stylist's, before a shopper reads it.
 */
import { COLOR_NAMES } from "../colors.ts";
import type { Category, WardrobeItem } from "../schemas.ts";

type Garment = {
  /** The word (and its plural) as a title would use it. */
  word: RegExp;
  /** The pieces the word can mean. */
  matches: (item: WardrobeItem, name: string) => boolean;
};

const named = (pattern: RegExp) => (_: WardrobeItem, name: string) =>
  pattern.test(name);
const inCategory = (category: Category) => (item: WardrobeItem) =>
  item.category === category;

/**
 * Garment words, each with what it may refer to. Loose words ("jacket",
 * "knit", "shoes") accept their family; exact ones ("blazer") their name.
 */
const GARMENTS: Garment[] = [
  { word: /blazers?/, matches: named(/blazer/) },
  {
    word: /jackets?/,
    matches: named(/jacket|blazer|puffer|bomber|parka|anorak/),
  },
  { word: /coats?/, matches: named(/coat|trench|parka|mac\b/) },
  { word: /trench(es)?/, matches: named(/trench/) },
  { word: /puffers?/, matches: named(/puffer/) },
  { word: /cardigans?/, matches: named(/cardigan/) },
  {
    word: /sweaters?|jumpers?|knits?/,
    matches: named(/sweater|jumper|knit|cardigan|merino|cashmere/),
  },
  { word: /hoodies?/, matches: named(/hoodie/) },
  { word: /shirts?/, matches: named(/shirt|oxford/) },
  { word: /blouses?/, matches: named(/blouse/) },
  { word: /tees?|t-shirts?/, matches: named(/\btees?\b|t-shirt/) },
  { word: /camis?|camisoles?/, matches: named(/cami/) },
  { word: /tanks?/, matches: named(/tank/) },
  { word: /jeans|denim/, matches: named(/jeans|denim/) },
  { word: /trousers|pants/, matches: named(/trousers|pants|chinos/) },
  { word: /chinos/, matches: named(/chinos/) },
  { word: /skirts?/, matches: named(/skirt/) },
  { word: /shorts/, matches: named(/shorts/) },
  { word: /leggings/, matches: named(/leggings/) },
  { word: /joggers/, matches: named(/joggers/) },
  { word: /dress(es)?/, matches: inCategory("dress") },
  { word: /shoes/, matches: inCategory("shoes") },
  { word: /sneakers?|trainers?/, matches: named(/sneaker|trainer|running/) },
  { word: /boots?|booties/, matches: named(/boot/) },
  { word: /heels|pumps|stilettos/, matches: named(/heel|pump|stiletto/) },
  { word: /loafers?/, matches: named(/loafer/) },
  {
    word: /oxfords/,
    matches: (item, name) => item.category === "shoes" && /oxford/.test(name),
  },
  { word: /sandals?/, matches: named(/sandal/) },
  { word: /flats/, matches: named(/flat/) },
  { word: /bags?/, matches: inCategory("bag") },
  { word: /totes?/, matches: named(/tote/) },
  { word: /clutch(es)?/, matches: named(/clutch/) },
  { word: /backpacks?/, matches: named(/backpack/) },
  { word: /scarf|scarves/, matches: named(/scarf/) },
  { word: /belts?/, matches: named(/belt/) },
  { word: /watch(es)?/, matches: named(/watch/) },
  { word: /earrings|hoops/, matches: named(/earring|hoop/) },
  { word: /necklaces?/, matches: named(/necklace/) },
  { word: /hats?|caps?|beanies?/, matches: named(/hat|cap|beanie/) },
];

/** Each garment's word, anchored, so "dressed" is not "dress". */
const WHOLE_WORDS = GARMENTS.map((g) => new RegExp(`^(?:${g.word.source})$`));
const COLOURS = new Set<string>(COLOR_NAMES);

/**
 * Why the title names a piece the outfit does not have, or null when every
 * garment it names is there (in the colour it gives, if it gives one).
 *
 * @example falseTitle("Navy blazer over a white tee", items) // 'It names a navy blazer, which is not in the outfit'
 */
export function falseTitle(
  title: string,
  items: readonly WardrobeItem[],
): string | null {
  const pieces = items.map((item) => ({
    item,
    name: item.name.toLowerCase(),
  }));
  // A colour describes a garment only within one phrase: "Rust and olive:
  // cami" does not make an olive cami.
  for (const phrase of title.toLowerCase().split(/[,:;.!?()]+/)) {
    const words = phrase.match(/[a-z][a-z'-]*/g) ?? [];
    for (let i = 0; i < words.length; i++) {
      const problem = checkWord(words, i, pieces);
      if (problem) return problem;
    }
  }
  return null;
}

type Piece = { item: WardrobeItem; name: string };

/** Words that end the description of a garment, looking back from it. */
const BOUNDARY = /^(and|with|over|under|a|an|the|plus|or|to|in|on)$/;

function garmentAt(word: string): number {
  return WHOLE_WORDS.findIndex((whole) => whole.test(word));
}

/** The colour said just before word `i` ("black leather jacket"), if any. */
function colourBefore(words: string[], i: number): string | null {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    if (COLOURS.has(words[j])) return words[j];
    if (BOUNDARY.test(words[j]) || garmentAt(words[j]) >= 0) break;
  }
  return null;
}

function checkWord(words: string[], i: number, pieces: Piece[]): string | null {
  const word = words[i];
  const g = garmentAt(word);
  // "Dress up" and "dress down" are about the look, not a dress.
  if (g < 0 || (word === "dress" && /^(up|down)$/.test(words[i + 1]))) {
    return null;
  }
  const candidates = pieces.filter(({ item, name }) =>
    GARMENTS[g].matches(item, name)
  );
  const colour = colourBefore(words, i);
  const fits = colour
    ? candidates.filter(({ item, name }) =>
      (item.colors as string[]).includes(colour) || name.includes(colour)
    )
    : candidates;
  return fits.length
    ? null
    : `It names ${
      colour ? `a ${colour} ` : "a "
    }${word}, which is not in the outfit`;
}

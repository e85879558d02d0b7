/**
 * What each occasion asks of an outfit beyond formality, colour and season:
 * trainers for a workout, no all-white look at a wedding, comfort and layers
 * for travel, and so on. Bonuses are in the same units as the rest of the
 * built-in stylist's score.
 */
import type { Category, Occasion, WardrobeItem } from "../../schemas.ts";
import type { ColorHarmony } from "../color_harmony.ts";

/** The formality (1 sporty … 5 black tie) each occasion calls for. */
export const OCCASION_FORMALITY: Readonly<Record<Occasion, number>> = {
  workout: 1,
  casual: 1.5,
  brunch: 2,
  travel: 2,
  work: 3,
  date_night: 3,
  party: 3.5,
  interview: 4,
  wedding_guest: 4.25,
  formal: 4.5,
};

/** Daytime and sporty occasions, where an evening bag looks out of place. */
const DAYTIME = new Set<Occasion>([
  "workout",
  "casual",
  "brunch",
  "travel",
  "work",
  "interview",
]);

const HEELS = /\b(heels?|stilettos?|pumps?|wedges?|slingbacks?)\b/i;

/**
 * What a piece's name says about where it belongs, beyond its formality: a
 * blazer and loafers read as the office, satin and heels as an evening out,
 * even at the same level. This is what keeps work and date night apart.
 */
const VIBES = {
  office:
    /\b(blazer|shirt|blouse|tailored|trousers|chinos?|pencil|loafers?|oxfords|brogues|tote|watch|trench|cardigan|merino|sweater|jumper|knit)\b/i,
  evening:
    /\b(satin|silk|velvet|sequin\w*|lace|cami|camisole|slip|cocktail|heels?|stilettos?|clutch|earrings|hoops?|necklace|leather jacket)\b/i,
  sport:
    /\b(performance|training|running|leggings|joggers|sports?|gym|trainers|hoodie|track)\b/i,
  outdoor: /\b(puffer|parka|anorak|fleece|backpack|beanie|hiking)\b/i,
} as const;
type Vibe = keyof typeof VIBES;

/** Per piece of each vibe, what it adds to (or takes from) an occasion. */
const VIBE_AFFINITY: Partial<Record<Occasion, Partial<Record<Vibe, number>>>> =
  {
    work: { office: 0.5, evening: -0.6, sport: -1, outdoor: -0.4 },
    interview: { office: 0.45, evening: -0.6, sport: -1, outdoor: -0.6 },
    date_night: { evening: 0.6, office: -0.5, sport: -1, outdoor: -0.8 },
    party: { evening: 0.45, office: -0.3, sport: -1, outdoor: -0.8 },
    wedding_guest: { evening: 0.3, office: -0.2, sport: -1.5, outdoor: -1 },
    formal: { evening: 0.3, sport: -1.5, outdoor: -1.2 },
    brunch: { office: -0.2, sport: -0.4 },
    casual: { office: -0.15 },
    travel: { outdoor: 0.3, evening: -0.3 },
  };
/** Three pieces set the mood; a fourth changes nothing. */
const VIBE_CAP = 3;

/** Each piece's vibes, read from its name once (the search asks often). */
const vibesOf = new WeakMap<WardrobeItem, Vibe[]>();

function vibes(item: WardrobeItem): Vibe[] {
  let found = vibesOf.get(item);
  if (!found) {
    found = (Object.keys(VIBES) as Vibe[]).filter((v) =>
      VIBES[v].test(item.name)
    );
    vibesOf.set(item, found);
  }
  return found;
}

function vibeBonus(occasion: Occasion, items: WardrobeItem[]): number {
  const affinity = VIBE_AFFINITY[occasion];
  if (!affinity) return 0;
  const counts: Partial<Record<Vibe, number>> = {};
  for (const item of items) {
    for (const vibe of vibes(item)) counts[vibe] = (counts[vibe] ?? 0) + 1;
  }
  let bonus = 0;
  for (const [vibe, n] of Object.entries(counts)) {
    bonus += (affinity[vibe as Vibe] ?? 0) * Math.min(VIBE_CAP, n);
  }
  return bonus;
}

/**
 * Whether an outfit suits an occasion: close to its formality and not
 * against its rules (trainers at a wedding, heels at the gym).
 */
export function suitsOccasion(
  occasion: Occasion,
  formality: number,
  bonus: number,
): boolean {
  return Math.abs(formality - OCCASION_FORMALITY[occasion]) <= 1 &&
    bonus > -1;
}
const BARE_TOPS = /\b(cami|camisole|tank|bralette|crop)\b/i;
const EVENING_BAGS = /\b(clutch|evening|minaudi[eè]re)\b/i;

/** Whether a pair of shoes is a heel, judged by its name. */
export function isHeel(item: WardrobeItem): boolean {
  return item.category === "shoes" && HEELS.test(item.name);
}

/** Whether every colour of the dress, or of the top and bottom, is white. */
export function isAllWhite(items: WardrobeItem[]): boolean {
  const base = items.filter((item) =>
    item.category === "dress" || item.category === "top" ||
    item.category === "bottom"
  );
  return base.length > 0 &&
    base.every((item) =>
      item.colors.every((c) => c === "white" || c === "cream")
    );
}

/** The bonus (or, negative, the penalty) one occasion gives an outfit. */
export function occasionBonus(
  occasion: Occasion,
  items: WardrobeItem[],
  harmony: ColorHarmony,
): number {
  const find = (category: Category) =>
    items.find((item) => item.category === category);
  const shoes = find("shoes");
  const dress = find("dress");
  const top = find("top");
  const outer = find("outerwear");
  const bag = find("bag");
  const heel = shoes !== undefined && isHeel(shoes);
  const clothes = items.filter((item) =>
    item.category !== "bag" && item.category !== "accessory"
  );
  let bonus = vibeBonus(occasion, items);
  if (bag && DAYTIME.has(occasion) && EVENING_BAGS.test(bag.name)) bonus -= 0.8;
  // Running shoes belong to sport, travel and the most relaxed days.
  if (
    shoes && shoes.formality <= 1 && OCCASION_FORMALITY[occasion] >= 2 &&
    occasion !== "travel"
  ) bonus -= 1.5;
  switch (occasion) {
    case "workout":
      // Only trainers are safe to move in; a dress or a coat gets in the way.
      if (!shoes || shoes.formality > 1) bonus -= 6;
      if (heel) bonus -= 4;
      if (dress) bonus -= 4;
      if (outer) bonus -= 1.5;
      bonus -= 1.5 * clothes.filter((item) => item.formality > 1).length;
      break;
    case "travel":
      bonus -= 0.8 * clothes.filter((item) => item.formality > 2).length;
      if (outer) bonus += 0.8;
      if (heel) bonus -= 2;
      break;
    case "wedding_guest":
      if (isAllWhite(items)) bonus -= 6;
      if (dress) bonus += 0.8;
      if (shoes && shoes.formality < 4) bonus -= 1;
      // A day piece (a trench, a cotton skirt) undoes a dressy look.
      bonus -= 0.6 * clothes.filter((item) => item.formality < 4).length;
      break;
    case "formal":
      if (dress && dress.formality >= 4) bonus += 1.2;
      if (!dress && clothes.every((item) => item.formality >= 4)) bonus += 0.8;
      if (shoes && shoes.formality <= 2) bonus -= 3;
      break;
    case "interview":
      if (outer && outer.formality >= 4) bonus += 0.6;
      if (items.some((item) => item.pattern !== "solid")) bonus -= 0.5;
      if (top && BARE_TOPS.test(top.name)) bonus -= 1.2;
      break;
    case "work":
      if (top && BARE_TOPS.test(top.name)) bonus -= 1.2;
      break;
    case "party":
      if (harmony.accents.length) bonus += 0.6;
      break;
    case "date_night":
      if (harmony.accents.length) bonus += 0.3;
      if (dress) bonus += 0.5;
      if (heel) bonus += 0.3;
      break;
    case "casual":
    case "brunch":
      break;
  }
  return bonus;
}

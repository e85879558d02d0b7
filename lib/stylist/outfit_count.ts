/**
 * How many outfits a wardrobe can make, counted exactly and fast enough for
 * a click (≤ 50 ms for 120 pieces): an outfit is a dress, or a top and a
 * bottom, with shoes and, if wanted, one layer; it counts when its pieces
 * share a season and sit within {@link MAX_SPREAD} of each other on
 * formality (the stylists' own sense of a coherent outfit). Bags and
 * accessories finish an outfit rather than make a new one, so they are not
 * multiplied in.
 *
 * Pieces are grouped by what the rules look at (seasons and formality), so
 * the count walks combinations of groups, not of pieces: a 120-piece closet
 * has a few dozen groups per category at most.
 */
import {
  type Category,
  type Occasion,
  type Season,
  SEASONS,
  type WardrobeItem,
} from "../schemas.ts";
import { OCCASION_FORMALITY } from "./providers/local_occasions.ts";

/** Clothes further apart than this on formality do not make one outfit. */
export const MAX_SPREAD = 2;

/** How close an outfit's formality must be to an occasion's to suit it. */
const OCCASION_WINDOW = 0.75;

type Group = {
  /** Seasons as bits (spring 1, summer 2, autumn 4, winter 8). */
  seasons: number;
  formality: number;
  /** Pieces in the group, by id. */
  ids: string[];
};

/** What a count found: outfits in all, per season and per occasion. */
export type OutfitTally = {
  total: number;
  bySeason: Record<Season, number>;
  byOccasion: Record<Occasion, number>;
  /** Pieces that are in at least one counted outfit. */
  used: Set<string>;
};

const seasonBits = (seasons: readonly Season[]) =>
  seasons.reduce((bits, s) => bits | (1 << SEASONS.indexOf(s)), 0);

function groupsOf(items: readonly WardrobeItem[]): Group[] {
  const groups = new Map<string, Group>();
  for (const item of items) {
    const seasons = seasonBits(item.seasons);
    const key = `${seasons}:${item.formality}`;
    const group = groups.get(key) ??
      { seasons, formality: item.formality, ids: [] };
    group.ids.push(item.id);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function emptyTally(): OutfitTally {
  return {
    total: 0,
    bySeason: Object.fromEntries(SEASONS.map((s) => [s, 0])) as Record<
      Season,
      number
    >,
    byOccasion: Object.fromEntries(
      Object.keys(OCCASION_FORMALITY).map((o) => [o, 0]),
    ) as Record<Occasion, number>,
    used: new Set(),
  };
}

/** Which occasions an outfit of this average formality suits. */
function occasionsAt(formality: number): Occasion[] {
  return (Object.entries(OCCASION_FORMALITY) as [Occasion, number][])
    .filter(([occasion, target]) =>
      occasion === "workout"
        ? formality <= 1.4
        : Math.abs(formality - target) <= OCCASION_WINDOW
    )
    .map(([occasion]) => occasion);
}

/**
 * Counts the outfits `items` make that contain every piece of `required`
 * (none: every outfit of the wardrobe). Required bags and accessories must
 * suit the outfit (a shared season, formality within reach) to count.
 *
 * @example countOutfits(wardrobe).total
 */
export function countOutfits(
  items: readonly WardrobeItem[],
  required: readonly WardrobeItem[] = [],
): OutfitTally {
  const tally = emptyTally();
  const requiredIds = new Set(required.map((item) => item.id));
  const free = (category: Category) =>
    groupsOf(
      items.filter((i) => i.category === category && !requiredIds.has(i.id)),
    );
  const fixed = (category: Category) =>
    groupsOf(required.filter((i) => i.category === category));
  const slot = (category: Category) => {
    const own = fixed(category);
    return own.length ? own : free(category);
  };
  const has = (category: Category) =>
    required.some((item) => item.category === category);

  const tops = slot("top");
  const bottoms = slot("bottom");
  const dresses = slot("dress");
  const shoes = slot("shoes");
  // A layer is optional, unless the candidate is one.
  const layers: (Group | null)[] = has("outerwear")
    ? fixed("outerwear")
    : [null, ...free("outerwear")];
  const finish = groupsOf(
    required.filter((i) => i.category === "bag" || i.category === "accessory"),
  );
  const bases: Group[][] = [];
  if (!has("top") && !has("bottom")) {
    for (const d of dresses) {
      bases.push([d]);
    }
  }
  if (!has("dress")) {
    for (const t of tops) for (const b of bottoms) bases.push([t, b]);
  }

  for (const base of bases) {
    for (const shoe of shoes) {
      for (const layer of layers) {
        const clothes = layer ? [...base, shoe, layer] : [...base, shoe];
        add(tally, clothes, finish);
      }
    }
  }
  return tally;
}

/** Adds every outfit made of one piece from each group, if coherent. */
function add(tally: OutfitTally, clothes: Group[], finish: Group[]): void {
  let seasons = 0b1111;
  let low = 5;
  let high = 1;
  let sum = 0;
  for (const g of [...clothes, ...finish]) seasons &= g.seasons;
  if (seasons === 0) return;
  for (const g of clothes) {
    low = Math.min(low, g.formality);
    high = Math.max(high, g.formality);
    sum += g.formality;
  }
  if (high - low > MAX_SPREAD) return;
  const average = sum / clothes.length;
  // Finishing pieces only need to be within reach of the outfit's register.
  if (finish.some((g) => Math.abs(g.formality - average) > MAX_SPREAD)) return;
  const ways = clothes.reduce((n, g) => n * g.ids.length, 1);
  tally.total += ways;
  SEASONS.forEach((season, bit) => {
    if (seasons & (1 << bit)) tally.bySeason[season] += ways;
  });
  for (const occasion of occasionsAt(average)) {
    tally.byOccasion[occasion] += ways;
  }
  for (const g of clothes) for (const id of g.ids) tally.used.add(id);
}

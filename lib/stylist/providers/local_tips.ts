/**
 * One practical styling tip per outfit, from rules that look at the pieces
 * and the occasion. Among the tips that fit and were not given yet in the
 * job, the outfit's own hash picks one, so tips vary from outfit to outfit;
 * general tips are said only when nothing particular fits.
 */
import type { Category, WardrobeItem } from "../../schemas.ts";
import type { Kind } from "../../illustrations/kinds.ts";
import { kindOf } from "../dress_rules.ts";
import { COLD_LOW_C, HOT_HIGH_C, weatherBands } from "../weather_bands.ts";
import { isHeel } from "./local_occasions.ts";
import type { StyleBrief } from "./local_scoring.ts";
import { isPlural, the } from "./local_words.ts";

type Pieces = Partial<Record<Category, WardrobeItem>> & {
  all: WardrobeItem[];
  accessories: WardrobeItem[];
  brief: StyleBrief;
};

type TipRule = (p: Pieces) => string | null;

const has = (p: Pieces, occasion: StyleBrief["occasions"][number]) =>
  p.brief.occasions.includes(occasion);
const named = (item: WardrobeItem | undefined, pattern: RegExp) =>
  item !== undefined && pattern.test(item.name);
/** Advice fits the garment: no cuff on a skirt, no draping a puffer. */
const isKind = (item: WardrobeItem | undefined, kinds: ReadonlySet<Kind>) =>
  item !== undefined && kinds.has(kindOf(item));

/** Legs that can be cuffed, or left to graze a shoe. */
const TROUSERS = new Set<Kind>(["trousers", "jeans", "chinos"]);
/** Light jackets with sleeves, that can be draped or pushed up. */
const JACKETS = new Set<Kind>([
  "blazer",
  "jacket",
  "denim-jacket",
  "leather-jacket",
]);
/** What lets a shoe be laced snugly. */
const LACED = new Set<Kind>(["sneakers"]);
/** Coats that keep a shower off. */
const RAIN_COATS = new Set<Kind>(["trench", "coat", "puffer", "jacket"]);

/** "keep their shape" for jeans, "keeps its shape" for a skirt. */
const keepsShape = (item: WardrobeItem) =>
  isPlural(item.name) ? "keep their shape" : "keeps its shape";

/** What the occasion asks: said first when it applies. */
const OCCASION_TIPS: TipRule[] = [
  (p) =>
    has(p, "workout") && isKind(p.shoes, LACED)
      ? `Choose sweat-wicking layers and lace ${
        the(p.shoes!)
      } snugly so your feet stay put.`
      : null,
  (p) =>
    has(p, "travel")
      ? `Wear ${
        the(p.outerwear ?? p.shoes ?? p.all[0])
      } on the journey rather than packing it, to save room in your bag.`
      : null,
  (p) =>
    has(p, "interview")
      ? `Press ${
        the(p.top ?? p.dress ?? p.all[0])
      } the night before and do a quick lint check on your way out.`
      : null,
  (p) =>
    has(p, "wedding_guest")
      ? `Check the invitation for a dress code, and bring ${
        p.outerwear ? the(p.outerwear) : "a light layer"
      } for the evening.`
      : null,
  (p) =>
    has(p, "date_night") && p.accessory
      ? `Put ${the(p.accessory)} on last, once you see the whole look.`
      : null,
  (p) =>
    has(p, "work") && p.bag
      ? `${
        capitalised(the(p.bag))
      } holds a laptop and keeps the lines of the outfit clean; pack it the night before.`
      : null,
];

/** What the day asks, when the forecast is known. */
const WEATHER_TIPS: TipRule[] = [
  (p) =>
    weatherBands(p.brief.weather).includes("rain") &&
      isKind(p.outerwear, RAIN_COATS)
      ? `Keep a compact umbrella in your pocket: ${
        the(p.outerwear!)
      } handles a shower, not a downpour.`
      : null,
  (p) =>
    p.brief.weather && p.brief.weather.low_c <= COLD_LOW_C && p.outerwear &&
      (p.top || p.dress)
      ? `Slip a thin thermal layer under ${
        the(p.top ?? p.dress!)
      } if the wind picks up; ${the(p.outerwear)} does the rest.`
      : null,
  (p) =>
    p.brief.weather && p.brief.weather.high_c >= HOT_HIGH_C
      ? p.top
        ? `Wear ${
          the(p.top)
        } loose rather than tucked: air moves and you stay cooler in the heat.`
        : `Let ${
          the(p.dress ?? p.all[0])
        } do the work and skip extra layers; the lighter the better in this heat.`
      : null,
];

/** What the pieces ask: how to wear them. */
const PIECE_TIPS: TipRule[] = [
  (p) =>
    p.shoes && isHeel(p.shoes)
      ? `Walk ${
        the(p.shoes)
      } in at home first, and slip a pair of flats in your bag for later.`
      : null,
  (p) =>
    p.dress ? `Keep jewellery small so ${the(p.dress)} stays the star.` : null,
  (p) =>
    p.dress && isKind(p.outerwear, JACKETS)
      ? `Push the sleeves of ${the(p.outerwear!)} up a little so ${
        the(p.dress)
      } reads lighter.`
      : null,
  (p) =>
    p.top && named(p.accessory, /belt/)
      ? `Tuck ${the(p.top)} in so ${
        the(p.accessory!)
      } shows and the waist looks defined.`
      : null,
  (p) =>
    named(p.accessory, /scarf/)
      ? `Loop ${
        the(p.accessory!)
      } once and let the ends hang loose, so it adds colour without bulk.`
      : null,
  (p) =>
    named(p.accessory, /scarf/) && p.outerwear
      ? `Knot ${the(p.accessory!)} loosely at the collar of ${
        the(p.outerwear)
      } so it frames your face.`
      : null,
  (p) =>
    isKind(p.bottom, TROUSERS) && named(p.shoes, /boot/)
      ? `Give ${the(p.bottom!)} a single cuff so ${the(p.shoes!)} show.`
      : null,
  (p) =>
    p.top && p.bottom && named(p.top, /shirt|blouse/) &&
      p.bottom.formality >= 3
      ? `Tuck ${the(p.top)} in fully to keep the line of ${
        the(p.bottom)
      } clean.`
      : null,
  (p) =>
    p.top && p.bottom && named(p.top, /sweater|knit|jumper|cardigan/)
      ? `Half-tuck the front of ${the(p.top)} so ${the(p.bottom)} ${
        keepsShape(p.bottom)
      }.`
      : null,
  (p) =>
    named(p.top, /shirt/) && p.top!.formality <= 3
      ? `Roll the sleeves of ${
        the(p.top!)
      } twice for an easier, more relaxed look.`
      : null,
  (p) =>
    p.outerwear
      ? `Wear ${the(p.outerwear)} open so ${
        the(p.top ?? p.dress ?? p.all[0])
      } shows underneath.`
      : null,
  (p) =>
    p.top && isKind(p.outerwear, JACKETS)
      ? `Drape ${
        the(p.outerwear!)
      } over your shoulders if the room is warm; it keeps the shape of the outfit.`
      : null,
  (p) =>
    named(p.shoes, /sneaker|trainer/)
      ? `A quick wipe of ${the(p.shoes!)} keeps the whole look crisp.`
      : null,
  (p) =>
    named(p.shoes, /loafer|oxford/) && isKind(p.bottom, TROUSERS)
      ? `Let ${the(p.bottom!)} just graze ${
        the(p.shoes!)
      }; a no-show sock keeps the line clean.`
      : null,
  (p) =>
    p.accessories.length === 2
      ? `Two accessories are the limit here: ${the(p.accessories[0])} and ${
        the(p.accessories[1])
      } are enough.`
      : null,
  (p) =>
    p.bag && p.shoes && p.bag.colors.some((c) => p.shoes!.colors.includes(c))
      ? `${capitalised(the(p.bag))} echoes ${
        the(p.shoes)
      }, which ties the outfit together from top to toe.`
      : null,
];

/** Always fit: said when nothing more particular applies. */
const GENERAL_TIPS: TipRule[] = [
  () =>
    "Lay the pieces out the night before so getting dressed takes a minute.",
  () =>
    "Check the fit in a full-length mirror, and adjust one piece rather than adding more.",
  () => "Keep everything else simple and let these pieces do the work.",
  () =>
    "Take a photo in the mirror before you leave; it is the quickest way to spot what to change.",
];

/** Occasion and piece tips compete as equals; general ones are the backstop. */
const TIERS = [
  [...WEATHER_TIPS, ...OCCASION_TIPS, ...PIECE_TIPS],
  GENERAL_TIPS,
];

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A small stable hash of the outfit, to choose among fitting tips. */
function hashOf(items: WardrobeItem[]): number {
  let hash = 0x811c9dc5;
  for (const char of items.map((item) => item.id).join(" ")) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * What a tip tells the shopper to do, apart from the pieces it names: its
 * opening verb ("Half-tuck", "Roll", "Wear"). Two tips with one verb read as
 * the same advice across cards ("Half-tuck the sweater so the jeans…",
 * "Half-tuck the sweater so the chinos…"), so they count as one.
 */
const adviceOf = (tip: string) => tip.slice(0, tip.indexOf(" ")).toLowerCase();

/**
 * A tip that fits the outfit and whose advice has not been given yet in the
 * job (general tips always fit, so there is always one).
 */
export function pickTip(
  items: WardrobeItem[],
  brief: StyleBrief,
  used: ReadonlySet<string>,
): string {
  const pieces: Pieces = {
    all: items,
    accessories: items.filter((item) => item.category === "accessory"),
    brief,
  };
  for (const item of items) pieces[item.category] ??= item;
  const start = hashOf(items);
  const given = new Set([...used].map(adviceOf));
  let fallback = "";
  for (const tier of TIERS) {
    const tips = tier.flatMap((rule) => rule(pieces) ?? []);
    const fresh = tips.filter((tip) => !given.has(adviceOf(tip)));
    if (fresh.length) return fresh[start % fresh.length];
    fallback ||= tips[0] ?? "";
  }
  return fallback;
}

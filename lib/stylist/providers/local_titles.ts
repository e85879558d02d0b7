/**
 * Titles for the built-in stylist's outfits, written the way a person
 * would: not one template but several forms ("Camel sweater and check
 * trousers", "Office-ready: silk blouse and loafers", "The white shirt,
 * dressed down"), chosen per outfit so a batch reads varied. A title only
 * names pieces the outfit holds (lib/stylist/outfit_words.ts checks it),
 * and always names the anchors or the candidate the shopper asked about.
 */
import { COLOR_NAMES } from "../../colors.ts";
import type { Category, Occasion, WardrobeItem } from "../../schemas.ts";
import { falseTitle } from "../outfit_words.ts";
import type { PlannedOutfit } from "./local_planner.ts";
import type { StyleBrief } from "./local_scoring.ts";
import { capitalise, joinAnd, lowerFirst, withArticle } from "./local_words.ts";

type Parts = {
  outer?: WardrobeItem;
  /** The dress, or the top. */
  main?: WardrobeItem;
  bottom?: WardrobeItem;
  shoes?: WardrobeItem;
  finish?: WardrobeItem;
  required: WardrobeItem[];
  outfit: PlannedOutfit;
  brief: StyleBrief;
};

type Form = (p: Parts) => string | null;

const COLOURS = new Set<string>(COLOR_NAMES);
/** Words that describe a make rather than the garment ("wool", "satin"). */
const MATERIALS =
  /^(wool|merino|cotton|silk|satin|linen|suede|cashmere|canvas|fine-knit|check|striped|pleated|tailored|straight|pointed|evening|paisley|midi|oxford|poplin)$/;

/**
 * A short name a person would say: the colour and the garment, without the
 * make ("Navy wool blazer" → "navy blazer"). Names it cannot shorten safely
 * stay whole.
 */
export function shortName(item: WardrobeItem): string {
  const words = lowerFirst(item.name).split(" ");
  if (words.length < 3) return lowerFirst(item.name);
  const [first, ...rest] = words;
  const kept = rest.filter((word, i) =>
    i === rest.length - 1 || !MATERIALS.test(word)
  );
  return COLOURS.has(first) ? [first, ...kept].join(" ") : words.join(" ");
}

/** The garment alone, for when colours are said elsewhere ("skirt"). */
function noun(item: WardrobeItem): string {
  const short = shortName(item).split(" ");
  return COLOURS.has(short[0]) && short.length > 1
    ? short.slice(1).join(" ")
    : short.join(" ");
}

const MOODS: Partial<Record<Occasion, string[]>> = {
  work: ["Office-ready", "Desk to dinner", "Quietly polished"],
  interview: ["Interview-sharp", "Calm and capable"],
  date_night: ["Date-night ready", "Evening ease", "After dark"],
  party: ["Party-ready", "Out tonight"],
  wedding_guest: ["Wedding-guest ready", "Celebration best"],
  formal: ["Black-tie ready", "Dressed to impress"],
  casual: ["Weekend easy", "Off-duty", "Easy everyday"],
  brunch: ["Brunch-ready", "Slow Sunday"],
  travel: ["Travel-day easy", "Journey-ready"],
  workout: ["Ready to move", "Gym-ready"],
};

/** The required pieces not yet named, as " with a …" (or ""). */
function withRequired(p: Parts, named: (WardrobeItem | undefined)[]): string {
  const missing = p.required.filter((item) => !named.includes(item));
  return missing.length
    ? ` with ${joinAnd(missing.map((item) => withArticle(item.name)))}`
    : "";
}

/** A piece as the title names it: whole if required, else short. */
function say(p: Parts, item: WardrobeItem): string {
  return p.required.includes(item) ? lowerFirst(item.name) : shortName(item);
}

const FORMS: Form[] = [
  // "Beige trench over a rust camisole"
  (p) =>
    p.outer && p.main
      ? `${capitalise(say(p, p.outer))} over ${withArticle(say(p, p.main))}${
        withRequired(p, [p.outer, p.main])
      }`
      : null,
  // "Camel sweater and khaki chinos"
  (p) =>
    p.main && p.bottom
      ? `${capitalise(say(p, p.main))} and ${say(p, p.bottom)}${
        withRequired(p, [p.main, p.bottom])
      }`
      : null,
  // "Office-ready: silk blouse and loafers"
  (p) => {
    const moods = p.brief.occasions.flatMap((o) => MOODS[o] ?? []);
    if (!moods.length || !p.main || !p.shoes) return null;
    const mood = moods[p.outfit.items.length % moods.length];
    return `${mood}: ${say(p, p.main)} and ${say(p, p.shoes)}${
      withRequired(p, [p.main, p.shoes])
    }`;
  },
  // "The white shirt, dressed down"
  (p) => {
    if (!p.main) return null;
    const gap = p.main.formality - p.outfit.notes.formality;
    if (Math.abs(gap) < 0.6) return null;
    return `The ${say(p, p.main)}, dressed ${gap > 0 ? "down" : "up"}${
      withRequired(p, [p.main])
    }`;
  },
  // "Emerald dress, heels and a clutch"
  (p) =>
    p.main && p.shoes && p.finish
      ? `${capitalise(say(p, p.main))}, ${say(p, p.shoes)} and ${
        withArticle(say(p, p.finish))
      }${withRequired(p, [p.main, p.shoes, p.finish])}`
      : null,
  // "Rust and olive: camisole with a midi skirt"
  (p) => {
    const accents = p.outfit.notes.harmony.accents;
    if (accents.length < 2 || !p.main || !p.bottom) return null;
    const named = (item: WardrobeItem) =>
      p.required.includes(item) ? lowerFirst(item.name) : noun(item);
    return `${capitalise(accents[0])} and ${accents[1]}: ${
      named(p.main)
    } with ${withArticle(named(p.bottom))}${
      withRequired(p, [p.main, p.bottom])
    }`;
  },
  // "Let the floral dress lead": one patterned or coloured piece stars
  (p) => {
    const coloured = p.outfit.items.filter((item) =>
      p.outfit.notes.harmony.accents.some((c) => item.colors.includes(c))
    );
    const stars = p.outfit.notes.patterned.length
      ? p.outfit.notes.patterned
      : coloured;
    // The piece the shopper asked about stars whenever there is one.
    const star = p.required[0] ?? (stars.length === 1 ? stars[0] : undefined);
    if (!star) return null;
    // Several ways to say it, so asking again about one piece reads fresh.
    const x = say(p, star);
    const ways = [
      `Let the ${x} lead`,
      `All eyes on the ${x}`,
      `The ${x}, front and centre`,
      `Built around the ${x}`,
    ];
    return `${
      ways[hashOf(p.outfit.items.map((i) => i.id).join(" ")) % ways.length]
    }${withRequired(p, [star])}`;
  },
  // "Navy blazer with a white tee"
  (p) => {
    const lead = p.main ?? p.outfit.items[0];
    const second = lead.category === "dress" ? p.shoes : p.bottom;
    return second
      ? `${capitalise(say(p, lead))} with ${withArticle(say(p, second))}${
        withRequired(p, [lead, second])
      }`
      : null;
  },
];

function pick(items: WardrobeItem[], category: Category) {
  return items.find((item) => item.category === category);
}

/** A small stable hash, so each outfit starts from its own form. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A title for the outfit, in the first form (from a per-outfit starting
 * point) that applies, is true to the pieces and is not used yet in the
 * job; `usedForms` keeps one batch from repeating a form.
 */
export function titleOf(
  outfit: PlannedOutfit,
  brief: StyleBrief,
  used: ReadonlySet<string>,
  usedForms: Set<number> = new Set(),
): string {
  const items = outfit.items;
  const parts: Parts = {
    outer: pick(items, "outerwear"),
    main: pick(items, "dress") ?? pick(items, "top"),
    bottom: pick(items, "bottom"),
    shoes: pick(items, "shoes"),
    finish: pick(items, "bag") ?? pick(items, "accessory"),
    required: brief.required,
    outfit,
    brief,
  };
  const start = hashOf(items.map((item) => item.id).join(" "));
  let fallback: string | null = null;
  for (let k = 0; k < FORMS.length; k++) {
    const form = (start + k) % FORMS.length;
    const title = FORMS[form](parts);
    if (!title || used.has(title) || falseTitle(title, items)) continue;
    if (usedForms.has(form)) {
      fallback ??= title;
      continue;
    }
    usedForms.add(form);
    return title;
  }
  if (fallback) return fallback;
  const listed = capitalise(
    joinAnd(items.slice(0, 3).map((item) => lowerFirst(item.name))),
  );
  return used.has(listed) ? `${listed}, another way` : listed;
}

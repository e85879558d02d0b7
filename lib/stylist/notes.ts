/**
 * What the built-in stylist understands in a shopper's notes, in plain
 * English, and what it leaves for a person (or a model) to read:
 *
 * - shoes: "no heels", "flats only", "walking a lot" (also "lots of
 *   walking", "on my feet all day", "comfortable shoes");
 * - shapes: "no skirts", "no dresses", "trousers only";
 * - colours: "no pink" / "nothing pink", "something green" / "wear my green";
 * - the day: "warm", "cold", "hot", "rain", "outdoors";
 * - the mood: "dressy", "casual".
 *
 * Notes are read a phrase at a time (split at punctuation and at "and",
 * "but", "or"); "no skirts or dresses" carries the "no" on. A wish the
 * phrase denies ("not too casual", "it won't rain", "I don't want anything
 * pink" is read as nothing pink) is never read as the wish, and weather
 * words count only as weather ("hot pink" and "a hot new restaurant" are
 * not a hot day). A phrase none of these fit is passed on as the shopper
 * wrote it. Pure, no I/O.
 */
import { COLOR_NAMES } from "../colors.ts";

/** Weather words, which job_context.ts weighs against the forecast. */
export type Band = "cold" | "hot" | "warm" | "rain" | "outdoors";

export type HeardNote = {
  /** The note in a few canonical words: "no heels", "nothing pink". */
  label: string;
  /** Rule ids (lib/stylist/dress_rules.ts) that carry it out. */
  rules: string[];
  band?: Band;
};

export type ReadNotes = { heard: HeardNote[]; passedOn: string[] };

const NOT = String
  .raw`\b(?:no|not|without|avoid|never|skip|nothing|no more|don'?t (?:want|like|wear|fancy)|do not (?:want|like|wear))\s+(?:(?:in|with|any|anything|wearing|my|the|too|much)\s+){0,3}`;
/** A denial earlier in a phrase: what follows it is not wished for. */
const DENIED =
  /\b(?:no|not|never|without|avoid|nothing|don'?t|do not|isn'?t|won'?t|wont|aren'?t|shouldn'?t|hardly)\b/;
/** After a weather word, what keeps it about the weather ("hot day"). */
const WEATHER_AFTER = String
  .raw`(?=\s*$|\s+(?:day|days|weather|out|outside|there|today|tomorrow|evening|night|afternoon|morning|forecast|too|again)\b)`;
const COLOUR = `(${
  [...COLOR_NAMES].sort((a, b) => b.length - a.length).join("|")
})`;

type Matcher = {
  pattern: RegExp;
  hear: (m: RegExpExecArray) => HeardNote;
  /** A wish (not a refusal): a denial before it means it is not wanted. */
  wish?: boolean;
};

const rule = (label: string, ...rules: string[]) => () => ({ label, rules });
const band = (label: Band) => () => ({ label, rules: [], band: label });

/** Most particular first: "keep me warm" is cold, "warm" alone is warm. */
const MATCHERS: Matcher[] = [
  {
    pattern: new RegExp(`${NOT}(?:high[\\s-]?)?(?:heels?|stilettos?|pumps)\\b`),
    hear: rule("no heels", "no-heels"),
  },
  {
    pattern:
      /\bflats?\s+only\b|\bonly\s+flats?\b|\bflat\s+shoes\b|\bwear(?:ing)?\s+flats\b/,
    hear: rule("flats only", "no-heels"),
    wish: true,
  },
  {
    pattern:
      /\bwalk(?:ing)?\s+(?:a\s+lot|lots|far|all\s+day|everywhere)\b|\blots\s+of\s+walking\b|\bon\s+my\s+feet\b|\b(?:comfortable|comfy)\s+shoes\b/,
    hear: rule("walking a lot", "no-heels"),
    wish: true,
  },
  {
    pattern: new RegExp(`${NOT}(?:mini\\s*)?skirts?\\b`),
    hear: rule("no skirts", "no-skirts"),
  },
  {
    pattern: new RegExp(`${NOT}dress(?:es)?\\b(?!\\s+code)`),
    hear: rule("no dresses", "no-dresses"),
  },
  {
    pattern:
      /\b(?:trousers|pants|jeans)\s+only\b|\bonly\s+(?:trousers|pants|jeans)\b/,
    hear: rule("trousers only", "no-skirts", "no-dresses", "trousers-only"),
    wish: true,
  },
  // A dress code, not a colour: "black tie" is dressy, "no black tie" is not black.
  {
    pattern: /\bblack[\s-]tie\b/,
    hear: rule("dressy", "dressy"),
    wish: true,
  },
  {
    pattern: new RegExp(`${NOT}suede\\b`),
    hear: rule("no suede", "no-suede"),
  },
  {
    pattern: new RegExp(`${NOT}${COLOUR}\\b`),
    hear: (m) => ({ label: `nothing ${m[1]}`, rules: [`no-colour:${m[1]}`] }),
  },
  {
    pattern: new RegExp(
      String
        .raw`\b(?:something|anything|a\s+touch\s+of|a\s+pop\s+of|wear(?:ing)?(?:\s+(?:my|the|a|an|some))?|in)\s+${COLOUR}\b`,
    ),
    hear: (m) => ({
      label: `something ${m[1]}`,
      rules: [`some-colour:${m[1]}`],
    }),
    wish: true,
  },
  {
    pattern: new RegExp(
      String
        .raw`\b(?:cold|chilly|freezing|frosty|snowy|wintry)\b${WEATHER_AFTER}|\bsnow(?:ing)?\b|\b(?:keep|stay)\s+(?:me\s+)?warm\b|\bsomething\s+warm\b|\bwarm\s+(?:layers?|clothes)\b`,
    ),
    hear: (m) => ({
      label: m[0].includes("warm") ? "keep warm" : "cold",
      rules: [],
      band: "cold",
    }),
    wish: true,
  },
  {
    pattern: new RegExp(
      String
        .raw`\b(?:hot|scorching|boiling|sweltering)\b${WEATHER_AFTER}|\bheat(?:wave)?\b`,
    ),
    hear: band("hot"),
    wish: true,
  },
  {
    pattern: new RegExp(String.raw`\bwarm\b${WEATHER_AFTER}`),
    hear: band("warm"),
    wish: true,
  },
  {
    pattern: /\b(?:rain(?:y|ing|s)?|showers?|drizzle|downpour)\b/,
    hear: band("rain"),
    wish: true,
  },
  {
    pattern: /\b(?:outdoors?|outside|open[\s-]air|picnic)\b/,
    hear: band("outdoors"),
    wish: true,
  },
  {
    pattern:
      /\b(?:dressy|dress(?:ed)?\s+up|smart|fancy|elegant|glam(?:orous)?|polished)\b/,
    hear: rule("dressy", "dressy"),
    wish: true,
  },
  {
    pattern:
      /\b(?:casual|relaxed|laid[\s-]back|dress(?:ed)?\s+down|comfy|comfortable)\b/,
    hear: rule("casual", "casual"),
    wish: true,
  },
];

/** Where one phrase ends and the next begins. */
const BREAKS =
  /[.;:!?\n…,()]+|\s+(?:and|but|or|nor|also|plus|then|so)\s+|\s+[&/+]\s+|\s+-\s+/i;
/** Words that carry no wish of their own. */
const FILLER =
  /^(?:please|thanks?|thank\s+you|ty|ok|okay|x+|also|and|but|i|me|my)$/i;

/** Notes as the matchers read them: lower case, one spelling of grey. */
function normal(text: string): string {
  return text.toLowerCase().replace(/\bgray\b/g, "grey").replace(
    /\s+/g,
    " ",
  );
}

/**
 * The notes' matches in one phrase. Each match takes its words out of the
 * phrase, so "keep me warm" is not also "warm" and "nothing in pink" not
 * also "in pink".
 */
function hearPhrase(phrase: string): HeardNote[] {
  let text = normal(phrase);
  const heard: HeardNote[] = [];
  for (const { pattern, hear, wish } of MATCHERS) {
    const m = pattern.exec(text);
    if (!m) continue;
    // A denied wish is not heard, but its words are still taken out.
    if (!(wish && DENIED.test(text.slice(0, m.index)))) heard.push(hear(m));
    text = `${text.slice(0, m.index)} | ${text.slice(m.index + m[0].length)}`;
  }
  return heard;
}

/**
 * The notes as rules the stylist follows and phrases it passes on.
 *
 * @example readNotes("Flats only, no heels… outdoors, cold").heard.map((h) => h.label) // ["flats only", "no heels", "outdoors", "cold"]
 */
export function readNotes(notes: string | undefined): ReadNotes {
  const heard: HeardNote[] = [];
  const passedOn: string[] = [];
  let denying = false;
  for (const raw of (notes ?? "").split(BREAKS)) {
    const phrase = raw?.trim() ?? "";
    if (!phrase || FILLER.test(phrase)) continue;
    let found = hearPhrase(phrase);
    // "no skirts or dresses": the "no" carries on to a bare noun.
    if (!found.length && denying && phrase.split(/\s+/).length <= 2) {
      found = hearPhrase(`no ${phrase}`);
    }
    denying = found.some((note) => /^(?:no|nothing) /.test(note.label));
    if (!found.length) {
      passedOn.push(phrase);
      continue;
    }
    for (const note of found) {
      if (!heard.some((h) => h.label === note.label)) heard.push(note);
    }
  }
  return { heard, passedOn };
}

/**
 * Words for the built-in stylist's outfits: a title naming the key pieces,
 * one practical tip, and reasoning that says why the pieces, colours and
 * season work (the text debug mode shows).
 */
import {
  CANDIDATE_ID,
  type Category,
  type DayWeather,
  type Occasion,
  type Season,
  type WardrobeItem,
} from "../../schemas.ts";
import type { ColorHarmony } from "../color_harmony.ts";
import { weatherBands } from "../weather_bands.ts";
import type { PlannedOutfit } from "./local_planner.ts";
import { isAllWhite, isHeel } from "./local_occasions.ts";
import type { StyleBrief } from "./local_scoring.ts";
import { pickTip } from "./local_tips.ts";
import { titleOf } from "./local_titles.ts";
import { capitalise, isOrAre, isPlural, joinAnd, the } from "./local_words.ts";

export type OutfitText = {
  title: string;
  tip: string;
  /** Two to four sentences; `sentences` joined by spaces. */
  reasoning: string;
  sentences: string[];
};

const OCCASION_PHRASE: Readonly<Record<Occasion, string>> = {
  casual: "a casual day",
  work: "work",
  date_night: "a date night",
  formal: "a formal event",
  wedding_guest: "a wedding",
  workout: "a workout",
  travel: "travel",
  brunch: "brunch",
  party: "a party",
  interview: "an interview",
};

const LEVELS = ["", "sporty", "casual", "smart casual", "polished", "dressy"];

const SEASON_WEATHER: Readonly<Record<Season, string>> = {
  winter: "the cold",
  autumn: "cooler mornings",
  spring: "changeable spring weather",
  summer: "cool summer evenings",
};

/** Titles, tips and title forms already on earlier cards of the job. */
export type UsedText = {
  titles: ReadonlySet<string>;
  tips: ReadonlySet<string>;
  /** Title forms used so far; filled in as titles are written. */
  forms?: Set<number>;
};

/**
 * Title, tip and reasoning for a planned outfit. Titles and tips of earlier
 * outfits in the job are avoided, so each card says something new.
 */
export function describeOutfit(
  outfit: PlannedOutfit,
  brief: StyleBrief,
  used: UsedText,
): OutfitText {
  const sentences = [
    formalitySentence(outfit, brief),
    colourSentence(outfit.notes.harmony),
    brief.weather
      ? weatherSentence(outfit, brief)
      : seasonSentence(outfit, brief.season),
    asAskedSentence(brief),
    extraSentence(outfit, brief),
  ].filter((s): s is string => s !== null);
  return {
    title: titleOf(outfit, brief, used.titles, used.forms),
    tip: pickTip(outfit.items, brief, used.tips),
    reasoning: sentences.join(" "),
    sentences,
  };
}

function one(decimal: number): string {
  return String(Math.round(decimal * 10) / 10);
}

function pick(
  items: WardrobeItem[],
  category: Category,
): WardrobeItem | undefined {
  return items.find((item) => item.category === category);
}

function fitPhrase(average: number, target: number): string {
  const gap = average - target;
  if (Math.abs(gap) <= 0.35) return "right on target";
  if (Math.abs(gap) <= 1) {
    return gap > 0 ? "a touch dressier" : "a touch more relaxed";
  }
  return gap > 0 ? "dressier than it needs to be" : "more relaxed than ideal";
}

function formalitySentence(outfit: PlannedOutfit, brief: StyleBrief): string {
  const target = brief.target;
  const average = outfit.notes.formality;
  const fit = `${one(average)}, ${fitPhrase(average, target)}`;
  if (brief.occasions.length) {
    const phrases = joinAnd(brief.occasions.map((o) => OCCASION_PHRASE[o]));
    const level = LEVELS[Math.round(target)];
    return `For ${phrases} the aim is ${level} (about ${
      one(target)
    } of 5 on formality), and these pieces average ${fit}.`;
  }
  const candidate = brief.required.find((item) => item.id === CANDIDATE_ID);
  if (candidate) {
    const plural = isPlural(candidate.name);
    return `${capitalise(the(candidate))} ${plural ? "sit" : "sits"} at ${
      one(candidate.formality)
    } of 5 on formality, so ${
      plural ? "they are" : "it is"
    } paired with pieces you own at the same level; together they average ${fit}.`;
  }
  const anchors = joinAnd(brief.required.map(the));
  const single = brief.required.length === 1 &&
    !isPlural(brief.required[0].name);
  return `${capitalise(anchors)} ${
    single ? "sets" : "set"
  } the level at about ${
    one(target)
  } of 5 on formality, and the whole outfit averages ${fit}.`;
}

function colourSentence(harmony: ColorHarmony): string {
  const { neutrals, accents, families } = harmony;
  const grounded = neutrals.length
    ? `, grounded by neutral ${joinAnd(neutrals)}`
    : "";
  const [first, second] = families.map((family) => joinAnd(family));
  switch (harmony.kind) {
    case "neutral":
      return `The palette is all neutrals (${
        joinAnd(neutrals)
      }), which always work together and keep the look calm and easy to accessorise.`;
    case "tonal":
      if (accents.length > 1) {
        return `${
          capitalise(first)
        } are shades of the same hue, a tonal pairing that looks deliberate${grounded}.`;
      }
      return neutrals.length
        ? `${capitalise(first)} is the one colour, set against neutral ${
          joinAnd(neutrals)
        }, so it stands out without competing.`
        : `Wearing ${first} alone makes a confident single-colour statement.`;
    case "analogous":
      return `${
        capitalise(first)
      } and ${second} sit next to each other on the colour wheel (an analogous pairing), so they blend smoothly${grounded}.`;
    case "complementary":
      return `${
        capitalise(first)
      } and ${second} sit opposite each other on the colour wheel (complementary), a lively contrast${
        neutrals.length
          ? ` that the neutrals (${joinAnd(neutrals)}) keep in balance`
          : ""
      }.`;
    case "clash":
      return `${capitalise(first)} and ${second} are an unusual pairing${
        neutrals.length
          ? `, so the neutrals (${
            joinAnd(neutrals)
          }) do the work of holding it together`
          : ""
      }.`;
    case "busy":
      return `With ${families.length} colour families (${
        joinAnd(accents)
      }) this is a bold mix, so keep everything else plain.`;
  }
}

function seasonSentence(outfit: PlannedOutfit, season: Season): string {
  const off = outfit.notes.offSeason;
  if (off.length) {
    const many = off.length > 1 || isPlural(off[0].name);
    return `${capitalise(joinAnd(off.map(the)))} ${
      many ? "are" : "is"
    } not really made for ${season}, so swap ${
      many ? "them" : "it"
    } out if the weather disagrees.`;
  }
  const outer = pick(outfit.items, "outerwear");
  return outer
    ? `Every piece suits ${season}, and ${the(outer)} adds a layer for ${
      SEASON_WEATHER[season]
    }.`
    : `Every piece suits ${season}, so it is comfortable to wear right now.`;
}

/** "−5° to 1°": a forecast's range, with a real minus sign. */
function degrees(weather: DayWeather): string {
  const d = (c: number) => `${Math.round(c)}°`.replace("-", "−");
  return `${d(weather.low_c)} to ${d(weather.high_c)}`;
}

/** What the day's forecast means for these pieces. */
function weatherSentence(outfit: PlannedOutfit, brief: StyleBrief): string {
  const weather = brief.weather!;
  const where = brief.place ? ` in ${brief.place}` : "";
  const day = `It will be ${degrees(weather)}${where}, ${weather.summary}`;
  const outer = pick(outfit.items, "outerwear");
  const bands = weatherBands(weather);
  if (outer && (bands.includes("cold") || bands.includes("rain"))) {
    return `${day}, so ${the(outer)} goes on top.`;
  }
  if (!outer && bands.includes("hot")) {
    return `${day}, so nothing here needs a layer over it.`;
  }
  return `${day}, and these pieces are made for it.`;
}

/** The notes the outfit follows, in the shopper's own words. */
function asAskedSentence(brief: StyleBrief): string | null {
  if (!brief.heard.length) return null;
  const said = joinAnd(brief.heard.map((note) => `“${note}”`));
  return `Dressed with your notes in mind: ${said}.`;
}

function extraSentence(
  outfit: PlannedOutfit,
  brief: StyleBrief,
): string | null {
  const items = outfit.items;
  const shoes = pick(items, "shoes");
  const dress = pick(items, "dress");
  const outer = pick(items, "outerwear");
  for (const occasion of brief.occasions) {
    switch (occasion) {
      case "workout":
        if (shoes && shoes.formality <= 1 && !isHeel(shoes)) {
          return `${capitalise(the(shoes))} ${
            isOrAre(shoes)
          } made for movement, and nothing here gets in the way of a full range of motion.`;
        }
        break;
      case "wedding_guest":
        if (!isAllWhite(items)) {
          return "It steers clear of an all-white look, which is best left to the couple.";
        }
        break;
      case "travel":
        return `Soft, easy pieces${
          outer ? " and a layer you can take off" : ""
        } keep a long journey comfortable.`;
      case "formal":
        return dress
          ? `A single dress is the simplest route to an elegant look, and it lets ${
            the(dress)
          } do the talking.`
          : "Tailored separates at this level read as smart as a suit.";
      case "interview":
        return "Clean lines and quiet colours keep the focus on what you say.";
    }
  }
  const candidate = brief.required.find((item) => item.id === CANDIDATE_ID);
  if (candidate) {
    return `It shows ${
      the(candidate)
    } working with what you already own, which is the real test of a good buy.`;
  }
  const [patterned] = outfit.notes.patterned;
  if (patterned && outfit.notes.patterned.length === 1) {
    return `${capitalise(the(patterned))} ${
      isOrAre(patterned)
    } the only patterned piece, so it adds interest without clutter.`;
  }
  return null;
}

/**
 * The shapes of everything that crosses a boundary: HTTP bodies, KV values,
 * queue messages and SSE payloads. Types are inferred from these schemas so
 * the server and the islands share one definition.
 */
import { z } from "zod";
import { COLOR_NAMES } from "./colors.ts";
import { bookableDays, MAX_DAYS_AHEAD } from "./client/days.ts";

export const CATEGORIES = [
  "top",
  "bottom",
  "dress",
  "outerwear",
  "shoes",
  "accessory",
  "bag",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const SEASONS = ["spring", "summer", "autumn", "winter"] as const;
export type Season = (typeof SEASONS)[number];

export const PATTERNS = [
  "solid",
  "striped",
  "checked",
  "floral",
  "print",
  "textured",
] as const;
export type Pattern = (typeof PATTERNS)[number];

/** Occasion ids with the label a shopper sees. */
export const OCCASIONS = {
  casual: "Casual",
  work: "Work",
  date_night: "Date night",
  formal: "Formal",
  wedding_guest: "Wedding guest",
  workout: "Workout",
  travel: "Travel",
  brunch: "Brunch",
  party: "Party",
  interview: "Interview",
} as const;
export type Occasion = keyof typeof OCCASIONS;
export const OCCASION_IDS = Object.keys(OCCASIONS) as [
  Occasion,
  ...Occasion[],
];

/** The id the candidate item of the consider-buying flow goes by. */
export const CANDIDATE_ID = "candidate";

export const ItemId = z.string().regex(
  /^[a-z0-9][a-z0-9_-]{0,39}$/,
  "Expected a lowercase id of letters, digits, - and _ (at most 40)",
).max(40);

/** Job ids are the server's `crypto.randomUUID()`s. */
export const JobId = z.string().max(36, "Expected a job id").regex(
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  "Expected a job id",
);

export const unique = <T>(list: T[]) => new Set(list).size === list.length;

/**
 * Characters that change how text around them reads without showing
 * themselves: direction overrides, embeddings, isolates and marks (which
 * make "Scarf\u202Egpj.exe" show as "Scarfexe.jpg"), zero-width spaces and
 * the byte-order mark, and the non-characters U+FFFE and U+FFFF. The
 * zero-width joiner and non-joiner stay: emoji and several scripts need
 * them.
 */
const INVISIBLE =
  /[\u061C\u200B\u200E\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF\uFFFE\uFFFF]/u;

/**
 * Free text a shopper types: trimmed, at most `max` characters, without
 * control characters (newlines and tabs only where `multiline`), invisible
 * direction or spacing characters, or broken UTF-16 (a lone surrogate that
 * JSON can carry but no font can show).
 */
export function text(max: number, { multiline = false } = {}) {
  const control = multiline ? /(?![\t\n\r])\p{Cc}/u : /\p{Cc}/u;
  return z.string().trim().max(max, `At most ${max} characters`).refine(
    (s) => !control.test(s),
    {
      message: multiline
        ? "Must not contain control characters"
        : "Must be one line of text, without control characters",
    },
  ).refine((s) => !INVISIBLE.test(s), {
    message: "Must not contain invisible or text-direction characters",
  }).refine((s) => s.isWellFormed(), {
    message: "Contains an invalid character",
  });
}

const Name = text(80).pipe(z.string().min(1, "Enter a name"));
const Colors = z.array(z.enum(COLOR_NAMES)).min(1).max(4).refine(unique, {
  message: "Colours must not repeat",
});
/** Only web links: no `javascript:`, `data:` or `ftp:`, no bare IPs or hosts. */
const ImageUrl = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.domain,
  error: "Expected a web address starting with http:// or https://",
}).max(500, "At most 500 characters");
const Price = z.number().nonnegative().max(100_000);

/** A wardrobe item as a client sends it (the server assigns the id). */
export const NewWardrobeItem = z.strictObject({
  name: Name,
  category: z.enum(CATEGORIES),
  colors: Colors,
  pattern: z.enum(PATTERNS).default("solid"),
  formality: z.int().min(1).max(5),
  seasons: z.array(z.enum(SEASONS)).min(1).max(4).refine(unique, {
    message: "Seasons must not repeat",
  }),
  image_url: ImageUrl.optional(),
  price: Price.optional(),
});
export type NewWardrobeItem = z.infer<typeof NewWardrobeItem>;

/** A photo the shopper uploaded; set by the server, never sent by a client. */
export const ItemPhoto = z.strictObject({
  /** The bytes' SHA-256, shortened: the photo's URL is content-addressed. */
  id: z.string().regex(/^[0-9a-f]{32}$/),
  type: z.enum(["image/jpeg", "image/png", "image/webp"]),
  width: z.int().positive(),
  height: z.int().positive(),
});
export type ItemPhoto = z.infer<typeof ItemPhoto>;

export const WardrobeItem = z.strictObject({
  id: ItemId,
  ...NewWardrobeItem.shape,
  photo: ItemPhoto.optional(),
});
export type WardrobeItem = z.infer<typeof WardrobeItem>;

/** The item a shopper is thinking of buying; style details are optional. */
export const CandidateItem = z.strictObject({
  name: Name,
  category: z.enum(CATEGORIES),
  colors: Colors,
  pattern: z.enum(PATTERNS).optional(),
  formality: z.int().min(1).max(5).optional(),
  seasons: z.array(z.enum(SEASONS)).min(1).max(4).refine(unique, {
    message: "Seasons must not repeat",
  }).optional(),
  price: Price.optional(),
  image_url: ImageUrl.optional(),
});
export type CandidateItem = z.infer<typeof CandidateItem>;

/** A calendar day, `YYYY-MM-DD`, that a forecast can still be had for. */
export const RequestDay = z.iso.date("Expected a date as YYYY-MM-DD").max(10)
  .refine(
    (day) => {
      const { first, last } = bookableDays();
      return day >= first && day <= last;
    },
    { message: `Expected a date from today to ${MAX_DAYS_AHEAD} days ahead` },
  );

/**
 * A town or city, as the shopper types it; "" is none (and the route
 * forgets the place it remembered).
 */
export const PlaceName = text(100);

/**
 * The fields every flow's request shares. Each flow's own schema lives with
 * the flow (lib/flows/), and lib/flows/mod.ts joins them into one union.
 */
export const commonRequestFields = {
  /** The shopper's own words: rules the stylist follows, the rest passed on. */
  notes: text(500, { multiline: true }).optional(),
  /** The day to dress for; today when left out. */
  date: RequestDay.optional(),
  /** Where: the forecast is looked up for it. */
  place: PlaceName.optional(),
  /** Stream the stylist's reasoning (debug mode). */
  include_reasoning: z.boolean().default(false),
  /** Ask the model for the three outfits in three concurrent requests. */
  parallel: z.boolean().default(false),
};

export type { GenerateRequest, Mode } from "./flows/mod.ts";

/** Where an outfit came from: the language model or the built-in stylist. */
export const OutfitSource = z.enum(["model", "local"]);
export type OutfitSource = z.infer<typeof OutfitSource>;

/** A finished, validated outfit as shoppers and clients see it. */
export const Outfit = z.object({
  title: z.string(),
  item_ids: z.array(z.string()),
  /** The items themselves, frozen at generation time so later wardrobe edits do not change a result. */
  items: z.array(WardrobeItem),
  reasoning: z.string(),
  tip: z.string(),
  source: OutfitSource,
  /** Asked for several occasions: the ones this outfit suits (by the rules). */
  occasions: z.array(z.enum(OCCASION_IDS)).optional(),
  /** Why the built-in stylist made this one in the model's place. */
  fallback_reason: z.string().optional(),
  /** A trip: the day (`YYYY-MM-DD`) this outfit is for. */
  date: z.string().optional(),
});
export type Outfit = z.infer<typeof Outfit>;

export const JOB_STATUSES = [
  "queued",
  "running",
  "complete",
  "failed",
  "cancelled",
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export type TokenUsage = {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
};

/** The rules' answer to "should I buy this?" (lib/stylist/verdict.ts). */
export type Verdict = {
  label: "Great addition" | "Worth considering" | "Think twice";
  /** The one or two facts that decided the label, as sentences. */
  reasons: string[];
  /** Outfits that include the piece (exact), and before it, in all. */
  unlocks: { outfits: number; before: number; pairs_with: number; of: number };
  /** Owned pieces like it: same category, close colour and formality. */
  similar: {
    count: number;
    items: { id: string; name: string }[];
    sentence: string;
  };
  /** Occasions and seasons with few outfits that it adds to, biggest first. */
  gaps: { what: string; before: number; added: number }[];
  /** With a price: what a wear would cost, and how the wears were estimated. */
  cost_per_wear?: {
    amount: number;
    wears_a_year: number;
    how: string;
    sentence: string;
  };
};

/** A place as the geocoder found it. */
export type Place = {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
};

/** One day's forecast at a place. */
export type DayWeather = {
  high_c: number;
  low_c: number;
  /** The day's highest chance of rain or snow, in per cent; null if unknown. */
  rain_chance: number | null;
  /** In a shopper's words: "rain likely", "clear skies". */
  summary: string;
};

/**
 * What a job dresses the shopper for, settled before the first outfit: the
 * day, the place and its forecast, the season there, and what the shopper's
 * notes asked for (lib/stylist/job_context.ts).
 */
export type JobContext = {
  place: Place | null;
  /** `YYYY-MM-DD`: the day asked for, or today at the place. */
  date: string;
  /** At the place: the southern hemisphere's is the other way round. */
  season: Season;
  weather: DayWeather | null;
  notes: {
    /** What the stylist does because the notes said so ("no heels"). */
    applied: string[];
    /** What it does not act on itself, as the shopper wrote it. */
    passed_on: string[];
  };
  /** Every rule the job's outfits follow, by id (lib/stylist/dress_rules.ts). */
  rules: string[];
  /**
   * A trip: every day's forecast and rules, first to last (`date`,
   * `weather` and `rules` above are the first day's). Outfit k keeps day
   * k's rules.
   */
  days?: TripDay[];
  /**
   * Sentences for the shopper about what could not be had: a place not
   * found, a forecast missing, a rule the wardrobe cannot follow.
   */
  notices: string[];
};

/** One day of a trip: its date, forecast and the rules its outfit keeps. */
export type TripDay = {
  date: string;
  weather: DayWeather | null;
  rules: string[];
};

/** A trip's packing list: every piece worn, once, with the days it is worn. */
export type Packing = {
  items: { id: string; name: string; category: Category; dates: string[] }[];
  count: number;
};

export type JobResult = {
  outfits: Outfit[];
  /** A trip: what to pack for its outfits. */
  packing?: Packing;
  /** Consider buying: the verdict, as sent before the outfits. */
  verdict?: Verdict;
  reasoning?: string;
  usage?: TokenUsage;
  /** Set when the model failed and the built-in stylist stepped in. */
  fallback?: { error: string; outfits_from_fallback: number[] };
};

/** SSE payloads, by event name. */
export type JobEventData = {
  progress: { progress: number; message: string; current_outfit: number };
  /** Sent once, before the first outfit. */
  context: { context: JobContext };
  verdict: { verdict: Verdict };
  outfit: { outfit_number: number; outfit: Outfit };
  reasoning: { delta: string };
  complete: { result: JobResult };
  error: {
    error: string;
    partial: { outfits: Outfit[] };
    /** The shopper cancelled the job; not a failure. */
    cancelled?: true;
  };
};
export type JobEventType = keyof JobEventData;

export type JobEvent = {
  [T in JobEventType]: { seq: number; type: T; data: JobEventData[T] };
}[JobEventType];

/** An event before the log has given it a sequence number. */
export type NewJobEvent = {
  [T in JobEventType]: { type: T; data: JobEventData[T] };
}[JobEventType];

/** The queue message: an id, never the data (queue payloads cap at 64 KiB). */
export const JobMessage = z.strictObject({ jobId: z.string() });
export type JobMessage = z.infer<typeof JobMessage>;

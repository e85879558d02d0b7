/**
 * A look: an outfit the shopper kept, wore or rated. It is made from an
 * outfit of one of their jobs and keeps a snapshot of its pieces, so it
 * outlives the job (24 h) and any later change to the wardrobe. Its id comes
 * from its pieces, so the same outfit suggested twice is one look, and
 * saving it again changes nothing.
 */
import { z } from "zod";
import { Refusal } from "../refusal.ts";
import {
  CANDIDATE_ID,
  JobId,
  type Mode,
  type Occasion,
  type Outfit,
  type WardrobeItem,
} from "../schemas.ts";

export type LookRating = "up" | "down";

export type Look = {
  id: string;
  title: string;
  tip: string;
  /** The pieces as they were when the outfit was made. */
  items: WardrobeItem[];
  /** For a multi-occasion request: which of its occasions the outfit suits. */
  occasions?: Occasion[];
  /** The job outfit it was made from. */
  from: { job_id: string; outfit_number: number; mode: Mode };
  created_at: string;
  updated_at: string;
  /** When the shopper saved it; null when not (or no longer) saved. */
  saved_at: string | null;
  /** Days it was worn (`YYYY-MM-DD`), oldest first, each at most once. */
  worn: string[];
  rating: LookRating | null;
  /** Set while the look is shared by a public link (lib/shares/). */
  share?: { token: string; created_at: string };
};

/** Look ids are `look-` and 16 hex digits. */
export const LookId = z.string().regex(
  /^look-[0-9a-f]{16}$/,
  "Expected a look id",
);

/** A calendar day, as the shopper's own clock gives it. */
export const WornDay = z.iso.date("Expected a date as YYYY-MM-DD").max(10);

const Rating = z.enum(["up", "down"]);

/** `POST /api/looks`: keep an outfit of a job, with what to set on it. */
export const NewLook = z.strictObject({
  job_id: JobId,
  outfit_number: z.int().min(1).max(10),
  saved: z.boolean().optional(),
  rating: Rating.nullable().optional(),
  worn_on: WornDay.optional(),
});
export type NewLook = z.infer<typeof NewLook>;

/** `PATCH /api/looks/:id`: what to change. */
export const LookPatch = z.strictObject({
  saved: z.boolean().optional(),
  rating: Rating.nullable().optional(),
}).refine((patch) => patch.saved !== undefined || patch.rating !== undefined, {
  message: "Send saved, rating or both",
  path: ["saved"],
});
export type LookPatch = z.infer<typeof LookPatch>;

/** A change to a look, from any of the routes. */
export type LookChange = {
  saved?: boolean;
  rating?: LookRating | null;
  /** A day to mark as worn (true) or not worn after all (false). */
  wear?: { day: string; worn: boolean };
};

/** How many days of wear a look remembers: over a year of daily wear. */
export const MAX_WEARS = 400;

/** A day worn past {@link MAX_WEARS}: said (409), not dropped. */
export class TooManyWearsError extends Refusal {
  override name = "TooManyWearsError";
  constructor() {
    super(
      `A look remembers up to ${MAX_WEARS} days of wear. Take off a day you no longer need to add this one.`,
      409,
    );
  }
}

/**
 * The id an outfit's look has: a hash of its pieces (the candidate of a
 * consider-buying outfit by its name, since every candidate is "candidate").
 */
export async function lookIdOf(
  items: readonly WardrobeItem[],
): Promise<string> {
  const pieces = items
    .map((item) =>
      item.id === CANDIDATE_ID ? `candidate:${item.name}` : item.id
    )
    .sort()
    .join("\n");
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(pieces),
  );
  const hex = Array.from(
    new Uint8Array(digest).slice(0, 8),
    (b) => b.toString(16).padStart(2, "0"),
  ).join("");
  return `look-${hex}`;
}

/** A new look for outfit `outfitNumber` of a job, with nothing set yet. */
export async function lookFromOutfit(
  outfit: Outfit,
  from: Look["from"],
  now: Date,
): Promise<Look> {
  const at = now.toISOString();
  return {
    id: await lookIdOf(outfit.items),
    title: outfit.title,
    tip: outfit.tip,
    items: outfit.items,
    ...(outfit.occasions ? { occasions: outfit.occasions } : {}),
    from,
    created_at: at,
    updated_at: at,
    saved_at: null,
    worn: [],
    rating: null,
  };
}

/**
 * The look with `change` applied (the look itself when nothing changes), so
 * the same change twice gives the same look. Throws TooManyWearsError for a
 * new day past the most a look keeps.
 */
export function applyChange(look: Look, change: LookChange, now: Date): Look {
  const next: Look = { ...look };
  if (change.saved !== undefined) {
    next.saved_at = change.saved ? look.saved_at ?? now.toISOString() : null;
  }
  if (change.rating !== undefined) next.rating = change.rating;
  if (change.wear) {
    const { day, worn } = change.wear;
    const days = new Set(look.worn);
    if (worn) days.add(day);
    else days.delete(day);
    if (days.size > MAX_WEARS) throw new TooManyWearsError();
    next.worn = [...days].sort();
  }
  const changed = next.saved_at !== look.saved_at ||
    next.rating !== look.rating ||
    next.worn.join() !== look.worn.join();
  if (!changed) return look;
  next.updated_at = now.toISOString();
  return next;
}

/**
 * Whether `/looks` lists it: saved, worn at least once, or shared (so the
 * shopper can always find a link they gave out, and stop it).
 */
export function isListed(look: Look): boolean {
  return look.saved_at !== null || look.worn.length > 0 ||
    look.share !== undefined;
}

/**
 * The days a shopper may say they wore something: not after tomorrow (time
 * zones run ahead of the server's), not before 2000.
 */
export function wornDayProblem(day: string, today: Date): string | null {
  const tomorrow = new Date(today.getTime() + 86_400_000)
    .toISOString().slice(0, 10);
  if (day > tomorrow) return "That day has not come yet";
  if (day < "2000-01-01") return "Expected a day from 2000 on";
  return null;
}

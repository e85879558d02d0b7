/**
 * What every form says when a field needs another look, in sentences a
 * shopper reads: one table for the consider-buying page (from zod's issues,
 * on the server), the occasion form and the item form (from their own checks
 * before sending, and from the API's answer). The API's messages are written
 * for API clients ("Too big: expected array to have <=4 items") and keep
 * their wording; forms never show them. No zod at run time here: islands
 * bundle this module.
 */
import type { z } from "zod";
import type { FieldIssue } from "../lib/client/api.ts";
import { MAX_PRICE } from "./price_field.tsx";

/** What is wrong with a field: too little of it, too much, or not right. */
export type Problem = "few" | "many" | "bad";

/** A field's sentences, one per problem; `bad` also stands in for others. */
export type Sentences = { few?: string; many?: string; bad: string };
/** The sentences of a form's fields, by the API's field name. */
export type Table = Record<string, Sentences>;

/*
 * One constant per field, so an island's bundle carries only the fields of
 * its own form (every byte counts against the 16 KB budget).
 */
export const NAME: Sentences = {
  few: "Say what the piece is, such as “Rust suede jacket”.",
  many: "Keep the name to 80 characters or fewer.",
  bad: "Write the name on one line, with letters, numbers and punctuation.",
};
export const CATEGORY: Sentences = { bad: "Choose what kind of piece it is." };
export const COLOURS: Sentences = {
  few: "Choose at least one colour.",
  many: "Choose up to four colours.",
  bad: "Choose colours from the list, each one once.",
};
export const PATTERN: Sentences = { bad: "Choose a pattern from the list." };
export const FORMALITY: Sentences = {
  bad: "Choose how dressy it is from the list.",
};
export const SEASONS: Sentences = {
  few: "Choose at least one season.",
  bad: "Choose seasons from the list, each one once.",
};
export const PRICE: Sentences = {
  bad: `Enter a price from 0 to ${
    MAX_PRICE.toLocaleString("en")
  }, or leave it empty.`,
};
export const IMAGE_URL: Sentences = {
  many: "Keep the web address to 500 characters or fewer.",
  bad: "Enter a web address that starts with https://, or leave it empty.",
};
export const OCCASIONS: Sentences = {
  few: "Choose at least one occasion.",
  many: "Choose up to three occasions.",
  bad: "Choose occasions from the list, each one once.",
};
export const NOTES: Sentences = {
  many: "Keep the notes to 500 characters or fewer.",
  bad: "Write the notes with letters, numbers and punctuation.",
};

export const DATE: Sentences = {
  bad: "Choose a day from today to 15 days ahead.",
};
export const PLACE: Sentences = {
  many: "Keep the place to 100 characters or fewer.",
  bad: "Write the town or city on one line, with letters and punctuation.",
};

export const START_DATE: Sentences = {
  bad: "Choose a first day from today to 15 days ahead.",
};
export const TRIP_DAYS: Sentences = {
  bad: "Choose a trip of 1 to 14 days.",
};

/** A trip's place: the same as any place, but it must be given. */
export const DESTINATION: Sentences = {
  ...PLACE,
  few: "Say where you are going: a town or city.",
};

/** The day, the place and the notes every flow's form has. */
export const DAY: Table = { date: DATE, place: PLACE, notes: NOTES };

/** A piece's fields: the item form's, and the candidate's on the server. */
export const PIECE: Table = {
  name: NAME,
  category: CATEGORY,
  colors: COLOURS,
  pattern: PATTERN,
  formality: FORMALITY,
  seasons: SEASONS,
  price: PRICE,
  image_url: IMAGE_URL,
};

/**
 * The sentence for `problem` with the field at `path` in `table`; a path
 * into a list ("occasions.0") speaks for the whole field.
 */
export function sentence(table: Table, path: string, problem: Problem): string {
  const field = table[path.split(".")[0]];
  return field?.[problem] ?? field?.bad ?? "Check this detail and try again.";
}

/** Over the schema's cap of four colours. */
export const TOO_MANY_COLOURS = COLOURS.many!;

/** zod's issues with a piece (on the server) as sentences. */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map(({ path, code }) => ({
    path: String(path[0] ?? ""),
    message: sentence(
      PIECE,
      String(path[0] ?? ""),
      code === "too_small" ? "few" : code === "too_big" ? "many" : "bad",
    ),
  }));
}

/**
 * The API's issues (`{path: "occasions.0", message: "Too big: …"}`) as
 * sentences, by field. The answer carries no zod code, so the kind is read
 * from zod's wording; the forms check what they can before sending, so this
 * mostly meets what only the server can tell (a control character, a web
 * address that is not one).
 */
export function apiIssues(
  table: Table,
  issues: FieldIssue[] = [],
): FieldIssue[] {
  return issues.map(({ path, message }) => ({
    path: path.split(".")[0],
    message: sentence(
      table,
      path,
      /^(too small|enter)/i.test(message)
        ? "few"
        : /^(too big|at most)/i.test(message)
        ? "many"
        : "bad",
    ),
  }));
}

/** The fields a form found wrong itself, before sending, as sentences. */
export function checked(
  table: Table,
  problems: Record<string, Problem | false>,
): FieldIssue[] {
  return Object.entries(problems).flatMap(([path, problem]) =>
    problem ? [{ path, message: sentence(table, path, problem) }] : []
  );
}

/**
 * The issues whose field still holds what it held when they were found
 * (`then`): a message goes the moment the shopper changes its field.
 */
export function standing<T extends object>(
  issues: FieldIssue[] = [],
  then: T | null,
  now: T,
): FieldIssue[] {
  return issues.filter((i) =>
    then?.[i.path as keyof T] === now[i.path as keyof T]
  );
}

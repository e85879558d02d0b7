/**
 * What the consider-buying form says when a description does not pass, in
 * sentences a shopper reads. The schema's own messages are written for API
 * clients ("Too big: expected array to have <=4 items"); the form speaks
 * for itself here instead, so the API keeps its wording.
 */
import type { z } from "zod";
import type { FieldIssue } from "../lib/client/api.ts";
import { MAX_PRICE } from "./price_field.tsx";

/** Over the schema's cap of four colours. */
export const TOO_MANY_COLOURS = "Choose up to four colours.";

type Issue = z.ZodError["issues"][number];

const SENTENCES: Record<string, (issue: Issue) => string> = {
  name: ({ code }) =>
    code === "too_small"
      ? "Say what the piece is, such as “Rust suede jacket”."
      : code === "too_big"
      ? "Keep the name to 80 characters or fewer."
      : "Write the name on one line, with letters, numbers and punctuation.",
  category: () => "Choose what kind of piece it is.",
  colors: ({ code }) =>
    code === "too_small"
      ? "Choose at least one colour."
      : code === "too_big"
      ? TOO_MANY_COLOURS
      : "Choose colours from the list, each one once.",
  formality: () => "Choose how dressy it is from the list.",
  price: () =>
    `Enter a price from 0 to ${
      MAX_PRICE.toLocaleString("en")
    }, or leave it empty.`,
  image_url: ({ code }) =>
    code === "too_big"
      ? "Keep the web address to 500 characters or fewer."
      : "Enter a web address that starts with https://, or leave it empty.",
};

/** One plain sentence per field that needs another look, in form order. */
export function candidateIssues(error: z.ZodError): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const path = String(issue.path[0] ?? "");
    if (issues.some((known) => known.path === path)) continue;
    const say = SENTENCES[path];
    issues.push({
      path,
      message: say ? say(issue) : "Check this detail and try again.",
    });
  }
  return issues;
}

/**
 * The query of an illustration URL (lib/illustrations/url.ts), checked
 * against closed lists: a category, one to four palette colours, a pattern,
 * optionally a kind; the name is read only to infer the kind and never
 * written anywhere. Anything else is a 400, so no request can make the
 * server draw (or cache) something it did not mean to.
 */
import { z } from "zod";
import { COLOR_NAMES } from "../colors.ts";
import { CATEGORIES, PATTERNS } from "../schemas.ts";
import type { FieldIssue } from "../validation.ts";
import { fieldIssues } from "../validation.ts";
import { inferKind } from "./kind.ts";
import { type Kind, KINDS } from "./kinds.ts";
import type { IllustrationSpec } from "./render.ts";

/** Longer than any name the wardrobe takes (80) with room for encoding. */
const MAX_NAME = 120;

const Query = z.strictObject({
  v: z.string().regex(/^[0-9]{1,4}$/, "Expected a version number").optional(),
  cat: z.enum(CATEGORIES),
  n: z.string().max(MAX_NAME, `At most ${MAX_NAME} characters`).optional(),
  k: z.enum(KINDS as [Kind, ...Kind[]]).optional(),
  c: z.string().max(80, "At most four colours").transform((s) => s.split(","))
    .pipe(
      z.array(z.enum(COLOR_NAMES)).min(1).max(4, "At most four colours")
        .refine((list) => new Set(list).size === list.length, {
          message: "Colours must not repeat",
        }),
    ),
  p: z.enum(PATTERNS).default("solid"),
});

/** A parameter's name as an error may repeat it: a plain word, or "?". */
const short = (name: string) => /^[\w-]{1,20}$/.test(name) ? name : "?";

export type IllustrationQuery = IllustrationSpec & { version?: string };

export type ParsedQuery =
  | { ok: true; value: IllustrationQuery }
  | { ok: false; issues: FieldIssue[] };

/**
 * What to draw, from a URL's search parameters.
 *
 * @example parseIllustrationQuery(new URLSearchParams("cat=top&n=Oxford+shirt&c=white"))
 * // { ok: true, value: { kind: "shirt", colors: ["white"], pattern: "solid" } }
 */
export function parseIllustrationQuery(params: URLSearchParams): ParsedQuery {
  const names = [...params.keys()];
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) {
    return {
      ok: false,
      issues: [{ path: short(repeated), message: "Given more than once" }],
    };
  }
  const parsed = Query.safeParse(Object.fromEntries(params));
  if (!parsed.success) {
    const issues = fieldIssues(parsed.error);
    return {
      ok: false,
      issues: issues.map((issue) => ({ ...issue, path: short(issue.path) })),
    };
  }
  const { v, cat, n, k, c, p } = parsed.data;
  return {
    ok: true,
    value: {
      kind: k ?? inferKind(n ?? "", cat),
      colors: c,
      pattern: p,
      ...(v === undefined ? {} : { version: v }),
    },
  };
}

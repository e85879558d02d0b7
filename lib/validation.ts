/**
 * Request validation as middleware, so handlers only ever see parsed input.
 * Every rejection names the offending fields by path, e.g.
 * `{"error":"Invalid request","issues":[{"path":"occasions.0","message":…}]}`.
 */
import type { Context } from "hono";
import { validator } from "hono/validator";
import type { z } from "zod";
import { NOT_FOUND } from "./define.ts";

export type FieldIssue = { path: string; message: string };

/**
 * zod issues as `{path, message}`: one per unknown key, and only the first
 * per path (zod 4 also reports checks that ran on a value of the wrong type,
 * such as a length limit on a string where a list was expected).
 */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  const all = error.issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({
        path: [...path, key].join("."),
        message: "Unknown field",
      }));
    }
    return [{ path: path.join("."), message: issue.message }];
  });
  return all.filter((issue, i) =>
    all.findIndex((other) => other.path === issue.path) === i
  );
}

export function invalidRequest(c: Context, issues: FieldIssue[]) {
  return c.json({ error: "Invalid request", issues }, 400);
}

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json\s*(;|$)/i;

/** Parses the JSON body with `schema`; read it with `c.req.valid("json")`. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return validator("json", (value, c): z.infer<S> | Response => {
    if (!JSON_MEDIA_TYPE.test(c.req.header("content-type") ?? "")) {
      return c.json(
        { error: "Expected a JSON body with Content-Type: application/json" },
        415,
      );
    }
    const parsed = schema.safeParse(value);
    return parsed.success
      ? parsed.data
      : invalidRequest(c, fieldIssues(parsed.error));
  });
}

/**
 * Checks the path's `:id` against `schema` before anything reads KV, so an id
 * that was never issued (too long for a KV key, a traversal, stray unicode)
 * is simply not found, like an id that was. Read it with
 * `c.req.valid("param").id`.
 */
export function pathId(schema: z.ZodType<string>) {
  return validator("param", (value, c): { id: string } | Response => {
    const parsed = schema.safeParse(value.id);
    return parsed.success ? { id: parsed.data } : c.json(NOT_FOUND, 404);
  });
}

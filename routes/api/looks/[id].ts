/**
 * GET /api/looks/:id: one of your looks.
 * PATCH /api/looks/:id: save or unsave it, rate it or clear the rating:
 * `{saved?, rating?: "up" | "down" | null}`.
 */
import { define, NOT_FOUND } from "../../../lib/define.ts";
import { LookId, LookPatch } from "../../../lib/looks/look.ts";
import { changeLook, getLook } from "../../../lib/looks/store.ts";
import { jsonBody, pathId } from "../../../lib/validation.ts";

export const GET = define.createHandlers(pathId(LookId), async (c) => {
  const look = await getLook(
    c.get("state").kv,
    c.get("userId"),
    c.req.valid("param").id,
  );
  return look ? c.json({ look }) : c.json(NOT_FOUND, 404);
});

export const PATCH = define.createHandlers(
  pathId(LookId),
  jsonBody(LookPatch),
  async (c) => {
    const look = await changeLook(
      c.get("state").kv,
      c.get("userId"),
      c.req.valid("param").id,
      c.req.valid("json"),
    );
    return look ? c.json({ look }) : c.json(NOT_FOUND, 404);
  },
);

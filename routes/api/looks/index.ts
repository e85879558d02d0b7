/**
 * GET /api/looks: the shopper's saved and worn looks, most recent first.
 * POST /api/looks: keep an outfit of one of your jobs as a look (or find
 * the look it already is), optionally saving, rating or wearing it in the
 * same request: `{job_id, outfit_number, saved?, rating?, worn_on?}`.
 * 201 when the look is new, 200 when it existed.
 */
import { define, NOT_FOUND } from "../../../lib/define.ts";
import {
  type LookChange,
  NewLook,
  wornDayProblem,
} from "../../../lib/looks/look.ts";
import { keepOutfit, listedLooks } from "../../../lib/looks/store.ts";
import { invalidRequest, jsonBody } from "../../../lib/validation.ts";

export const GET = define.createHandlers(async (c) => {
  c.header("Cache-Control", "no-store");
  const looks = await listedLooks(c.get("state").kv, c.get("userId"));
  return c.json({ looks });
});

export const POST = define.createHandlers(
  jsonBody(NewLook),
  async (c) => {
    const body = c.req.valid("json");
    const now = new Date();
    const problem = body.worn_on && wornDayProblem(body.worn_on, now);
    if (problem) {
      return invalidRequest(c, [{ path: "worn_on", message: problem }]);
    }
    const change: LookChange = {
      saved: body.saved,
      rating: body.rating,
      ...(body.worn_on ? { wear: { day: body.worn_on, worn: true } } : {}),
    };
    // Too many looks is a Refusal: lib/app.ts answers it with 409.
    const kept = await keepOutfit(
      c.get("state").kv,
      c.get("userId"),
      body.job_id,
      body.outfit_number,
      change,
      now,
    );
    if (!kept) return c.json(NOT_FOUND, 404);
    c.header("Location", `/api/looks/${kept.look.id}`);
    return c.json({ look: kept.look }, kept.created ? 201 : 200);
  },
);

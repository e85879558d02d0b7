/**
 * PUT /api/looks/:id/wears/:day: you wore this look on `day` (YYYY-MM-DD);
 * again on the same day changes nothing. DELETE: you did not after all.
 * Both answer with the look.
 */
import { validator } from "hono/validator";
import { define, NOT_FOUND } from "../../../../../lib/define.ts";
import {
  LookId,
  WornDay,
  wornDayProblem,
} from "../../../../../lib/looks/look.ts";
import { changeLook } from "../../../../../lib/looks/store.ts";
import { invalidRequest } from "../../../../../lib/validation.ts";

/** The look id (404 when malformed, like any unknown id) and a real day. */
const params = validator("param", (value, c) => {
  if (!LookId.safeParse(value.id).success) return c.json(NOT_FOUND, 404);
  const day = WornDay.safeParse(value.day);
  const problem = day.success
    ? wornDayProblem(day.data, new Date())
    : day.error.issues[0].message;
  if (problem) return invalidRequest(c, [{ path: "day", message: problem }]);
  return { id: value.id, day: value.day };
});

function wear(worn: boolean) {
  return define.createHandlers(params, async (c) => {
    const { id, day } = c.req.valid("param");
    const look = await changeLook(c.get("state").kv, c.get("userId"), id, {
      wear: { day, worn },
    });
    return look ? c.json({ look }) : c.json(NOT_FOUND, 404);
  });
}

export const PUT = wear(true);
export const DELETE = wear(false);

/**
 * GET /api/jobs/:id/packing: the pieces of a trip's packing list the
 * shopper has ticked. PUT with `{"item_id": "...", "packed": true|false}`
 * ticks or unticks one and answers the list as it now stands. A job that is
 * not the shopper's, or not a trip, has no list (404); a piece no day of the
 * trip wears is a 400 naming `item_id`.
 */
import { z } from "zod";
import { define, NOT_FOUND } from "../../../../lib/define.ts";
import { getOwnJob } from "../../../../lib/jobs/store.ts";
import { flowOf } from "../../../../lib/flows/mod.ts";
import { ItemId, JobId } from "../../../../lib/schemas.ts";
import { getPacked, setPacked } from "../../../../lib/trips/packed.ts";
import {
  invalidRequest,
  jsonBody,
  pathId,
} from "../../../../lib/validation.ts";

const Tick = z.strictObject({ item_id: ItemId, packed: z.boolean() });

const NO_LIST = { error: "This job has no packing list" } as const;

export const GET = define.createHandlers(pathId(JobId), async (c) => {
  const { kv } = c.get("state");
  const userId = c.get("userId");
  const id = c.req.valid("param").id;
  const job = await getOwnJob(kv, id, userId);
  if (!job) return c.json(NOT_FOUND, 404);
  if (!flowOf(job.request).days) return c.json(NO_LIST, 404);
  return c.json({ packed: await getPacked(kv, userId, id) });
});

export const PUT = define.createHandlers(
  pathId(JobId),
  jsonBody(Tick),
  async (c) => {
    const { kv } = c.get("state");
    const userId = c.get("userId");
    const id = c.req.valid("param").id;
    const { item_id: itemId, packed } = c.req.valid("json");
    const job = await getOwnJob(kv, id, userId);
    if (!job) return c.json(NOT_FOUND, 404);
    if (!flowOf(job.request).days) return c.json(NO_LIST, 404);
    const worn = job.outfits.some((outfit) =>
      outfit.items.some((item) => item.id === itemId)
    );
    if (!worn) {
      return invalidRequest(c, [{
        path: "item_id",
        message: `No day of this trip wears "${itemId}"`,
      }]);
    }
    return c.json({ packed: await setPacked(kv, job, itemId, packed) });
  },
);

/**
 * GET /api/jobs/:id/packing: the pieces of a trip's packing list the
 * shopper has ticked. PUT with `{"item_id": "...", "packed": true|false}`
 * ticks or unticks one and answers the list as it now stands. A job that is
 * not the shopper's, or not a trip, has no list (404); a piece no day of the
 * trip wears is a 400 naming `item_id`.
 */
import { z } from "zod";
import type { Context } from "hono";
import { type AppEnv, define, NOT_FOUND } from "../../../../lib/define.ts";
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

/** The shopper's own trip, or the 404 that says why not. */
async function ownTrip(c: Context<AppEnv>, id: string) {
  const job = await getOwnJob(c.get("state").kv, id, c.get("userId"));
  if (!job) return c.json(NOT_FOUND, 404);
  if (!flowOf(job.request).days) return c.json(NO_LIST, 404);
  return job;
}

export const GET = define.createHandlers(pathId(JobId), async (c) => {
  const job = await ownTrip(c, c.req.valid("param").id);
  if (job instanceof Response) return job;
  return c.json({ packed: await getPacked(c.get("state").kv, job) });
});

export const PUT = define.createHandlers(
  pathId(JobId),
  jsonBody(Tick),
  async (c) => {
    const job = await ownTrip(c, c.req.valid("param").id);
    if (job instanceof Response) return job;
    const { item_id: itemId, packed } = c.req.valid("json");
    const worn = job.outfits.some((outfit) =>
      outfit.items.some((item) => item.id === itemId)
    );
    if (!worn) {
      return invalidRequest(c, [{
        path: "item_id",
        message: `No day of this trip wears "${itemId}"`,
      }]);
    }
    const kv = c.get("state").kv;
    return c.json({ packed: await setPacked(kv, job, itemId, packed) });
  },
);

/**
 * GET /api/wardrobe: the shopper's items, and whether they are still the
 * sample wardrobe every new shopper starts with (`sample`).
 */
import { define } from "../../../lib/define.ts";
import { readWardrobe } from "../../../lib/wardrobe.ts";

export const GET = define.createHandlers(async (c) => {
  const { kv } = c.get("state");
  const userId = c.get("userId");
  return c.json(await readWardrobe(kv, userId));
});

/**
 * GET /api/wardrobe: the shopper's items, and whether they are still the
 * sample wardrobe every new shopper starts with (`sample`).
 */
import { define } from "../../../lib/define.ts";
import { isSampleWardrobe, listWardrobe } from "../../../lib/wardrobe.ts";

export const GET = define.createHandlers(async (c) => {
  const { kv } = c.get("state");
  const userId = c.get("userId");
  const [items, sample] = await Promise.all([
    listWardrobe(kv, userId),
    isSampleWardrobe(kv, userId),
  ]);
  return c.json({ items, sample });
});

/** GET /api/wardrobe: the shopper's items. */
import { define } from "../../../lib/define.ts";
import { listWardrobe } from "../../../lib/wardrobe.ts";

export const GET = define.createHandlers(async (c) => {
  const items = await listWardrobe(c.get("state").kv, c.get("userId"));
  return c.json({ items });
});

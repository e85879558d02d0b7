/** POST /api/wardrobe/clear: start from an empty wardrobe (no items, no photos). */
import { define } from "../../../lib/define.ts";
import { clearWardrobe } from "../../../lib/wardrobe.ts";

export const POST = define.createHandlers(async (c) => {
  await clearWardrobe(c.get("state").kv, c.get("userId"));
  return c.json({ items: [], sample: false });
});

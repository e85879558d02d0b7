/** POST /api/wardrobe/reset: back to a copy of the sample wardrobe. */
import { define } from "../../../lib/define.ts";
import { resetWardrobe } from "../../../lib/wardrobe.ts";

export const POST = define.createHandlers(async (c) => {
  const items = await resetWardrobe(c.get("state").kv, c.get("userId"));
  return c.json({ items, sample: false });
});

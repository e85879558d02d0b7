/** POST /api/wardrobe/keep: keep the sample wardrobe as your own, to edit. */
import { define } from "../../../lib/define.ts";
import { keepSampleWardrobe } from "../../../lib/wardrobe.ts";

export const POST = define.createHandlers(async (c) => {
  const items = await keepSampleWardrobe(c.get("state").kv, c.get("userId"));
  return c.json({ items, sample: false });
});

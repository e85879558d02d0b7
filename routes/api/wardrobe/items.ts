/** POST /api/wardrobe/items: add an item; the server assigns its id. */
import { define } from "../../../lib/define.ts";
import { NewWardrobeItem } from "../../../lib/schemas.ts";
import { jsonBody } from "../../../lib/validation.ts";
import { addItem, WardrobeFullError } from "../../../lib/wardrobe.ts";

export const POST = define.createHandlers(
  jsonBody(NewWardrobeItem),
  async (c) => {
    try {
      const item = await addItem(
        c.get("state").kv,
        c.get("userId"),
        c.req.valid("json"),
      );
      c.header("Location", `/api/wardrobe/items/${item.id}`);
      return c.json(item, 201);
    } catch (err) {
      if (err instanceof WardrobeFullError) {
        return c.json({ error: err.message }, 409);
      }
      throw err;
    }
  },
);

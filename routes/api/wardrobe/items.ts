/** POST /api/wardrobe/items: add an item; the server assigns its id. */
import { define } from "../../../lib/define.ts";
import { NewWardrobeItem } from "../../../lib/schemas.ts";
import { jsonBody } from "../../../lib/validation.ts";
import { addItem } from "../../../lib/wardrobe.ts";

export const POST = define.createHandlers(
  jsonBody(NewWardrobeItem),
  async (c) => {
    // A full wardrobe is a Refusal: lib/app.ts answers it with 409.
    const item = await addItem(
      c.get("state").kv,
      c.get("userId"),
      c.req.valid("json"),
    );
    c.header("Location", `/api/wardrobe/items/${item.id}`);
    return c.json(item, 201);
  },
);

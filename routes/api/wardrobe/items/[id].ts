/** PUT and DELETE /api/wardrobe/items/:id: edit or remove one of your items. */
import { define, NOT_FOUND } from "../../../../lib/define.ts";
import { ItemId, NewWardrobeItem } from "../../../../lib/schemas.ts";
import { jsonBody, pathId } from "../../../../lib/validation.ts";
import { deleteItem, updateItem } from "../../../../lib/wardrobe.ts";

export const PUT = define.createHandlers(
  pathId(ItemId),
  jsonBody(NewWardrobeItem),
  async (c) => {
    const item = await updateItem(
      c.get("state").kv,
      c.get("userId"),
      c.req.valid("param").id,
      c.req.valid("json"),
    );
    return item ? c.json(item) : c.json(NOT_FOUND, 404);
  },
);

export const DELETE = define.createHandlers(pathId(ItemId), async (c) => {
  const deleted = await deleteItem(
    c.get("state").kv,
    c.get("userId"),
    c.req.valid("param").id,
  );
  return deleted ? c.body(null, 204) : c.json(NOT_FOUND, 404);
});

/**
 * PUT /api/wardrobe/items/:id/photo: the photo of one of your items, as the
 * request body's raw bytes (what they are is read from the bytes, whatever
 * the Content-Type says). DELETE takes it away. Both answer with the item;
 * a photo past the `MAX_PHOTOS` a shopper keeps is a 409.
 */
import { define, NOT_FOUND } from "../../../../../lib/define.ts";
import { isProblem, photoFromUpload } from "../../../../../lib/photos/photo.ts";
import { ItemId } from "../../../../../lib/schemas.ts";
import { pathId } from "../../../../../lib/validation.ts";
import { setItemPhoto } from "../../../../../lib/wardrobe.ts";

export const PUT = define.createHandlers(pathId(ItemId), async (c) => {
  const upload = await photoFromUpload(
    new Uint8Array(await c.req.arrayBuffer()),
  );
  if (isProblem(upload)) {
    return c.json({ error: upload.error }, upload.status);
  }
  const item = await setItemPhoto(
    c.get("state").kv,
    c.get("userId"),
    c.req.valid("param").id,
    upload,
  );
  return item ? c.json(item) : c.json(NOT_FOUND, 404);
});

export const DELETE = define.createHandlers(pathId(ItemId), async (c) => {
  const item = await setItemPhoto(
    c.get("state").kv,
    c.get("userId"),
    c.req.valid("param").id,
    null,
  );
  return item ? c.json(item) : c.json(NOT_FOUND, 404);
});

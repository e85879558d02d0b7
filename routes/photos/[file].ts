/**
 * GET /photos/:id.:ext: one of your wardrobe photos. The name is the bytes'
 * hash, so the answer never changes and is cached for good (privately: the
 * photos are yours alone; anyone else gets 404). The type is the one read
 * from the bytes at upload, never guessed again.
 */
import { define, NOT_FOUND } from "../../lib/define.ts";
import { keys } from "../../lib/kv.ts";
import { parsePhotoFile } from "../../lib/photos/url.ts";

export const GET = define.createHandlers(async (c) => {
  const ref = parsePhotoFile(c.req.param("file") ?? "");
  if (!ref) return c.json(NOT_FOUND, 404);
  const stored = await c.get("state").kv.get<Uint8Array>(
    keys.photo(c.get("userId"), ref.id),
  );
  if (!stored.value) return c.json(NOT_FOUND, 404);
  return c.body(new Uint8Array(stored.value), 200, {
    "Content-Type": ref.type,
    "Cache-Control": "private, max-age=31536000, immutable",
    "Content-Disposition": "inline",
  });
});

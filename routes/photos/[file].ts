/**
 * GET /photos/:id.:ext: one of your wardrobe photos. The name is the bytes'
 * hash, so the answer never changes and is cached for good (privately: the
 * photos are yours alone; anyone else gets 404). The type is the one the
 * bytes are, never the URL's: a name with another extension is a 404.
 */
import { define, NOT_FOUND } from "../../lib/define.ts";
import { keys } from "../../lib/kv.ts";
import { imageInfo } from "../../lib/photos/image_info.ts";
import { parsePhotoFile } from "../../lib/photos/url.ts";

export const GET = define.createHandlers(async (c) => {
  const ref = parsePhotoFile(c.req.param("file") ?? "");
  if (!ref) return c.json(NOT_FOUND, 404);
  const stored = await c.get("state").kv.get<Uint8Array>(
    keys.photo(c.get("userId"), ref.id),
  );
  // The name's extension must be the bytes' own type: `<id>.png` for a
  // JPEG is no URL we gave out, and would be served under the wrong type.
  const info = stored.value && imageInfo(stored.value);
  if (!info || !info.ok || info.type !== ref.type) {
    return c.json(NOT_FOUND, 404);
  }
  return c.body(new Uint8Array(stored.value!), 200, {
    "Content-Type": info.type,
    "Cache-Control": "private, max-age=31536000, immutable",
    "Content-Disposition": "inline",
  });
});

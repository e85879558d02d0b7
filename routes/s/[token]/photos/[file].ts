/**
 * GET /s/:token/photos/:id.:ext: the photo of a piece in a shared look,
 * for the shared page. Only the photos the look shows are served, only
 * while it is shared (`no-cache`: asked again each time, 304 by ETag), and
 * with the type read from the bytes at upload. No session, no cookie.
 */
import { define, NOT_FOUND } from "../../../../lib/define.ts";
import { keys } from "../../../../lib/kv.ts";
import { parsePhotoFile } from "../../../../lib/photos/url.ts";
import { sharedPieces } from "../../../../lib/shares/pieces.ts";
import { findShared } from "../../../../lib/shares/store.ts";

export const GET = define.createHandlers(async (c) => {
  const { kv } = c.get("state");
  const ref = parsePhotoFile(c.req.param("file") ?? "");
  const shared = ref && await findShared(kv, c.req.param("token") ?? "");
  const shown = shared &&
    (await sharedPieces(kv, shared.owner, shared.look)).find((piece) =>
      piece.photo?.id === ref.id && piece.photo.type === ref.type
    );
  const bytes = shown &&
    (await kv.get<Uint8Array>(keys.photo(shared.owner, ref.id))).value;
  if (!bytes) {
    c.header("Cache-Control", "no-store");
    return c.json(NOT_FOUND, 404);
  }
  const etag = `"${ref.id}"`;
  c.header("Cache-Control", "public, no-cache");
  c.header("ETag", etag);
  c.header("X-Robots-Tag", "noindex");
  if (c.req.header("If-None-Match") === etag) return c.body(null, 304);
  return c.body(new Uint8Array(bytes), 200, {
    "Content-Type": ref.type,
    "Content-Disposition": "inline",
  });
});

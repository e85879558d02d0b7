/**
 * GET /s/:token/image.png: a shared look as a 1200 × 630 PNG, for the card
 * a chat or social app unfurls the link into. Drawn on the server and kept
 * (lib/shares/preview_image.ts); caches may store it but must ask again
 * each time (`no-cache`, answered 304 by its ETag while it is shared), so
 * a revoked link's image is gone at once. No session, no cookie.
 */
import { define, NOT_FOUND } from "../../../lib/define.ts";
import { sharedPieces } from "../../../lib/shares/pieces.ts";
import { previewImage, previewTag } from "../../../lib/shares/preview_image.ts";
import { findShared } from "../../../lib/shares/store.ts";

export const GET = define.createHandlers(async (c) => {
  const { kv } = c.get("state");
  const shared = await findShared(kv, c.req.param("token") ?? "");
  if (!shared) {
    c.header("Cache-Control", "no-store");
    return c.json(NOT_FOUND, 404);
  }
  const { look, owner } = shared;
  const pieces = await sharedPieces(kv, owner, look);
  const tag = await previewTag(look.title, pieces);
  const etag = `"${tag}"`;
  c.header("Cache-Control", "public, no-cache");
  c.header("ETag", etag);
  c.header("X-Robots-Tag", "noindex");
  if (c.req.header("If-None-Match") === etag) return c.body(null, 304);
  const png = await previewImage(kv, owner, look.title, pieces, tag);
  return c.body(new Uint8Array(png), 200, { "Content-Type": "image/png" });
});

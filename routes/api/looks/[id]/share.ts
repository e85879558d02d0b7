/**
 * POST /api/looks/:id/share: a public link to one of your looks, `{share:
 * {url: "/s/<token>"}, look}`: 201 when it is made, 200 with the same link
 * after that. DELETE: stop sharing; the link answers 404 from then on, and
 * sharing again makes a new one (`{share: null, look}`).
 */
import { define, NOT_FOUND } from "../../../../lib/define.ts";
import { type Look, LookId } from "../../../../lib/looks/look.ts";
import { shareLook, stopSharing } from "../../../../lib/shares/store.ts";
import { shareUrl } from "../../../../lib/shares/url.ts";
import { pathId } from "../../../../lib/validation.ts";

function answer(look: Look) {
  return {
    share: look.share ? { url: shareUrl(look.share.token) } : null,
    look,
  };
}

export const POST = define.createHandlers(pathId(LookId), async (c) => {
  const shared = await shareLook(
    c.get("state").kv,
    c.get("userId"),
    c.req.valid("param").id,
  );
  if (!shared) return c.json(NOT_FOUND, 404);
  return c.json(answer(shared.look), shared.created ? 201 : 200);
});

export const DELETE = define.createHandlers(pathId(LookId), async (c) => {
  const look = await stopSharing(
    c.get("state").kv,
    c.get("userId"),
    c.req.valid("param").id,
  );
  return look ? c.json(answer(look)) : c.json(NOT_FOUND, 404);
});

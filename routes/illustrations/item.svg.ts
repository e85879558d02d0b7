/**
 * GET /illustrations/item.svg?v=…&cat=…&n=…&c=…&p=…: the drawing of a piece
 * that has no photo (lib/illustrations/). The URL alone decides the picture,
 * so it is cached for a year, as long as it names the current version; a
 * page from before a redraw still gets a picture, just not a cached one.
 * The same for every shopper: served before the session, with no cookie.
 */
import { define } from "../../lib/define.ts";
import { parseIllustrationQuery } from "../../lib/illustrations/query.ts";
import { renderIllustration } from "../../lib/illustrations/render.ts";
import { ILLUSTRATION_VERSION } from "../../lib/illustrations/url.ts";

export const GET = define.createHandlers((c) => {
  const query = parseIllustrationQuery(new URL(c.req.url).searchParams);
  if (!query.ok) {
    c.header("Cache-Control", "no-store");
    return c.json({ error: "Invalid illustration", issues: query.issues }, 400);
  }
  const { version, ...spec } = query.value;
  c.header(
    "Cache-Control",
    version === ILLUSTRATION_VERSION
      ? "public, max-age=31536000, immutable"
      : "public, max-age=0, must-revalidate",
  );
  c.header("Content-Type", "image/svg+xml; charset=utf-8");
  return c.body(renderIllustration(spec));
});

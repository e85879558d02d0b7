/**
 * GET /s/:token: a look its owner shared, for anyone with the link. No
 * account and no cookie: the route runs before the session, so opening a
 * link neither reads nor makes a shopper. It shows the title and the
 * pieces (picture and name), nothing else of the owner's, asks search
 * engines not to index it, and names its preview image for link unfurls.
 * Revoked, it is a 404 at once: nothing of it is cached.
 */
import type { Context } from "hono";
import { listOf } from "../../components/item_words.ts";
import { Layout } from "../../components/layout.tsx";
import { type BoardItem, OutfitBoard } from "../../components/outfit_board.tsx";
import { define } from "../../lib/define.ts";
import { renderPage } from "../../lib/pages.ts";
import { photoFile } from "../../lib/photos/url.ts";
import { ownOrigin } from "../../lib/same_origin.ts";
import { type SharedPiece, sharedPieces } from "../../lib/shares/pieces.ts";
import { previewTag } from "../../lib/shares/preview_image.ts";
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from "../../lib/shares/preview_svg.ts";
import { findShared } from "../../lib/shares/store.ts";
import { ShareToken } from "../../lib/shares/token.ts";
import { shareUrl } from "../../lib/shares/url.ts";
import { NotFoundPage } from "../_404.tsx";

/** A photo is served through the link (the owner's own URL needs their cookie). */
function boardItem(piece: SharedPiece, link: string): BoardItem {
  const { photo, ...rest } = piece;
  return photo
    ? { ...rest, image_url: `${link}/photos/${photoFile(photo)}` }
    : rest;
}

function LinkPreview(
  { title, description, url, image }: {
    title: string;
    description: string;
    url: string;
    image: string;
  },
) {
  return (
    <>
      <meta name="robots" content="noindex" />
      <meta name="description" content={description} />
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content="Stylist" />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      <meta property="og:image" content={image} />
      <meta property="og:image:type" content="image/png" />
      <meta property="og:image:width" content={String(PREVIEW_WIDTH)} />
      <meta property="og:image:height" content={String(PREVIEW_HEIGHT)} />
      <meta property="og:image:alt" content={`${title}: ${description}`} />
      <meta name="twitter:card" content="summary_large_image" />
    </>
  );
}

function notShared(c: Context) {
  c.header("X-Robots-Tag", "noindex");
  return renderPage(
    c,
    <NotFoundPage
      what="look"
      why="Whoever shared it may have stopped sharing it"
      nav={false}
    />,
    404,
  );
}

/**
 * Any other path under /s/ (a pasted link with a slash too many, say):
 * the same 404, still before the session, so still no cookie.
 */
export const NOT_SHARED = define.createHandlers((c) => {
  const token = /^\/s\/([^/]+)\/$/.exec(c.req.path)?.[1];
  // A trailing slash on a real link is the link.
  if (token && ShareToken.safeParse(token).success && c.req.method === "GET") {
    return c.redirect(shareUrl(token), 301);
  }
  return notShared(c);
});

export const GET = define.createHandlers(async (c) => {
  const token = c.req.param("token") ?? "";
  const { kv } = c.get("state");
  const shared = await findShared(kv, token);
  c.header("X-Robots-Tag", "noindex");
  if (!shared) return notShared(c);
  const { look, owner } = shared;
  const pieces = await sharedPieces(kv, owner, look);
  const link = shareUrl(token);
  const origin = ownOrigin(c);
  // The image's URL changes with what it shows, so an unfurl made before a
  // photo changed is not reused for the new picture.
  const tag = await previewTag(look.title, pieces);
  const names = pieces.map((p) => p.name);
  const description = listOf([
    names[0],
    ...names.slice(1).map((n) => n.toLowerCase()),
  ]);
  return renderPage(
    c,
    <Layout
      title={look.title}
      nav={false}
      head={
        <LinkPreview
          title={look.title}
          description={description}
          url={origin + link}
          image={`${origin}${link}/image.png?v=${tag}`}
        />
      }
    >
      <article class="card shared-look" aria-labelledby="shared-title">
        <p class="eyebrow">A look put together with Stylist</p>
        <h1 id="shared-title" class="outfit-title">{look.title}</h1>
        <OutfitBoard
          items={pieces.map((piece) => boardItem(piece, link))}
          namesOnly
        />
      </article>
      <section class="card shared-invite" aria-labelledby="invite-title">
        <h2 id="invite-title">Style your own wardrobe</h2>
        <p>
          Stylist puts together outfits from the clothes you already own, for
          the day, the place and its weather. Try it with a sample wardrobe: no
          account needed.
        </p>
        <a class="button button-primary" href="/">Try Stylist</a>
      </section>
    </Layout>,
  );
});

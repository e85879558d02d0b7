/**
 * The HTTP app: shared middleware, then one line per route module. The
 * paths mirror the files under routes/, so a URL leads straight to its code.
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { compress } from "hono/compress";
import { HTTPException } from "hono/http-exception";
import { serveStatic } from "hono/deno";
import { h } from "preact";
import type { AppEnv, AppState } from "./define.ts";
import { NOT_FOUND } from "./define.ts";
import { ContendedWriteError } from "./kv.ts";
import { Refusal } from "./refusal.ts";
import { session } from "./session.ts";
import { bodyDeadline } from "./body_deadline.ts";
import { rememberSeen } from "./unseen_shoppers.ts";
import { type WriteLimits, writeRate } from "./write_rate.ts";
import { sameOrigin } from "./same_origin.ts";
import { securityHeaders } from "./security_headers.ts";
import * as generate from "../routes/api/outfits/generate.ts";
import * as job from "../routes/api/jobs/[id].ts";
import * as jobCancel from "../routes/api/jobs/[id]/cancel.ts";
import * as jobStream from "../routes/api/jobs/[id]/stream.ts";
import * as jobPacking from "../routes/api/jobs/[id]/packing.ts";
import * as wardrobe from "../routes/api/wardrobe/index.ts";
import * as wardrobeItems from "../routes/api/wardrobe/items.ts";
import * as wardrobeItem from "../routes/api/wardrobe/items/[id].ts";
import * as wardrobeReset from "../routes/api/wardrobe/reset.ts";
import * as wardrobeClear from "../routes/api/wardrobe/clear.ts";
import * as wardrobeKeep from "../routes/api/wardrobe/keep.ts";
import * as itemPhoto from "../routes/api/wardrobe/items/[id]/photo.ts";
import * as photo from "../routes/photos/[file].ts";
import * as looks from "../routes/api/looks/index.ts";
import * as look from "../routes/api/looks/[id].ts";
import * as lookWear from "../routes/api/looks/[id]/wears/[day].ts";
import * as lookShare from "../routes/api/looks/[id]/share.ts";
import * as sharedPage from "../routes/s/[token].tsx";
import * as sharedImage from "../routes/s/[token]/image.png.ts";
import * as sharedPhoto from "../routes/s/[token]/photos/[file].ts";
import * as home from "../routes/index.tsx";
import * as wardrobePage from "../routes/wardrobe.tsx";
import * as looksPage from "../routes/looks.tsx";
import * as occasionPage from "../routes/occasion.tsx";
import * as completePage from "../routes/complete.tsx";
import * as considerPage from "../routes/consider-buying/index.tsx";
import * as tripPage from "../routes/trip.tsx";
import * as considerOutfitsPage from "../routes/consider-buying/outfits.tsx";
import * as revealPage from "../routes/reveal.tsx";
import * as illustration from "../routes/illustrations/item.svg.ts";
import { NotFoundPage } from "../routes/_404.tsx";
import { renderPage } from "./pages.ts";

/** Larger than any honest request; the wardrobe item is the biggest. */
export const MAX_BODY_BYTES = 64 * 1024;

/** 64 KB in 10 s is 52 kbit/s: a phone on one bar still makes it. */
export const DEFAULT_BODY_TIMEOUT_MS = 10_000;

/** Built bundles carry a content hash in their name, so they never change. */
const HASHED_ASSET = /-[A-Za-z0-9]{8}\.(js|css|woff2)$/;

export type AppOptions = AppState & {
  sessionSecret: string;
  /** Origins besides the request's own trusted for state-changing requests. */
  allowedOrigins?: readonly string[];
  /** How fast a shopper and an address may write; unset, not limited. */
  writeLimits?: WriteLimits;
  /** How long a request body may take to arrive (0: for ever). */
  bodyTimeoutMs?: number;
};

export function createApp(options: AppOptions): Hono<AppEnv> {
  const {
    sessionSecret,
    allowedOrigins,
    writeLimits,
    bodyTimeoutMs = DEFAULT_BODY_TIMEOUT_MS,
    ...state
  } = options;
  const app = new Hono<AppEnv>();

  app.use(async function provideState(c, next) {
    c.set("state", state);
    await next();
  });
  // Outermost after state: every response (pages, API, SSE, assets, 404s,
  // errors) carries the headers; a forged cross-site write stops here,
  // before a session cookie is issued or anything is read or written.
  app.use(securityHeaders());
  app.use(sameOrigin(allowedOrigins));
  // Pages and assets go out compressed; never the API, where a compressor
  // would hold back SSE frames until its buffer fills.
  const gzip = compress();
  app.use(function compressPages(c, next) {
    return c.req.path.startsWith("/api/") ? next() : gzip(c, next);
  });
  // Before the session: assets need no cookie, and must not set one.
  app.use(
    "/static/*",
    serveStatic({
      root: decodeURIComponent(new URL("../static/", import.meta.url).pathname),
      rewriteRequestPath: (path) => path.replace(/^\/static/, ""),
      onFound: (path, c) => {
        c.header(
          "Cache-Control",
          HASHED_ASSET.test(path)
            ? "public, max-age=31536000, immutable"
            : "public, max-age=0, must-revalidate",
        );
      },
    }),
  );
  // Drawings are the same for every shopper: no session, no cookie.
  app.get("/illustrations/item.svg", ...illustration.GET);
  // A shared look is for anyone with the link: no session, no cookie.
  app.get("/s/:token", ...sharedPage.GET);
  app.get("/s/:token/image.png", ...sharedImage.GET);
  app.get("/s/:token/photos/:file", ...sharedPhoto.GET);
  app.all("/s/*", ...sharedPage.NOT_SHARED);
  app.all("/s", ...sharedPage.NOT_SHARED);
  app.use(session(sessionSecret));
  app.use(rememberSeen());
  if (writeLimits) {
    app.use("/api/*", writeRate(writeLimits, state.addressHeader));
  }
  app.use("/api/*", bodyDeadline(bodyTimeoutMs, MAX_BODY_BYTES));
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        c.json({ error: `Request body over ${MAX_BODY_BYTES} bytes` }, 413),
    }),
  );

  app.get("/", ...home.GET);
  app.get("/wardrobe", ...wardrobePage.GET);
  app.get("/looks", ...looksPage.GET);
  app.get("/occasion", ...occasionPage.GET);
  app.get("/complete", ...completePage.GET);
  app.get("/consider-buying", ...considerPage.GET);
  app.get("/trip", ...tripPage.GET);
  app.get("/consider-buying/outfits", ...considerOutfitsPage.GET);
  app.get("/reveal", ...revealPage.GET);
  app.get("/api/wardrobe", ...wardrobe.GET);
  app.post("/api/wardrobe/items", ...wardrobeItems.POST);
  app.put("/api/wardrobe/items/:id", ...wardrobeItem.PUT);
  app.delete("/api/wardrobe/items/:id", ...wardrobeItem.DELETE);
  app.post("/api/wardrobe/reset", ...wardrobeReset.POST);
  app.post("/api/wardrobe/clear", ...wardrobeClear.POST);
  app.post("/api/wardrobe/keep", ...wardrobeKeep.POST);
  app.put("/api/wardrobe/items/:id/photo", ...itemPhoto.PUT);
  app.delete("/api/wardrobe/items/:id/photo", ...itemPhoto.DELETE);
  app.get("/photos/:file", ...photo.GET);
  app.post("/api/outfits/generate", ...generate.POST);
  app.get("/api/jobs/:id", ...job.GET);
  app.get("/api/jobs/:id/stream", ...jobStream.GET);
  app.post("/api/jobs/:id/cancel", ...jobCancel.POST);
  app.get("/api/jobs/:id/packing", ...jobPacking.GET);
  app.put("/api/jobs/:id/packing", ...jobPacking.PUT);
  app.get("/api/looks", ...looks.GET);
  app.post("/api/looks", ...looks.POST);
  app.get("/api/looks/:id", ...look.GET);
  app.patch("/api/looks/:id", ...look.PATCH);
  app.put("/api/looks/:id/wears/:day", ...lookWear.PUT);
  app.delete("/api/looks/:id/wears/:day", ...lookWear.DELETE);
  app.post("/api/looks/:id/share", ...lookShare.POST);
  app.delete("/api/looks/:id/share", ...lookShare.DELETE);

  app.notFound((c) =>
    /^\/(api|static)\//.test(c.req.path) || c.req.method !== "GET"
      ? c.json(NOT_FOUND, 404)
      : renderPage(c, h(NotFoundPage, { what: "page" }), 404)
  );
  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      return c.json({ error: err.message }, err.status);
    }
    if (err instanceof ContendedWriteError) {
      console.warn(`Could not ${err.what}: too many concurrent writes`);
    }
    if (err instanceof Refusal) {
      // Nothing was written; the shopper is told why, and when to retry.
      if (err.retryAfterS) c.header("Retry-After", String(err.retryAfterS));
      return c.json({ error: err.message }, err.status);
    }
    console.error(`${c.req.method} ${c.req.path} failed:`, err);
    return c.json({ error: "Something went wrong on our side" }, 500);
  });
  return app;
}

/**
 * Cross-site request forgery stops here: a request that changes state (POST,
 * PUT, PATCH, DELETE) must come from one of our own pages. Browsers send
 * `Origin` on every such request, so a forged one from another site carries
 * that site's origin (or `null`) and is refused with 403 before the session
 * is read or anything is written. A request without `Origin` is not from a
 * browser page (curl, a server, the tests) and cannot ride a shopper's
 * cookie, so it is let through.
 */
import type { Context, MiddlewareHandler } from "hono";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const CROSS_ORIGIN_ERROR =
  "This request didn't come from a Stylist page, so it was refused.";

/** True when the shopper reached us over https, directly or via a proxy. */
export function isHttps(c: Context): boolean {
  const forwarded = c.req.header("x-forwarded-proto")?.split(",")[0].trim();
  return forwarded === "https" ||
    new URL(c.req.url).protocol === "https:";
}

/**
 * The origin the browser addressed: the request's host (the `Host` header,
 * which the URL is built from) and its scheme, https when a proxy says so.
 */
export function ownOrigin(c: Context): string {
  const url = new URL(c.req.url);
  return `${isHttps(c) ? "https:" : url.protocol}//${url.host}`;
}

/**
 * Refuses state-changing requests from other sites: an `Origin` that is
 * not this request's own, or `Sec-Fetch-Site: cross-site`. `allowedOrigins`
 * are extra origins trusted as our own (say, a second domain in front of the
 * same app), even though the browser calls them cross-site.
 */
export function sameOrigin(
  allowedOrigins: readonly string[] = [],
): MiddlewareHandler {
  const allowed = new Set(allowedOrigins);
  return async function sameOrigin(c, next) {
    if (STATE_CHANGING.has(c.req.method)) {
      const origin = c.req.header("origin");
      const trusted = origin !== undefined && allowed.has(origin);
      const foreign = origin !== undefined && origin !== ownOrigin(c);
      const crossSite = c.req.header("sec-fetch-site") === "cross-site";
      if (!trusted && (foreign || crossSite)) {
        return c.json({ error: CROSS_ORIGIN_ERROR }, 403);
      }
    }
    await next();
  };
}

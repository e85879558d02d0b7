/**
 * Headers every response carries, pages, API, streams and assets alike, so
 * the browser enforces what the app already does: scripts come only from our
 * own bundles, nothing frames us, nothing is sniffed into a script, and our
 * URLs (a reveal page names its job) don't leak to other sites.
 *
 * The headers are set after the handler has answered, on the response it
 * made, so a Server-Sent Events stream is not touched: no body is read,
 * wrapped or buffered.
 */
import type { MiddlewareHandler } from "hono";

/**
 * Why each source is there:
 * - `default-src 'self'`: anything not named below (fonts, media, workers,
 *   manifests) only from us.
 * - `script-src 'self'`: the island boot module and its chunks
 *   (`/static/build/…`, loaded by `<script type="module" src>` and
 *   `modulepreload`); no inline script, no `eval`.
 * - `style-src 'self'`: the one stylesheet; pages carry no `style`
 *   attributes (swatches are classes, the progress fill is SVG geometry).
 * - `img-src 'self' data: https: http:`: wardrobe items show photos from any
 *   web address the shopper gives (http or https); `data:` is the empty
 *   favicon (`<link rel="icon" href="data:,">`).
 * - `connect-src 'self'`: `fetch` to the API and `EventSource` streams.
 * - `object-src 'none'`, `base-uri 'none'`: no plugins, and no `<base>` that
 *   could re-point our relative script URLs.
 * - `form-action 'self'`: forms submit only to us.
 * - `frame-ancestors 'none'`: no other site may frame a page (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https: http:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  // Cross-site: the origin only, never a path (a reveal URL names its job),
  // and nothing on a downgrade to http. Same-origin requests keep their
  // referrer and, unlike with `no-referrer`, a same-origin form POST keeps
  // its real `Origin` (not `null`), which the same-origin check relies on.
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // `frame-ancestors` for browsers that predate it.
  "X-Frame-Options": "DENY",
};

export function securityHeaders(): MiddlewareHandler {
  return async function securityHeaders(c, next) {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      c.res.headers.set(name, value);
    }
  };
}

/**
 * What page routes share: rendering a document, and the two URL switches
 * that follow a shopper from a form to the reveal page (`?debug=true` for
 * the stylist's reasoning, `?stream=off` to force polling).
 */
import type { Context } from "hono";
import type { ComponentChildren } from "preact";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { renderDocument } from "./islands.ts";
import type { PageFlags } from "./client/api.ts";

export function pageFlags(c: Context): PageFlags {
  return {
    debug: c.req.query("debug") === "true",
    streamOff: c.req.query("stream") === "off",
  };
}

/** Answers with a rendered page; pages are per shopper, so never cached. */
export function renderPage(
  c: Context,
  page: ComponentChildren,
  status: ContentfulStatusCode = 200,
): Response {
  c.header("Cache-Control", "private, no-store");
  return c.html(renderDocument(page), status);
}

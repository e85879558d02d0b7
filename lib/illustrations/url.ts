/**
 * Where a piece's drawing is served. Shared by the server and the islands,
 * so it imports nothing at runtime: the drawings and the name → kind rules
 * stay on the server (routes/illustrations/item.svg.ts), and an island pays
 * for a query string, not for pictures.
 */
import type { ColorName } from "../colors.ts";

/**
 * Bump when a drawing or the name → kind rules change: browsers keep each
 * URL for a year (it is served `immutable`), so a new look needs a new URL.
 */
export const ILLUSTRATION_VERSION = "1";

export const ILLUSTRATION_PATH = "/illustrations/item.svg";

export type IllustratedItem = {
  name: string;
  category: string;
  colors: readonly ColorName[];
  pattern?: string;
};

/**
 * The URL of an item's drawing. The URL alone decides the picture, so the
 * same piece is one cached image on every page.
 *
 * @example illustrationUrl({ name: "Navy Breton striped tee", category: "top", colors: ["navy", "white"], pattern: "striped" })
 * // "/illustrations/item.svg?v=1&cat=top&n=Navy+Breton+striped+tee&c=navy%2Cwhite&p=striped"
 */
export function illustrationUrl(item: IllustratedItem): string {
  const query = new URLSearchParams({
    v: ILLUSTRATION_VERSION,
    cat: item.category,
    n: item.name,
    c: item.colors.join(","),
  });
  if (item.pattern && item.pattern !== "solid") query.set("p", item.pattern);
  return `${ILLUSTRATION_PATH}?${query}`;
}

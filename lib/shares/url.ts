/**
 * Where a shared look lives: `/s/` and its token. No imports: islands
 * bundle this to show the link a shopper shares.
 */

/** @example shareUrl("q4Z…") // "/s/q4Z…" */
export function shareUrl(token: string): string {
  return `/s/${token}`;
}

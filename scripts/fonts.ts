/**
 * The web fonts the stylesheet names, read from their npm package at build
 * time (so no font file is committed, and none is fetched from another
 * site at run time). Static imports, not a lookup by name: Deno fetches a
 * static graph whole before running, on a fresh clone too, and finds it in
 * its cache offline after that.
 *
 * base.css names each file as `url("fonts/NAME")`; scripts/build.ts writes
 * it into static/build/ under a hashed name and points the stylesheet at it.
 */
import frauncesLatin600 from "@fontsource/fraunces/files/fraunces-latin-600-normal.woff2" with {
  type: "bytes",
};
import frauncesLatinExt600 from "@fontsource/fraunces/files/fraunces-latin-ext-600-normal.woff2" with {
  type: "bytes",
};

export type FontFile = {
  bytes: Uint8Array;
  /**
   * Needed for the first paint of every page (the headings' Latin letters),
   * so the document preloads it; the others load only when a page uses a
   * character in their `unicode-range`.
   */
  preload: boolean;
};

export const FONT_FILES: Record<string, FontFile> = {
  "fraunces-latin-600-normal.woff2": {
    bytes: frauncesLatin600,
    preload: true,
  },
  "fraunces-latin-ext-600-normal.woff2": {
    bytes: frauncesLatinExt600,
    preload: false,
  },
};

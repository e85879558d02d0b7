/**
 * The document every page shares: head, site navigation, main content, and
 * (last, so it sees every island the page used) the island scripts.
 */
import type { ComponentChildren } from "preact";
import {
  fontPreloadUrls,
  IslandScripts,
  stylesheetUrls,
} from "../lib/islands.ts";

const NAV = [
  { href: "/wardrobe", label: "Wardrobe" },
  { href: "/looks", label: "Looks" },
  { href: "/occasion", label: "Occasion" },
  { href: "/complete", label: "Complete a look" },
  { href: "/consider-buying", label: "Consider buying" },
  { href: "/trip", label: "Trip" },
];

export type LayoutProps = {
  title: string;
  /** The path of the page, to mark its nav link as current. */
  path?: string;
  /** Debug mode (`?debug=true`) follows the shopper from page to page. */
  debug?: boolean;
  /** More of the head: a shared look's link preview (Open Graph). */
  head?: ComponentChildren;
  /**
   * False for a page a stranger opens (a shared look): the brand only, no
   * links into a wardrobe they do not have.
   */
  nav?: boolean;
  children: ComponentChildren;
};

export function withDebug(href: string, debug?: boolean): string {
  return debug ? `${href}${href.includes("?") ? "&" : "?"}debug=true` : href;
}

export function Layout(
  { title, path, debug, head, nav = true, children }: LayoutProps,
) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#f7f3ec" />
        <link rel="icon" href="data:," />
        {stylesheetUrls().map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {/* Fonts load in CORS mode, even from our own origin. */}
        {fontPreloadUrls().map((href) => (
          <link
            key={href}
            rel="preload"
            href={href}
            as="font"
            type="font/woff2"
            crossorigin="anonymous"
          />
        ))}
        <title>{title === "Stylist" ? title : `${title} · Stylist`}</title>
        {head}
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <nav class="site-nav" aria-label="Main">
            <a class="brand" href={withDebug("/", debug)}>Stylist</a>
            {nav && (
              <ul>
                {NAV.map(({ href, label }) => (
                  <li key={href}>
                    <a
                      href={withDebug(href, debug)}
                      aria-current={path === href ? "page" : undefined}
                    >
                      {label}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </nav>
        </header>
        <main id="main" class="page">{children}</main>
        <IslandScripts />
      </body>
    </html>
  );
}

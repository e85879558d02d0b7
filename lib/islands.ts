/**
 * Islands on the server: the one place that knows how a page's interactive
 * parts reach the browser.
 *
 * An island is a Preact component in `islands/NAME.tsx`. The server renders
 * it like any component, inside a marker element that names it and carries
 * its props as JSON:
 *
 *   <div data-island="reveal" data-props="{&quot;job_id&quot;:…}">…html…</div>
 *
 * The props ride in an attribute, which Preact escapes like any other, so no
 * shopper or model text can close a tag or open a script: there is no raw
 * JSON-in-`<script>` to escape. While a page renders, every island used is
 * noted; the document's last element ({@link IslandScripts}) then emits the
 * boot module (built by `scripts/build.ts`) and preloads for exactly those
 * islands. A page without islands gets no `<script>` at all.
 */
import {
  type ComponentChildren,
  type ComponentType,
  createContext,
  Fragment,
  h,
  type JSX,
} from "preact";
import { useContext } from "preact/hooks";
import { renderToString } from "preact-render-to-string";

/** Where `deno task build` writes bundles, and the URL they are served at. */
export const BUILD_DIR = new URL("../static/build/", import.meta.url);
export const BUILD_URL = "/static/build/";

/** What the build leaves for the server: hashed file names, by purpose. */
export type BuildManifest = {
  /** Hash of the sources the build read; `--if-needed` compares it. */
  inputs: string;
  boot: string;
  /** Files the boot module imports statically. */
  boot_deps: string[];
  styles: string;
  /** Font files every page's first paint needs (preloaded). */
  fonts?: string[];
  /** Per island: its module and the chunks it imports statically. */
  islands: Record<string, string[]>;
};

/**
 * A page render asks for the manifest several times; the file is looked at
 * again at most this often, so renders cost no file I/O while `deno task dev`
 * still picks up a rebuild within a second.
 */
const RECHECK_MS = 1_000;

let cached:
  | { checkedAt: number; mtime: number; manifest: BuildManifest | null }
  | null = null;
let warned = false;

/**
 * The build manifest, re-read only when the file changes (so `deno task dev`
 * picks up a rebuild without a restart). Null when nothing has been built.
 */
export function readManifest(): BuildManifest | null {
  const now = Date.now();
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached.manifest;
  const file = new URL("manifest.json", BUILD_DIR);
  try {
    const mtime = Deno.statSync(file).mtime?.getTime() ?? 0;
    if (cached?.mtime !== mtime || !cached.manifest) {
      const manifest = JSON.parse(Deno.readTextFileSync(file));
      cached = { checkedAt: now, mtime, manifest };
    }
    cached.checkedAt = now;
    return cached.manifest;
  } catch (err) {
    if (!(err instanceof Deno.errors.NotFound)) throw err;
    cached = { checkedAt: now, mtime: 0, manifest: null };
    if (!warned) {
      warned = true;
      console.warn(
        "No island bundles in static/build/: run `deno task build`. Pages render without JavaScript until then.",
      );
    }
    return null;
  }
}

/** The islands a page render has used so far, in order of appearance. */
const Used = createContext<Set<string> | null>(null);

/**
 * Makes a server-side wrapper for the island in `islands/${name}.tsx`. The
 * name must be the file's name: the boot module finds islands by it.
 *
 * @example
 * import Reveal from "../islands/reveal.tsx";
 * const RevealIsland = island("reveal", Reveal);
 * // in a page: <RevealIsland job_id={id} … />
 */
export function island<P extends object>(
  name: string,
  Component: ComponentType<P>,
): (props: P) => JSX.Element {
  return function IslandMarker(props: P) {
    const manifest = readManifest();
    // Checked at render, not import, so `deno task dev` survives the moment
    // between adding an island and its rebuild.
    if (manifest && !(name in manifest.islands)) {
      throw new Error(
        `Unknown island "${name}": expected islands/${name}.tsx in the build (run \`deno task build\`)`,
      );
    }
    useContext(Used)?.add(name);
    return h(
      "div",
      { "data-island": name, "data-props": JSON.stringify(props) },
      h(Component, props),
    );
  };
}

/**
 * The boot module and preloads for the islands rendered before it; nothing
 * when there were none. Must come last in the document.
 */
export function IslandScripts() {
  const used = useContext(Used);
  if (!used?.size) return null;
  const manifest = readManifest();
  if (!manifest) return null;
  const preload = new Set(manifest.boot_deps);
  for (const name of used) {
    for (const file of manifest.islands[name] ?? []) preload.add(file);
  }
  return h(
    Fragment,
    null,
    [...preload].map((file) =>
      h("link", { rel: "modulepreload", href: BUILD_URL + file })
    ),
    h("script", { type: "module", src: BUILD_URL + manifest.boot }),
  );
}

/** The stylesheets in static/css/, in cascade order; the build joins them. */
export const STYLESHEETS = ["base.css", "forms.css", "pages.css", "reveal.css"];

/** Stylesheet URLs: the one hashed file when built, the sources otherwise. */
export function stylesheetUrls(): string[] {
  const manifest = readManifest();
  return manifest
    ? [BUILD_URL + manifest.styles]
    : STYLESHEETS.map((file) => `/static/css/${file}`);
}

/** Fonts to preload: the few the first paint needs, none when unbuilt. */
export function fontPreloadUrls(): string[] {
  return (readManifest()?.fonts ?? []).map((file) => BUILD_URL + file);
}

/** Renders a whole document, tracking the islands it uses. */
export function renderDocument(page: ComponentChildren): string {
  const used = new Set<string>();
  return `<!doctype html>${
    renderToString(h(Used.Provider, { value: used }, page))
  }`;
}

/// <reference lib="dom" />
/**
 * Islands in the browser: the boot module's whole job. It finds the island
 * markers the server rendered (see lib/islands.ts), loads only those islands
 * and hydrates each with the props it was rendered with, so the first
 * client render matches the server's HTML and nothing flickers.
 *
 * `scripts/build.ts` generates the entry that calls {@link boot} with one
 * lazy loader per file in islands/; esbuild turns each `import()` into its
 * own chunk, so a page downloads only the islands it shows.
 */
import { type ComponentType, h, hydrate } from "preact";

// deno-lint-ignore no-explicit-any
type IslandModule = { default: ComponentType<any> };
export type IslandLoaders = Record<string, () => Promise<IslandModule>>;

export function boot(loaders: IslandLoaders): Promise<void[]> {
  const markers = document.querySelectorAll<HTMLElement>("[data-island]");
  return Promise.all([...markers].map(async (marker) => {
    const name = marker.dataset.island ?? "";
    const load = loaders[name];
    if (!load) {
      console.error(`No island named "${name}" in this build`);
      return;
    }
    const props = JSON.parse(marker.dataset.props ?? "{}");
    const { default: Island } = await load();
    hydrate(h(Island, props), marker);
    // Event handlers are attached now: tests (and curious humans) can tell.
    marker.dataset.hydrated = "true";
  }));
}

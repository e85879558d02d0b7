/**
 * GET /wardrobe: every piece as a card, with how often it was worn and what
 * each wear cost; add, edit, delete (with undo), reset; the sample wardrobe
 * a new shopper starts with is labelled, with ways to make it theirs.
 */
import { Layout } from "../components/layout.tsx";
import { define } from "../lib/define.ts";
import { BUILD_URL, island, readManifest } from "../lib/islands.ts";
import { pageFlags, renderPage } from "../lib/pages.ts";
import { serverDay } from "../lib/client/days.ts";
import { listLooks } from "../lib/looks/store.ts";
import { wearStats } from "../lib/looks/wear_stats.ts";
import { DEFAULT_CURRENCY } from "../lib/money.ts";
import { CATEGORIES, PATTERNS, SEASONS } from "../lib/schemas.ts";
import { readWardrobe } from "../lib/wardrobe.ts";
import WardrobeEditor from "../islands/wardrobe_editor.tsx";

const WardrobeEditorIsland = island("wardrobe_editor", WardrobeEditor);

export const GET = define.createHandlers(async (c) => {
  const { debug } = pageFlags(c);
  const { kv, currency } = c.get("state");
  const userId = c.get("userId");
  const [{ items, sample }, looks] = await Promise.all([
    readWardrobe(kv, userId),
    listLooks(kv, userId),
  ]);
  const owned = new Set(items.map((item) => item.id));
  // Only pieces still in the wardrobe: a look remembers deleted ones too.
  const wear = Object.fromEntries(
    [...wearStats(looks)].filter(([id]) => owned.has(id)),
  );
  return renderPage(
    c,
    <Layout title="Your wardrobe" path="/wardrobe" debug={debug}>
      <h1>Your wardrobe</h1>
      <p class="lede">
        The stylist only uses what is here. Pieces without a photo are drawn in
        their colours and pattern.
      </p>
      <WardrobeEditorIsland
        items={items}
        form_url={BUILD_URL + (readManifest()?.islands.item_editor?.[0] ?? "")}
        sample={sample}
        options={{
          categories: CATEGORIES,
          patterns: PATTERNS,
          seasons: SEASONS,
        }}
        wear={wear}
        currency={currency ?? DEFAULT_CURRENCY}
        today={serverDay()}
      />
    </Layout>,
  );
});

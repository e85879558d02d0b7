/** GET /wardrobe: every piece as a card; add, edit, delete, reset. */
import { Layout } from "../components/layout.tsx";
import { define } from "../lib/define.ts";
import { island } from "../lib/islands.ts";
import { pageFlags, renderPage } from "../lib/pages.ts";
import { CATEGORIES, PATTERNS, SEASONS } from "../lib/schemas.ts";
import { listWardrobe } from "../lib/wardrobe.ts";
import WardrobeEditor from "../islands/wardrobe_editor.tsx";

const WardrobeEditorIsland = island("wardrobe_editor", WardrobeEditor);

export const GET = define.createHandlers(async (c) => {
  const { debug } = pageFlags(c);
  const items = await listWardrobe(c.get("state").kv, c.get("userId"));
  return renderPage(
    c,
    <Layout title="Your wardrobe" path="/wardrobe" debug={debug}>
      <h1>Your wardrobe</h1>
      <p class="lede">
        The stylist only uses what is here. Pieces without a photo show their
        colours.
      </p>
      <WardrobeEditorIsland
        items={items}
        options={{
          categories: CATEGORIES,
          patterns: PATTERNS,
          seasons: SEASONS,
        }}
      />
    </Layout>,
  );
});

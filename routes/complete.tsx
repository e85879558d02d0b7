/** GET /complete: pick the pieces to build outfits around. */
import { EmptyWardrobe } from "../components/empty_wardrobe.tsx";
import { shownPiece } from "../components/item_visual.tsx";
import { countedCategory } from "../components/item_words.ts";
import { Layout } from "../components/layout.tsx";
import { define } from "../lib/define.ts";
import { island } from "../lib/islands.ts";
import { pageFlags, renderPage } from "../lib/pages.ts";
import type { Category, WardrobeItem } from "../lib/schemas.ts";
import { listWardrobe } from "../lib/wardrobe.ts";
import { dayDefaults } from "../lib/last_place.ts";
import CompleteForm, {
  type CategoryChoice,
} from "../islands/complete_form.tsx";

const CompleteFormIsland = island("complete_form", CompleteForm);

/** Why this flow needs pieces, before any submit. */
const AROUND_YOURS =
  "Stylist builds outfits around pieces you choose from your wardrobe, so it needs a few first.";

/** What the category filter calls each category: "Tops", "Accessories". */
function labelOf(category: Category): string {
  const many = countedCategory(category, 2);
  return many[0].toUpperCase() + many.slice(1);
}

/** The categories the wardrobe has, in its order (it is sorted by them). */
function categoriesOf(items: readonly WardrobeItem[]): CategoryChoice[] {
  const counts = new Map<Category, number>();
  for (const { category } of items) {
    counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return [...counts].map(([id, count]) => ({ id, label: labelOf(id), count }));
}

export const GET = define.createHandlers(async (c) => {
  const flags = pageFlags(c);
  const { kv } = c.get("state");
  const items = await listWardrobe(kv, c.get("userId"));
  return renderPage(
    c,
    <Layout title="Complete a look" path="/complete" debug={flags.debug}>
      <h1>Complete a look</h1>
      <p class="lede">
        Choose one to three pieces; every outfit will include them all.
      </p>
      {items.length
        ? (
          <CompleteFormIsland
            items={items.map((item) => shownPiece(item))}
            categories={categoriesOf(items)}
            flags={flags}
            day={await dayDefaults(kv, c.get("userId"))}
          />
        )
        : <EmptyWardrobe why={AROUND_YOURS} debug={flags.debug} />}
    </Layout>,
  );
});

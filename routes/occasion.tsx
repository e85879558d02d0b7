/** GET /occasion: choose what to dress for. */
import { EmptyWardrobe, TO_DRESS_YOU } from "../components/empty_wardrobe.tsx";
import { Layout } from "../components/layout.tsx";
import { define } from "../lib/define.ts";
import { island } from "../lib/islands.ts";
import { pageFlags, renderPage } from "../lib/pages.ts";
import { OCCASION_IDS, OCCASIONS } from "../lib/schemas.ts";
import { listWardrobe } from "../lib/wardrobe.ts";
import { dayDefaults } from "../lib/last_place.ts";
import OccasionForm from "../islands/occasion_form.tsx";

const OccasionFormIsland = island("occasion_form", OccasionForm);

export const GET = define.createHandlers(async (c) => {
  const flags = pageFlags(c);
  const { kv } = c.get("state");
  const items = await listWardrobe(kv, c.get("userId"));
  return renderPage(
    c,
    <Layout title="Dress for an occasion" path="/occasion" debug={flags.debug}>
      <h1>Dress for an occasion</h1>
      <p class="lede">
        Pick the moment; the stylist puts together three outfits for it from
        your wardrobe.
      </p>
      {items.length
        ? (
          <OccasionFormIsland
            occasions={OCCASION_IDS.map((id) => ({
              id,
              label: OCCASIONS[id],
            }))}
            flags={flags}
            day={await dayDefaults(kv, c.get("userId"))}
          />
        )
        : (
          <EmptyWardrobe
            why={TO_DRESS_YOU}
            debug={flags.debug}
          />
        )}
    </Layout>,
  );
});

/** GET /trip: plan a trip's outfits and what to pack for them. */
import { EmptyWardrobe, TO_DRESS_YOU } from "../components/empty_wardrobe.tsx";
import { Layout } from "../components/layout.tsx";
import { define } from "../lib/define.ts";
import { island } from "../lib/islands.ts";
import { pageFlags, renderPage } from "../lib/pages.ts";
import { OCCASION_IDS, OCCASIONS } from "../lib/schemas.ts";
import { listWardrobe } from "../lib/wardrobe.ts";
import { serverDay } from "../lib/client/days.ts";
import { MAX_TRIP_DAYS } from "../lib/flows/trip.ts";
import TripForm from "../islands/trip_form.tsx";

const TripFormIsland = island("trip_form", TripForm);

export const GET = define.createHandlers(async (c) => {
  const flags = pageFlags(c);
  const { kv } = c.get("state");
  const items = await listWardrobe(kv, c.get("userId"));
  return renderPage(
    c,
    <Layout title="Pack for a trip" path="/trip" debug={flags.debug}>
      <h1>Pack for a trip</h1>
      <p class="lede">
        Say where and for how long: the stylist dresses each day for its
        forecast, reuses pieces across days, and hands you the packing list.
      </p>
      {items.length
        ? (
          <TripFormIsland
            occasions={OCCASION_IDS.map((id) => ({
              id,
              label: OCCASIONS[id],
            }))}
            flags={flags}
            today={serverDay()}
            max_days={MAX_TRIP_DAYS}
          />
        )
        : <EmptyWardrobe why={TO_DRESS_YOU} debug={flags.debug} />}
    </Layout>,
  );
});

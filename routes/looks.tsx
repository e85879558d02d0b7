/**
 * GET /looks: the outfits a shopper saved, wore or shared, the most recently
 * touched first, each with how often it was worn. Rendered whole on the
 * server; one island makes the buttons work. With no looks yet the page says
 * how to get some, and ships no JavaScript.
 */
import { shownPiece } from "../components/item_visual.tsx";
import { Layout, withDebug } from "../components/layout.tsx";
import type { CardItem } from "../components/outfit_card.tsx";
import { serverDay } from "../lib/client/days.ts";
import { lookSeed } from "../lib/client/looks.ts";
import { define } from "../lib/define.ts";
import { island } from "../lib/islands.ts";
import type { Look } from "../lib/looks/look.ts";
import { listedLooks } from "../lib/looks/store.ts";
import { pageFlags, renderPage } from "../lib/pages.ts";
import { CANDIDATE_ID, OCCASIONS, type WardrobeItem } from "../lib/schemas.ts";
import { listWardrobe } from "../lib/wardrobe.ts";
import { FLOWS } from "../lib/flows/mod.ts";
import Looks, { type LookCardData } from "../islands/looks.tsx";

const LooksIsland = island("looks", Looks);

/** What a card shows of a look: no more than it needs, as props are sent. */
function cardOf(
  look: Look,
  owned: ReadonlyMap<string, WardrobeItem>,
): LookCardData {
  const notes: Record<string, string> = {};
  const items: CardItem[] = look.items.map((item) => {
    if (item.id === CANDIDATE_ID) {
      notes[item.id] = "The piece you were thinking of buying";
    } else if (!owned.has(item.id)) {
      notes[item.id] = "No longer in your wardrobe";
    }
    // The piece's photo as it is now: the look's copy may name bytes since
    // replaced or deleted with the piece (then it is drawn instead).
    return shownPiece(item, owned.get(item.id)?.photo);
  });
  return {
    id: look.id,
    title: look.title,
    tip: look.tip,
    items,
    eyebrow: FLOWS[look.from.mode].copy.from,
    ...(look.occasions?.length
      ? { suits: look.occasions.map((o) => OCCASIONS[o]) }
      : {}),
    notes,
    seed: lookSeed(look),
  };
}

const WAYS = [
  { href: "/occasion", label: "Dress for an occasion" },
  { href: "/complete", label: "Complete a look" },
  { href: "/consider-buying", label: "Consider buying" },
  { href: "/trip", label: "Pack for a trip" },
];

function NoLooks({ debug }: { debug: boolean }) {
  return (
    <section class="card looks-empty" aria-labelledby="looks-empty-title">
      <h2 id="looks-empty-title">No looks yet</h2>
      <p>
        When the stylist shows you outfits, press <strong>Save</strong>{" "}
        on the ones you love, or <strong>Wore it today</strong>{" "}
        when you put one on. They will wait for you here.
      </p>
      <ul class="looks-ways">
        {WAYS.map(({ href, label }) => (
          <li key={href}>
            <a class="button" href={withDebug(href, debug)}>{label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export const GET = define.createHandlers(async (c) => {
  const { debug } = pageFlags(c);
  const { kv } = c.get("state");
  const userId = c.get("userId");
  const [looks, wardrobe] = await Promise.all([
    listedLooks(kv, userId),
    listWardrobe(kv, userId),
  ]);
  const owned = new Map(wardrobe.map((item) => [item.id, item]));
  return renderPage(
    c,
    <Layout title="Your looks" path="/looks" debug={debug}>
      <h1>Your looks</h1>
      <p class="lede">
        Outfits you saved, wore or shared, the latest first. Your stylist leans
        towards the ones you like and gives the ones you just wore a rest.
      </p>
      {looks.length
        ? (
          <LooksIsland
            looks={looks.map((look) => cardOf(look, owned))}
            today={serverDay()}
          />
        )
        : <NoLooks debug={debug} />}
    </Layout>,
  );
});

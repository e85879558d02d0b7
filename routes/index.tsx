/**
 * GET /: the four flows and the wardrobe at a glance. No island: this page
 * ships no JavaScript.
 */
import { EmptyWardrobe, TO_DRESS_YOU } from "../components/empty_wardrobe.tsx";
import { Layout, withDebug } from "../components/layout.tsx";
import { ItemVisual } from "../components/item_visual.tsx";
import { countedCategory } from "../components/item_words.ts";
import { define } from "../lib/define.ts";
import { pageFlags, renderPage } from "../lib/pages.ts";
import { CATEGORIES, type WardrobeItem } from "../lib/schemas.ts";
import { readWardrobe } from "../lib/wardrobe.ts";

const FLOWS = [
  {
    href: "/occasion",
    title: "Dress for an occasion",
    text: "Work, a date, a wedding: pick the moment, get three outfits for it.",
  },
  {
    href: "/complete",
    title: "Complete a look",
    text: "Choose one to three pieces you want to wear; we build around them.",
  },
  {
    href: "/consider-buying",
    title: "Consider buying",
    text:
      "Thinking of a new piece? See what it would unlock with what you own.",
  },
  {
    href: "/trip",
    title: "Pack for a trip",
    text:
      "Where and how long: an outfit for each day's forecast, and the packing list.",
  },
];

/** Enough to recognise a category at a glance on a phone. */
const GLANCE_PIECES = 5;

/**
 * Said before anything else on the page while the shopper is trying the
 * sample: outfits from it are made of someone else's clothes.
 */
function SampleNote({ debug }: { debug: boolean }) {
  return (
    <p class="notice sample-note">
      This is a sample wardrobe to try Stylist with.{" "}
      <a href={withDebug("/wardrobe", debug)}>Make it yours</a>: start empty, or
      keep these pieces and edit them.
    </p>
  );
}

function WardrobeGlance(
  { items, sample, debug }: {
    items: WardrobeItem[];
    sample: boolean;
    debug: boolean;
  },
) {
  const counts = CATEGORIES.map((category) => ({
    category,
    items: items.filter((item) => item.category === category),
  })).filter((group) => group.items.length);
  return (
    <section class="card glance" aria-labelledby="glance-title">
      <h2 id="glance-title">
        {sample ? "The sample wardrobe" : "Your wardrobe"}
      </h2>
      <p>
        {items.length} {items.length === 1 ? "piece" : "pieces"}.{" "}
        <a href={withDebug("/wardrobe", debug)}>
          {sample ? "Make it yours" : "Add, edit or reset"}
        </a>
      </p>
      <ul class="glance-list">
        {counts.map(({ category, items }) => (
          <li key={category}>
            <span class="glance-label">
              <span class="glance-count">{items.length}</span>{" "}
              {countedCategory(category, items.length)}
            </span>
            {/* A few of the pieces themselves, as the shopper knows them. */}
            <span class="glance-pieces">
              {items.slice(0, GLANCE_PIECES).map((item) => (
                <ItemVisual key={item.id} item={item} />
              ))}
            </span>
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
  const { items, sample } = await readWardrobe(kv, userId);
  return renderPage(
    c,
    <Layout title="Stylist" path="/" debug={debug}>
      <section class="hero">
        <h1>Three outfits from your own wardrobe, styled while you watch.</h1>
        <p class="lede">
          Choose what you need. Each outfit appears the moment it is ready.
        </p>
        {sample && <SampleNote debug={debug} />}
      </section>
      {!items.length && <EmptyWardrobe why={TO_DRESS_YOU} debug={debug} />}
      <ul class="flows">
        {FLOWS.map((flow) => (
          <li key={flow.href} class="card flow">
            <h2>
              <a href={withDebug(flow.href, debug)}>{flow.title}</a>
            </h2>
            <p>{flow.text}</p>
          </li>
        ))}
      </ul>
      {items.length > 0 && (
        <WardrobeGlance items={items} sample={sample} debug={debug} />
      )}
    </Layout>,
  );
});

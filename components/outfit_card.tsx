/**
 * One outfit as a card: its title, its pieces as a board of pictures and
 * the stylist's tip, with room below for what the page adds (how often it
 * was worn, the buttons).
 * The reveal page and /looks share it, so an outfit looks the same on both.
 */
import type { ComponentChildren } from "preact";
import { listOf } from "./item_words.ts";
import { type BoardItem, OutfitBoard } from "./outfit_board.tsx";

export type CardItem = BoardItem;
export type CardOutfit = { title: string; tip: string; items: CardItem[] };

export type OutfitCardProps = {
  outfit: CardOutfit;
  /** The small line above the title ("Outfit 2", "Saved 28 November"). */
  eyebrow: string;
  headingId: string;
  /** Labels of the occasions it suits, when it was asked for several. */
  suits?: readonly string[];
  /** A trip's day: its forecast ("−3° to 2°, rain likely"). */
  weather?: string;
  /** A word on some pieces, by id ("No longer in your wardrobe"). */
  notes?: Readonly<Record<string, string>>;
  /**
   * The piece the shopper is thinking of buying, marked New so they see how
   * it is worn (/looks says it in a note instead: by then it may be bought).
   */
  newId?: string;
  /** The pieces the shopper asked to build around (complete a look). */
  anchorIds?: readonly string[];
  children?: ComponentChildren;
};

export function OutfitCard(
  {
    outfit,
    eyebrow,
    headingId,
    suits,
    weather,
    notes,
    newId,
    anchorIds,
    children,
  }: OutfitCardProps,
) {
  return (
    <article class="card outfit-card" aria-labelledby={headingId}>
      <p class="eyebrow">{eyebrow}</p>
      <h2 id={headingId} class="outfit-title">{outfit.title}</h2>
      {weather && <p class="outfit-suits outfit-weather">{weather}</p>}
      {suits?.length
        ? (
          <p class="outfit-suits">
            Suits {listOf(suits.map((label) => label.toLowerCase()))}
          </p>
        )
        : null}
      <OutfitBoard
        items={outfit.items}
        notes={notes}
        newId={newId}
        anchorIds={anchorIds}
      />
      <p class="tip">
        <strong>Tip:</strong> {outfit.tip}
      </p>
      {children}
    </article>
  );
}

/** Where an outfit will appear, so cards do not push the page around. */
export function OutfitPlaceholder(
  { label, active }: { label: string; active: boolean },
) {
  return (
    <div class={`card outfit-placeholder${active ? " is-active" : ""}`}>
      <p class="eyebrow">{label}</p>
      <p class="muted">{active ? "Being styled…" : "Up next"}</p>
    </div>
  );
}

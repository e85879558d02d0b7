/**
 * One outfit as a card: its title, its pieces and the stylist's tip, with
 * room below for what the page adds (how often it was worn, the buttons).
 * The reveal page and /looks share it, so an outfit looks the same on both.
 */
import type { ComponentChildren } from "preact";
import { ItemVisual, type VisualItem } from "./item_visual.tsx";

export type CardItem = VisualItem & { id: string; category: string };
export type CardOutfit = { title: string; tip: string; items: CardItem[] };

/**
 * Words in a list as a person writes them.
 *
 * @example listOf(["work", "date night", "wedding guest"]) // "work, date night and wedding guest"
 */
export function listOf(words: readonly string[]): string {
  return words.length < 2
    ? words.join("")
    : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

export type OutfitCardProps = {
  outfit: CardOutfit;
  /** The small line above the title ("Outfit 2", "Saved 28 November"). */
  eyebrow: string;
  headingId: string;
  /** Labels of the occasions it suits, when it was asked for several. */
  suits?: readonly string[];
  /** A word on some pieces, by id ("No longer in your wardrobe"). */
  notes?: Readonly<Record<string, string>>;
  /**
   * The piece the shopper is thinking of buying, marked New so they see how
   * it is worn (/looks says it in a note instead: by then it may be bought).
   */
  newId?: string;
  children?: ComponentChildren;
};

export function OutfitCard(
  { outfit, eyebrow, headingId, suits, notes, newId, children }:
    OutfitCardProps,
) {
  return (
    <article class="card outfit-card" aria-labelledby={headingId}>
      <p class="eyebrow">{eyebrow}</p>
      <h2 id={headingId} class="outfit-title">{outfit.title}</h2>
      {suits?.length
        ? (
          <p class="outfit-suits">
            Suits {listOf(suits.map((label) => label.toLowerCase()))}
          </p>
        )
        : null}
      <ul class="outfit-items">
        {outfit.items.map((item) => (
          <li
            key={item.id}
            class={`outfit-item${item.id === newId ? " is-new" : ""}`}
          >
            <ItemVisual item={item} />
            <span class="outfit-item-text">
              {item.id === newId
                ? (
                  <span>
                    <span class="item-name">{item.name}</span> <NewMark />
                  </span>
                )
                : <span class="item-name">{item.name}</span>}
              <span class="muted">{item.category}</span>
              {notes?.[item.id] && (
                <span class="item-note">{notes[item.id]}</span>
              )}
            </span>
          </li>
        ))}
      </ul>
      <p class="tip">
        <strong>Tip:</strong> {outfit.tip}
      </p>
      {children}
    </article>
  );
}

/** "New" to the eye; the whole phrase to a screen reader. */
function NewMark() {
  return (
    <span class="item-new">
      New
      <span class="visually-hidden">
        : the piece you're thinking of buying
      </span>
    </span>
  );
}

/** Where an outfit will appear, so cards do not push the page around. */
export function OutfitPlaceholder(
  { number, active }: { number: number; active: boolean },
) {
  return (
    <div class={`card outfit-placeholder${active ? " is-active" : ""}`}>
      <p class="eyebrow">Outfit {number}</p>
      <p class="muted">{active ? "Being styled…" : "Up next"}</p>
    </div>
  );
}

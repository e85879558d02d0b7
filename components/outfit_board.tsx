/**
 * An outfit's pieces as a flat-lay board: clothes large, shoes, bags and
 * accessories smaller, each named underneath. The piece the shopper is
 * thinking of buying, or the pieces they asked to build around, are marked
 * on their picture.
 */
import { ItemVisual, type VisualItem } from "./item_visual.tsx";
import { categoryName } from "./item_words.ts";
import type { Category } from "../lib/schemas.ts";
import { DISPLAY_RANK } from "../lib/stylist/wearable.ts";

export type BoardItem = VisualItem & { id: string; category: string };

const CLOTHES = new Set(["outerwear", "top", "dress", "bottom"]);

/** Top to bottom as they are worn, the layer first; then what goes with. */
const place = (category: string) => DISPLAY_RANK[category as Category] ?? 9;

export type OutfitBoardProps = {
  items: readonly BoardItem[];
  /** A word on some pieces, by id ("No longer in your wardrobe"). */
  notes?: Readonly<Record<string, string>>;
  /** The piece being considered: marked New. */
  newId?: string;
  /** The pieces the outfit was built around: marked as the shopper's pick. */
  anchorIds?: readonly string[];
  /** Captions with the names alone (a shared look shows no more). */
  namesOnly?: boolean;
};

export function OutfitBoard(
  { items, notes, newId, anchorIds = [], namesOnly }: OutfitBoardProps,
) {
  const placed = [...items].sort((a, b) =>
    place(a.category) - place(b.category)
  );
  return (
    <ul class="board outfit-items">
      {placed.map((item) => {
        const mark = item.id === newId
          ? <NewMark />
          : anchorIds.includes(item.id)
          ? <PickMark />
          : null;
        const size = CLOTHES.has(item.category) ? "is-main" : "is-small";
        return (
          <li
            key={item.id}
            class={`outfit-item board-piece ${size} board-${item.category}${
              mark ? " is-marked" : ""
            }`}
          >
            <ItemVisual item={item} />
            <span class="board-caption">
              <span class="item-name">{item.name}</span>
              {mark && " "}
              {mark}
              {!namesOnly && (
                <span class="muted">{categoryName(item.category)}</span>
              )}
              {notes?.[item.id] && (
                <span class="item-note">{notes[item.id]}</span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
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

function PickMark() {
  return (
    <span class="item-pick">
      Your pick
      <span class="visually-hidden">: a piece you chose to build around</span>
    </span>
  );
}

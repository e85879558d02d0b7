/**
 * The wardrobe island's pieces of markup (the island holds the state and
 * passes the actions): the sample every new shopper starts with, labelled
 * as such with ways to make it theirs; the empty wardrobe; a piece's card;
 * and the toast that says what just happened, with Undo when there is a
 * way back.
 */
import type { WardrobeItem } from "../lib/schemas.ts";
import type { WearStats } from "../lib/looks/wear_stats.ts";
import { ItemVisual } from "./item_visual.tsx";
import { ItemWear } from "./item_wear.tsx";
import { categoryName } from "./item_words.ts";

type Action = () => void;

/**
 * What Undo cannot bring back of `gone` (it adds them anew: new ids, no
 * photos, no wear history), said with the removal, before it is needed.
 */
export function undoCaveat(
  gone: readonly WardrobeItem[],
  wear: Readonly<Record<string, WearStats>>,
): string {
  const one = gone.length === 1;
  const lost = [
    gone.some((i) => i.photo) && (one ? "its photo" : "their photos"),
    gone.some((i) => wear[i.id]) && `${one ? "its" : "their"} wear history`,
  ].filter(Boolean);
  return lost.length
    ? ` Undo brings ${one ? "it" : "them"} back without ${lost.join(" or ")}.`
    : "";
}

export function SampleBanner(
  { onClear, onKeep }: { onClear: Action; onKeep: Action },
) {
  return (
    <section class="card sample-banner" aria-labelledby="sample-title">
      <h2 id="sample-title">This is a sample wardrobe</h2>
      <p>
        Try Stylist with these pieces, then make the wardrobe yours: start empty
        and add your own, or keep these and change what you like.
      </p>
      <div class="actions">
        <button type="button" class="button" onClick={onClear}>
          Start empty
        </button>
        <button type="button" class="button" onClick={onKeep}>
          Keep these pieces
        </button>
      </div>
    </section>
  );
}

/** Above the grid; no Reset while the wardrobe is still the sample. */
export function Toolbar(
  { count, onIntent, onAdd, onReset }: {
    count: number;
    onIntent: Action;
    onAdd: Action;
    onReset?: Action;
  },
) {
  return (
    <div class="toolbar">
      <p class="count" id="count" tabIndex={-1}>
        {count} {count === 1 ? "piece" : "pieces"}
      </p>
      <button
        type="button"
        id="add-item"
        class="button button-primary"
        onPointerEnter={onIntent}
        onFocus={onIntent}
        onClick={onAdd}
      >
        Add an item
      </button>
      {onReset && (
        <button type="button" class="button button-quiet" onClick={onReset}>
          Reset to sample wardrobe
        </button>
      )}
    </div>
  );
}

/** The wardrobe with nothing in it (the other pages link here). */
export function EmptyEditor(
  { onAdd, onReset }: { onAdd: Action; onReset: Action },
) {
  return (
    <section class="card empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title" tabIndex={-1}>Your wardrobe is empty</h2>
      <p>
        Add the pieces you own: the stylist makes every outfit from them. A top,
        a bottom and shoes, or a dress and shoes, are enough to start.
      </p>
      <div class="actions">
        <button
          type="button"
          id="add-item"
          class="button button-primary"
          onClick={onAdd}
        >
          Add your first piece
        </button>
        <button type="button" class="button" onClick={onReset}>
          Use the sample wardrobe
        </button>
      </div>
    </section>
  );
}

export type ItemCardProps = {
  item: WardrobeItem;
  stats?: WearStats;
  currency: string;
  today: string;
  /** The shopper may be about to edit: fetch the form's code early. */
  onIntent: Action;
  onEdit: Action;
  onDelete: Action;
};

export function ItemCard(
  { item, stats, currency, today, onIntent, onEdit, onDelete }: ItemCardProps,
) {
  return (
    <li class="card item-card">
      <ItemVisual item={item} />
      <h2 class="item-name">{item.name}</h2>
      <p class="muted">
        {categoryName(item.category)} · {item.colors.join(", ")}
      </p>
      <ItemWear
        price={item.price}
        stats={stats}
        currency={currency}
        today={today}
      />
      <div class="actions">
        <button
          type="button"
          // Focus comes back here when the form closes.
          id={`edit-${item.id}`}
          class="button button-small"
          aria-label={`Edit ${item.name}`}
          onPointerEnter={onIntent}
          onFocus={onIntent}
          onClick={onEdit}
        >
          Edit
        </button>
        <button
          type="button"
          class="button button-small button-quiet"
          aria-label={`Delete ${item.name}`}
          onClick={onDelete}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

/**
 * What just happened, pinned to the foot of the screen so it is seen
 * wherever the shopper was. Screen readers hear it from the island's live
 * region instead (this one appears with its text, too late to be read).
 */
export function Toast(
  { said, onUndo, onDismiss }: {
    said: string;
    onUndo?: Action;
    onDismiss: Action;
  },
) {
  return (
    <div class="toast">
      <p aria-hidden="true">{said}</p>
      {onUndo && (
        <button
          type="button"
          id="undo"
          class="button button-small"
          onClick={onUndo}
        >
          Undo
        </button>
      )}
      <button
        type="button"
        class="button button-small button-quiet"
        aria-label="Dismiss"
        onClick={onDismiss}
      >
        ×
      </button>
    </div>
  );
}

/**
 * The wardrobe page come alive: add, edit and delete items, with a photo
 * if the shopper likes, or go back to the sample wardrobe. Every change
 * goes through the API, and the grid shows what the server answered. Wear
 * counts come from the server by item id, so an edited piece keeps its own
 * (and a new price its cost per wear).
 */
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { ItemForm, type ItemOptions } from "../components/item_form.tsx";
import { ItemVisual } from "../components/item_visual.tsx";
import { ItemWear } from "../components/item_wear.tsx";
import { sendJson } from "../lib/client/api.ts";
import { applyPhoto, type PhotoChange } from "../lib/client/photo_upload.ts";
import { useToday } from "../lib/client/days.ts";
import type { WearStats } from "../lib/looks/wear_stats.ts";
import type { NewWardrobeItem, WardrobeItem } from "../lib/schemas.ts";

export type WardrobeEditorProps = {
  items: WardrobeItem[];
  options: ItemOptions;
  /** How often each piece was worn, by item id (pieces never worn: none). */
  wear: Record<string, WearStats>;
  /** The currency prices are in (`CURRENCY`). */
  currency: string;
  /** The server's date, until the browser knows the shopper's own. */
  today: string;
};

/** Category order as the server sorts, then name. */
function sorted(items: WardrobeItem[], options: ItemOptions): WardrobeItem[] {
  const rank = (c: string) => options.categories.indexOf(c);
  return [...items].sort((a, b) =>
    rank(a.category) - rank(b.category) || a.name.localeCompare(b.name)
  );
}

export default function WardrobeEditor(
  { items, options, wear, currency, today: serverToday }: WardrobeEditorProps,
) {
  const list = useSignal(items);
  const today = useToday(serverToday);
  /** null: no form; "new": adding; an id: editing that item. */
  const editing = useSignal<string | null>(null);
  /**
   * Counts the times a form was opened. The form's key: a new item saved
   * without its photo turns "new" into its id with the form still open,
   * and the shopper's choices must survive that.
   */
  const opened = useSignal(0);
  const said = useSignal("");
  const formRef = useRef<HTMLDivElement>(null);

  function open(id: string) {
    editing.value = id;
    opened.value++;
  }

  useEffect(() => {
    // Move focus to the form's heading when it opens, for keyboard users.
    if (editing.value) formRef.current?.querySelector("h2")?.focus();
  }, [opened.value]);

  /** Shows the item as the server answered, in its place in the grid. */
  function show(saved: WardrobeItem) {
    list.value = sorted(
      [...list.value.filter((i) => i.id !== saved.id), saved],
      options,
    );
  }

  const save = (item?: WardrobeItem) =>
  async (
    body: NewWardrobeItem,
    photo: PhotoChange,
  ) => {
    const res = item
      ? await sendJson<WardrobeItem>(
        "PUT",
        `/api/wardrobe/items/${item.id}`,
        body,
      )
      : await sendJson<WardrobeItem>("POST", "/api/wardrobe/items", body);
    if (res.status !== 200 && res.status !== 201) {
      return {
        error: res.body.error ?? "Could not save",
        issues: res.body.issues,
      };
    }
    show(res.body);
    const sent = await applyPhoto(res.body.id, photo);
    if (sent && !sent.ok) {
      // Kept, and the form now edits it: trying again sends the photo
      // to this item instead of adding a second one.
      editing.value = res.body.id;
      return {
        error: `${res.body.name} is saved without its photo. ${sent.error}`,
      };
    }
    const saved = sent?.item ?? res.body;
    show(saved);
    said.value = item ? `Saved ${saved.name}.` : `Added ${saved.name}.`;
    editing.value = null;
    return null;
  };

  async function remove(item: WardrobeItem) {
    const res = await sendJson("DELETE", `/api/wardrobe/items/${item.id}`);
    if (res.status === 204 || res.status === 404) {
      list.value = list.value.filter((i) => i.id !== item.id);
      said.value = `Removed ${item.name}.`;
    } else said.value = res.body.error ?? "Could not remove it.";
  }

  async function reset() {
    if (!confirm("Replace your wardrobe with the sample wardrobe?")) return;
    const res = await sendJson<{ items: WardrobeItem[] }>(
      "POST",
      "/api/wardrobe/reset",
    );
    if (res.status === 200) {
      list.value = res.body.items;
      editing.value = null;
      said.value = "Your wardrobe is the sample wardrobe again.";
    } else said.value = res.body.error ?? "Could not reset.";
  }

  const current = list.value.find((i) => i.id === editing.value);
  return (
    <div class="wardrobe">
      <div class="toolbar">
        <p class="count">
          {list.value.length} {list.value.length === 1 ? "piece" : "pieces"}
        </p>
        <button
          type="button"
          class="button button-primary"
          onClick={() => open("new")}
        >
          Add an item
        </button>
        <button type="button" class="button button-quiet" onClick={reset}>
          Reset to sample wardrobe
        </button>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {said.value}
      </p>
      {said.value && <p class="flash" aria-hidden="true">{said.value}</p>}
      {editing.value && (
        <div ref={formRef}>
          <ItemForm
            key={opened.value}
            item={current}
            options={options}
            currency={currency}
            onSave={save(current)}
            onCancel={() => editing.value = null}
          />
        </div>
      )}
      <ul class="item-grid" aria-label="Your items">
        {list.value.map((item) => (
          <li key={item.id} class="card item-card">
            <ItemVisual item={item} />
            <h2 class="item-name">{item.name}</h2>
            <p class="muted">{item.category} · {item.colors.join(", ")}</p>
            <ItemWear
              price={item.price}
              stats={wear[item.id]}
              currency={currency}
              today={today.value}
            />
            <div class="actions">
              <button
                type="button"
                class="button button-small"
                aria-label={`Edit ${item.name}`}
                onClick={() => open(item.id)}
              >
                Edit
              </button>
              <button
                type="button"
                class="button button-small button-quiet"
                aria-label={`Delete ${item.name}`}
                onClick={() => remove(item)}
              >
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}

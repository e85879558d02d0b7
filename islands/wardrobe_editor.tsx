/**
 * The wardrobe page come alive: add, edit and delete items, with a photo
 * if the shopper likes, make the sample wardrobe their own (start empty or
 * keep it), or go back to the sample. Every change goes through the API,
 * and the grid shows what the server answered. Wear counts come from the
 * server by item id, so an edited piece keeps its own (and a new price its
 * cost per wear).
 *
 * Nothing asks "are you sure?": Delete and Reset happen at once and offer
 * Undo, which adds the pieces back through the API (as new pieces: their
 * photos and wear history do not come back, and Undo says so).
 */
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { ItemForm, ItemOptions } from "../components/item_form.tsx";
import {
  EmptyEditor,
  ItemCard,
  SampleBanner,
  Toast,
  Toolbar,
  undoCaveat,
} from "../components/wardrobe_parts.tsx";
import { sendJson } from "../lib/client/api.ts";
import { applyPhoto, type PhotoChange } from "../lib/client/photo_upload.ts";
import { useToday } from "../lib/client/days.ts";
import type { WearStats } from "../lib/looks/wear_stats.ts";
import type { NewWardrobeItem, WardrobeItem } from "../lib/schemas.ts";

export type WardrobeEditorProps = {
  items: WardrobeItem[];
  /** The built item form (islands/item_editor.tsx), loaded when needed. */
  form_url: string;
  /** Still the sample wardrobe every new shopper starts with. */
  sample: boolean;
  options: ItemOptions;
  /** How often each piece was worn, by item id (pieces never worn: none). */
  wear: Record<string, WearStats>;
  /** The currency prices are in (`CURRENCY`). */
  currency: string;
  /** The server's date, until the browser knows the shopper's own. */
  today: string;
};

/** What Undo puts back: these pieces, into an emptied wardrobe or not. */
type Undo = { items: WardrobeItem[]; clear: boolean };

/** Category order as the server sorts, then name. */
function sorted(items: WardrobeItem[], options: ItemOptions): WardrobeItem[] {
  const rank = (c: WardrobeItem["category"]) => options.categories.indexOf(c);
  return [...items].sort((a, b) =>
    rank(a.category) - rank(b.category) || a.name.localeCompare(b.name)
  );
}

/**
 * Focuses element `id` once the page has re-rendered: after an action that
 * removes or hides the control that had focus, focus goes somewhere
 * meaningful instead of to the page's body.
 */
const focusLater = (id: string) =>
  setTimeout(() => document.getElementById(id)?.focus());

export default function WardrobeEditor(
  { items, form_url, sample, options, wear, currency, today: serverToday }:
    WardrobeEditorProps,
) {
  const list = useSignal(items);
  const isSample = useSignal(sample);
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
  const undo = useSignal<Undo | null>(null);
  const formRef = useRef<HTMLDivElement>(null);
  const Form = useSignal<typeof ItemForm | null>(null);
  /** Fetches the form's code once: on the first sign the shopper wants it. */
  function load() {
    if (!Form.value) import(form_url).then((m) => Form.value = m.default);
  }

  const timer = useRef<ReturnType<typeof setTimeout>>();
  /**
   * Says what happened in the toast. A message with Undo stays until the
   * shopper does something else (no timer on a way back); others go.
   */
  function tell(sentence: string, next: Undo | null = null) {
    said.value = sentence;
    undo.value = next;
    clearTimeout(timer.current);
    if (!next) timer.current = setTimeout(() => said.value = "", 6000);
  }

  function open(id: string) {
    load();
    editing.value = id;
    opened.value++;
  }

  /** Closes the form; focus goes back to where the shopper opened it. */
  function close(id = editing.value) {
    editing.value = null;
    focusLater(id === "new" ? "add-item" : `edit-${id}`);
  }

  useEffect(() => {
    // Move focus to the form's heading when it opens, for keyboard users
    // (which scrolls the form into view; closing it scrolls back).
    if (editing.value) formRef.current?.querySelector("h2")?.focus();
  }, [opened.value, Form.value]);

  /** Shows the item as the server answered, in its place in the grid. */
  function show(saved: WardrobeItem) {
    isSample.value = false;
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
    const res = await sendJson<WardrobeItem>(
      item ? "PUT" : "POST",
      `/api/wardrobe/items${item ? `/${item.id}` : ""}`,
      body,
    );
    if (res.status !== 200 && res.status !== 201) {
      // The button was disabled while saving: give focus back to it.
      setTimeout(() => {
        if (document.activeElement === document.body) {
          formRef.current?.querySelector<HTMLElement>("[type=submit]")
            ?.focus();
        }
      });
      return {
        error: res.body.error ?? "Could not save",
        issues: res.body.issues,
      };
    }
    const sent = await applyPhoto(res.body.id, photo);
    // Shown once, with its photo: no drawing first that the photo replaces.
    const saved = sent?.ok ? sent.item : res.body;
    show(saved);
    if (sent && !sent.ok) {
      // Kept, and the form now edits it: trying again sends the photo
      // to this item instead of adding a second one.
      editing.value = saved.id;
      return {
        error: `${saved.name} is saved without its photo. ${sent.error}`,
      };
    }
    tell(item ? `Saved ${saved.name}.` : `Added ${saved.name}.`);
    close(saved.id);
    return null;
  };

  async function remove(item: WardrobeItem) {
    const res = await sendJson("DELETE", `/api/wardrobe/items/${item.id}`);
    if (res.status !== 204 && res.status !== 404) {
      return tell(res.body.error ?? "Could not remove it.");
    }
    isSample.value = false;
    list.value = list.value.filter((i) => i.id !== item.id);
    tell(`Removed ${item.name}.${undoCaveat([item], wear)}`, {
      items: [item],
      clear: false,
    });
    focusLater("undo");
  }

  /**
   * Replaces the whole wardrobe (`reset`, `keep` or `clear`); only a reset
   * loses pieces, so only a reset offers Undo.
   */
  async function replace(path: string, done: string, focus = "count") {
    const before = list.value;
    const res = await sendJson<{ items: WardrobeItem[] }>(
      "POST",
      `/api/wardrobe/${path}`,
    );
    if (res.status !== 200) return tell(res.body.error ?? "Please try again.");
    list.value = res.body.items;
    isSample.value = false;
    editing.value = null;
    const reset = path === "reset";
    tell(
      done + (reset ? undoCaveat(before, wear) : ""),
      reset ? { items: before, clear: true } : null,
    );
    focusLater(reset ? "undo" : focus);
  }
  const reset = () => replace("reset", "Your wardrobe is the sample again.");

  async function putBack({ items: gone, clear }: Undo) {
    tell("Putting it back…");
    if (clear) await sendJson("POST", "/api/wardrobe/clear");
    const added: WardrobeItem[] = [];
    // One at a time: each add checks the wardrobe's size in turn.
    for (const { id: _, photo: __, ...fields } of gone) {
      const res = await sendJson<WardrobeItem>(
        "POST",
        "/api/wardrobe/items",
        fields,
      );
      if (res.status === 201) added.push(res.body);
    }
    list.value = sorted([...(clear ? [] : list.value), ...added], options);
    const last = added.at(-1);
    tell(
      added.length < gone.length
        ? "Some pieces could not be put back. Please add them again."
        : "Put back.",
    );
    focusLater(
      !list.value.length
        ? "empty-title"
        : clear || !last
        ? "count"
        : `edit-${last.id}`,
    );
  }

  const current = list.value.find((i) => i.id === editing.value);
  const count = list.value.length;
  return (
    <div class="wardrobe">
      {isSample.value && (
        <SampleBanner
          // The empty state says it, and takes focus: no toast as well.
          onClear={() => replace("clear", "", "empty-title")}
          onKeep={() => replace("keep", "The pieces are yours to change.")}
        />
      )}
      {count
        ? (
          <Toolbar
            count={count}
            onIntent={load}
            onAdd={() => open("new")}
            onReset={isSample.value ? undefined : reset}
          />
        )
        : !editing.value && (
          <EmptyEditor onAdd={() => open("new")} onReset={reset} />
        )}
      <p class="visually-hidden" role="status" aria-live="polite">
        {said.value}
      </p>
      {editing.value && Form.value && (
        <div ref={formRef}>
          <Form.value
            key={opened.value}
            item={current}
            options={options}
            currency={currency}
            onSave={save(current)}
            onCancel={() => close()}
          />
        </div>
      )}
      {count > 0 && (
        <ul class="item-grid" aria-label="Your items">
          {list.value.map((item) => (
            <ItemCard
              key={item.id}
              item={item}
              stats={wear[item.id]}
              currency={currency}
              today={today.value}
              onIntent={load}
              onEdit={() => open(item.id)}
              onDelete={() => remove(item)}
            />
          ))}
        </ul>
      )}
      {said.value && (
        <Toast
          said={said.value}
          onUndo={undo.value ? () => putBack(undo.value!) : undefined}
          onDismiss={() => {
            tell("");
            focusLater(count ? "count" : "empty-title");
          }}
        />
      )}
    </div>
  );
}

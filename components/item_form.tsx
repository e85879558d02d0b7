/**
 * Adding or editing a wardrobe item. Used inside the wardrobe island; the
 * option lists come as props because the schemas module (with zod) must not
 * be bundled for the browser.
 */
import { useSignal } from "@preact/signals";
import type { ApiError, FieldIssue } from "../lib/client/api.ts";
import type { PhotoChange } from "../lib/client/photo_upload.ts";
import { photoUrl } from "../lib/photos/url.ts";
import type {
  Category,
  NewWardrobeItem,
  Pattern,
  WardrobeItem,
} from "../lib/schemas.ts";
import { CATEGORY_WORDS, listOf, PATTERN_WORDS } from "./item_words.ts";
import {
  apiIssues,
  checked,
  COLOURS,
  IMAGE_URL,
  NAME,
  PRICE,
  SEASONS,
  standing,
  type Table,
} from "./field_issues.ts";
import {
  ColorPicker,
  FieldError,
  focusFirstError,
  issueFor,
  toggled,
} from "./fields.tsx";
import { type ChosenPhoto, PhotoField } from "./photo_field.tsx";
import { MAX_PRICE, PriceField } from "./price_field.tsx";

export const FORMALITY_LABELS = [
  "Athletic or lounge",
  "Casual",
  "Smart casual",
  "Dressy",
  "Formal",
];

export type ItemOptions = {
  categories: readonly Category[];
  patterns: readonly Pattern[];
  seasons: readonly string[];
};

type Draft = {
  name: string;
  category: string;
  colors: string[];
  pattern: string;
  formality: number;
  seasons: string[];
  image_url: string;
  price: string;
  /** A photo chosen in this form, sent once the item is saved. */
  photo: ChosenPhoto | null;
  /** The item's own photo is to go when it is saved. */
  dropPhoto: boolean;
};

function draftOf(item: WardrobeItem | undefined, options: ItemOptions): Draft {
  return {
    name: item?.name ?? "",
    category: item?.category ?? options.categories[0],
    colors: [...(item?.colors ?? [])],
    pattern: item?.pattern ?? "solid",
    formality: item?.formality ?? 3,
    seasons: [...(item?.seasons ?? options.seasons)],
    image_url: item?.image_url ?? "",
    price: item?.price === undefined ? "" : String(item.price),
    photo: null,
    dropPhoto: false,
  };
}

/** What saving does to the photo: send the chosen one, or drop the old. */
function photoChangeOf(d: Draft, item?: WardrobeItem): PhotoChange {
  if (d.photo) return { blob: d.photo.blob };
  return d.dropPhoto && item?.photo ? "remove" : null;
}

const sameColours = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((c) => b.includes(c));

/** The body the API expects; the server's zod schema has the last word. */
function bodyOf(d: Draft): NewWardrobeItem {
  return {
    name: d.name.trim(),
    category: d.category,
    colors: d.colors,
    pattern: d.pattern,
    formality: d.formality,
    seasons: d.seasons,
    ...(d.image_url.trim() ? { image_url: d.image_url.trim() } : {}),
    ...(d.price.trim() ? { price: Number(d.price) } : {}),
  } as NewWardrobeItem;
}

/**
 * The fields a shopper can get wrong here (the selects cannot be): the
 * rest of the piece's sentences stay out of this form's bundle.
 */
const SAY: Table = {
  name: NAME,
  colors: COLOURS,
  seasons: SEASONS,
  price: PRICE,
  image_url: IMAGE_URL,
};

/** What the form can tell before sending; the server checks the rest. */
function draftIssues(d: Draft): FieldIssue[] {
  const price = Number(d.price);
  return checked(SAY, {
    name: !d.name.trim() && "few",
    colors: !d.colors.length && "few",
    seasons: !d.seasons.length && "few",
    price: d.price.trim() !== "" && !(price >= 0 && price <= MAX_PRICE) &&
      "bad",
  });
}

/** The schema's cap, held in the form: a fifth tick is refused. */
const MAX_COLOURS = 4;

export type ItemFormProps = {
  item?: WardrobeItem;
  options: ItemOptions;
  /** The currency prices are in (`CURRENCY`). */
  currency: string;
  /**
   * Saves the item, then its photo; an item saved without its photo comes
   * back as `item`, so trying again edits it rather than adding another.
   */
  onSave: (
    body: NewWardrobeItem,
    photo: PhotoChange,
  ) => Promise<ApiError | null>;
  onCancel: () => void;
};

export function ItemForm(
  { item, options, currency, onSave, onCancel }: ItemFormProps,
) {
  const draft = useSignal(draftOf(item, options));
  const problem = useSignal<ApiError | null>(null);
  /** The draft the problem's issues were found in (see `standing`). */
  const seen = useSignal<Draft | null>(null);
  const busy = useSignal(false);
  const readingPhoto = useSignal(false);
  /**
   * The colours ticked are the photo's and untouched since, so a newly
   * chosen photo's colours may replace them.
   */
  const coloursFromPhoto = useSignal(false);
  const d = draft.value;
  const set = (patch: Partial<Draft>) =>
    draft.value = { ...draft.value, ...patch };
  const issues = standing(problem.value?.issues, seen.value, d);
  const error = (path: string) => issueFor(issues, path);
  /** Shows `found` against the draft as it is now (see `standing`). */
  function tell(found: ApiError | null) {
    seen.value = draft.value;
    problem.value = found;
  }
  const title = item ? `Edit ${item.name}` : "Add an item";

  async function submit(e: Event) {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const sent = draft.value;
    const own = draftIssues(sent);
    tell(own.length ? { error: "", issues: own } : null);
    if (own.length) return focusFirstError(form);
    busy.value = true;
    const answer = await onSave(bodyOf(sent), photoChangeOf(sent, item));
    busy.value = false;
    // Field messages speak for themselves (the API's "Invalid request" not).
    problem.value = answer?.issues
      ? { error: "", issues: apiIssues(SAY, answer.issues) }
      : answer;
    if (answer?.issues) focusFirstError(form);
  }

  function choosePhoto(photo: ChosenPhoto) {
    // Ticked for the shopper only when they have not chosen colours
    // themselves; otherwise offered, one click away.
    const tick = photo.colours.length > 0 &&
      (!draft.value.colors.length || coloursFromPhoto.value);
    set(tick ? { photo, colors: photo.colours } : { photo });
    coloursFromPhoto.value = tick || coloursFromPhoto.value;
  }

  const shown = d.photo
    ? { src: d.photo.src, alt: "The photo you chose" }
    : item?.photo && !d.dropPhoto
    ? { src: photoUrl(item.photo), alt: `The photo of ${item.name}` }
    : undefined;
  const suggested = d.photo?.colours ?? [];

  return (
    <form
      class="card form item-form"
      onSubmit={submit}
      noValidate
      aria-labelledby="item-form-title"
    >
      <h2 id="item-form-title" tabIndex={-1}>{title}</h2>
      <div class="field">
        <label for="item-name">Name</label>
        <input
          id="item-name"
          value={d.name}
          maxLength={80}
          required
          onInput={(e) => set({ name: e.currentTarget.value })}
          aria-invalid={error("name") ? "true" : undefined}
          aria-describedby={error("name") ? "item-name-error" : undefined}
        />
        <FieldError id="item-name-error" message={error("name")} />
      </div>
      <div class="field-row">
        <div class="field">
          <label for="item-category">Category</label>
          <select
            id="item-category"
            value={d.category}
            onChange={(e) => set({ category: e.currentTarget.value })}
          >
            {options.categories.map((c) => (
              <option key={c} value={c}>{CATEGORY_WORDS[c][0]}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="item-pattern">Pattern</label>
          <select
            id="item-pattern"
            value={d.pattern}
            onChange={(e) => set({ pattern: e.currentTarget.value })}
          >
            {options.patterns.map((p) => (
              <option key={p} value={p}>{PATTERN_WORDS[p]}</option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="item-formality">How dressy</label>
          <select
            id="item-formality"
            value={d.formality}
            onChange={(e) => set({ formality: Number(e.currentTarget.value) })}
          >
            {FORMALITY_LABELS.map((label, i) => (
              <option key={label} value={i + 1}>{label}</option>
            ))}
          </select>
        </div>
      </div>
      <PhotoField
        id="item-photo"
        shown={shown}
        onChoose={choosePhoto}
        onRemove={() => set({ photo: null, dropPhoto: true })}
        onReading={(reading) => readingPhoto.value = reading}
      >
        {suggested.length > 0 && sameColours(suggested, d.colors) && (
          <p class="photo-note">
            Colours from the photo:{" "}
            {listOf(suggested)}. Change them below if they are not right.
          </p>
        )}
        {suggested.length > 0 && !sameColours(suggested, d.colors) && (
          <button
            type="button"
            class="button button-small"
            onClick={() => {
              set({ colors: suggested });
              coloursFromPhoto.value = true;
              // This button goes once used: keep focus on the colours.
              document.querySelector<HTMLInputElement>(
                `input[name="item-colors"][value="${suggested[0]}"]`,
              )?.focus();
            }}
          >
            Use colours from the photo: {suggested.join(", ")}
          </button>
        )}
        {!shown && item?.photo && (
          <p class="photo-note">The photo will be removed when you save.</p>
        )}
      </PhotoField>
      <ColorPicker
        name="item-colors"
        legend="Colours"
        hint="One to four"
        selected={d.colors}
        error={error("colors")}
        onToggle={(color, on) => {
          if (on && d.colors.length >= MAX_COLOURS) {
            tell({
              error: "",
              issues: [{ path: "colors", message: COLOURS.many! }, ...issues],
            });
            return false;
          }
          coloursFromPhoto.value = false;
          set({ colors: toggled(d.colors, color, on) });
        }}
      />
      <fieldset
        class="field chips"
        aria-describedby={error("seasons") ? "item-seasons-error" : undefined}
      >
        <legend>Seasons</legend>
        <div class="chip-grid">
          {options.seasons.map((s) => (
            <label key={s} class="chip">
              <input
                type="checkbox"
                checked={d.seasons.includes(s)}
                onChange={(e) =>
                  set({
                    seasons: toggled(d.seasons, s, e.currentTarget.checked),
                  })}
              />
              {s}
            </label>
          ))}
        </div>
        <FieldError id="item-seasons-error" message={error("seasons")} />
      </fieldset>
      <div class="field-row">
        <div class="field">
          <label for="item-image">Image URL (optional)</label>
          <input
            id="item-image"
            type="url"
            value={d.image_url}
            placeholder="https://…"
            onInput={(e) => set({ image_url: e.currentTarget.value })}
            aria-invalid={error("image_url") ? "true" : undefined}
            aria-describedby={error("image_url")
              ? "item-image-error"
              : undefined}
          />
          <FieldError id="item-image-error" message={error("image_url")} />
        </div>
        <PriceField
          id="item-price"
          label="Price paid (optional)"
          value={d.price}
          currency={currency}
          error={error("price")}
          onInput={(price) => set({ price })}
        />
      </div>
      {(issues.length > 0 || problem.value?.error) && (
        <p class="notice notice-error" role="alert">
          {issues.length
            ? "A few details need another look."
            : problem.value?.error}
        </p>
      )}
      <div class="actions">
        <button
          type="submit"
          class="button button-primary"
          disabled={busy.value || readingPhoto.value}
        >
          {item ? "Save changes" : "Add to wardrobe"}
        </button>
        <button type="button" class="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * The consider-buying form. A plain GET form (no island): it only describes
 * the piece, and /consider-buying/outfits reviews it before anything starts.
 * Rendered again there, with the shopper's values and messages, when the
 * description does not pass.
 */
import type { HonoRequest } from "hono";
import type { FieldIssue, PageFlags } from "../lib/client/api.ts";
import { TOO_MANY_COLOURS } from "./field_issues.ts";
import { ColorPicker, FieldError, issueFor, OverLimit } from "./fields.tsx";
import { FORMALITY_LABELS } from "./item_form.tsx";
import { CATEGORY_WORDS } from "./item_words.ts";
import { PriceField } from "./price_field.tsx";

export type CandidateValues = {
  name?: string;
  category?: string;
  colors?: string[];
  formality?: string;
  price?: string;
  image_url?: string;
};

/** The form's values as the query string carries them (the form is a GET). */
export function candidateValues(req: HonoRequest): CandidateValues {
  return {
    name: req.query("name"),
    category: req.query("category"),
    colors: req.queries("colors"),
    formality: req.query("formality"),
    price: req.query("price"),
    image_url: req.query("image_url"),
  };
}

export type CandidateFormProps = {
  values?: CandidateValues;
  issues?: FieldIssue[];
  flags: PageFlags;
  /** The currency prices are in (`CURRENCY`). */
  currency: string;
};

export function CandidateForm(
  { values = {}, issues, flags, currency }: CandidateFormProps,
) {
  const error = (path: string) => issueFor(issues, path);
  const described = (path: string) => error(path) ? `${path}-error` : undefined;
  const invalid = (path: string) => error(path) ? "true" : undefined;
  return (
    <form class="card form" method="get" action="/consider-buying/outfits">
      {/* The two switches follow the shopper on to the reveal page. */}
      {flags.debug && <input type="hidden" name="debug" value="true" />}
      {flags.streamOff && <input type="hidden" name="stream" value="off" />}
      <div class="field">
        <label for="name">What is it?</label>
        <input
          id="name"
          name="name"
          required
          maxLength={80}
          placeholder="Rust suede jacket"
          value={values.name ?? ""}
          aria-invalid={invalid("name")}
          aria-describedby={described("name")}
        />
        <FieldError id="name-error" message={error("name")} />
      </div>
      <div class="field">
        <label for="category">Category</label>
        <select
          id="category"
          name="category"
          required
          aria-invalid={invalid("category")}
          aria-describedby={described("category")}
        >
          <option value="" selected={!values.category}>
            Choose a category
          </option>
          {Object.entries(CATEGORY_WORDS).map(([value, [word, examples]]) => (
            <option
              key={value}
              value={value}
              selected={values.category === value}
            >
              {word} ({examples})
            </option>
          ))}
        </select>
        <FieldError id="category-error" message={error("category")} />
      </div>
      <ColorPicker
        name="colors"
        legend="Colours"
        hint="Up to four"
        selected={values.colors ?? []}
        error={error("colors")}
      >
        {error("colors") !== TOO_MANY_COLOURS && (
          <OverLimit message={TOO_MANY_COLOURS} />
        )}
      </ColorPicker>
      <details
        class="field"
        open={Boolean(values.formality || values.price || values.image_url)}
      >
        <summary>More details (optional)</summary>
        <div class="field">
          <label for="formality">How dressy is it?</label>
          <select
            id="formality"
            name="formality"
            aria-invalid={invalid("formality")}
            aria-describedby={described("formality")}
          >
            <option value="">Not sure</option>
            {FORMALITY_LABELS.map((label, i) => (
              <option
                key={label}
                value={i + 1}
                selected={values.formality === String(i + 1)}
              >
                {label}
              </option>
            ))}
          </select>
          <FieldError id="formality-error" message={error("formality")} />
        </div>
        <PriceField
          id="price"
          name="price"
          label="Price"
          value={values.price ?? ""}
          currency={currency}
          error={error("price")}
        />
        <div class="field">
          <label for="image_url">Image URL</label>
          <input
            id="image_url"
            name="image_url"
            type="url"
            placeholder="https://…"
            value={values.image_url ?? ""}
            aria-invalid={invalid("image_url")}
            aria-describedby={described("image_url")}
          />
          <FieldError id="image_url-error" message={error("image_url")} />
        </div>
      </details>
      <button type="submit" class="button button-primary">Review</button>
    </form>
  );
}

/**
 * The consider-buying form. A plain GET form (no island): it only describes
 * the piece, and /consider-buying/outfits reviews it before anything starts.
 * Rendered again there, with the shopper's values and messages, when the
 * description does not pass.
 */
import type { HonoRequest } from "hono";
import { CATEGORIES } from "../lib/schemas.ts";
import { ColorPicker, FieldError, issueFor } from "./fields.tsx";
import { FORMALITY_LABELS } from "./item_form.tsx";
import type { FieldIssue } from "../lib/client/api.ts";

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

export function CandidateForm(
  { values = {}, issues, debug }: {
    values?: CandidateValues;
    issues?: FieldIssue[];
    debug: boolean;
  },
) {
  const error = (path: string) => issueFor(issues, path);
  const described = (path: string) => error(path) ? `${path}-error` : undefined;
  return (
    <form class="card form" method="get" action="/consider-buying/outfits">
      {debug && <input type="hidden" name="debug" value="true" />}
      <div class="field">
        <label for="name">What is it?</label>
        <input
          id="name"
          name="name"
          required
          maxLength={80}
          placeholder="Rust suede jacket"
          value={values.name ?? ""}
          aria-invalid={error("name") ? "true" : undefined}
          aria-describedby={described("name")}
        />
        <FieldError id="name-error" message={error("name")} />
      </div>
      <div class="field">
        <label for="category">Category</label>
        <select
          id="category"
          name="category"
          aria-describedby={described("category")}
        >
          {CATEGORIES.map((c) => (
            <option key={c} value={c} selected={values.category === c}>
              {c}
            </option>
          ))}
        </select>
        <FieldError id="category-error" message={error("category")} />
      </div>
      <ColorPicker
        name="colors"
        legend="Colours (one to four)"
        selected={values.colors ?? []}
        error={error("colors")}
      />
      <details
        class="field"
        open={Boolean(values.formality || values.price || values.image_url)}
      >
        <summary>More details (optional)</summary>
        <div class="field">
          <label for="formality">How dressy is it?</label>
          <select id="formality" name="formality">
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
        </div>
        <div class="field">
          <label for="price">Price</label>
          <input
            id="price"
            name="price"
            type="number"
            min="0"
            step="0.01"
            inputMode="decimal"
            value={values.price ?? ""}
            aria-describedby={described("price")}
          />
          <FieldError id="price-error" message={error("price")} />
        </div>
        <div class="field">
          <label for="image_url">Image URL</label>
          <input
            id="image_url"
            name="image_url"
            type="url"
            placeholder="https://…"
            value={values.image_url ?? ""}
            aria-describedby={described("image_url")}
          />
          <FieldError id="image_url-error" message={error("image_url")} />
        </div>
      </details>
      <button type="submit" class="button button-primary">Review</button>
    </form>
  );
}

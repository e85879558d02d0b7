/**
 * Form pieces shared by server-rendered forms and island forms: a field's
 * error message, a group of colour checkboxes drawn as swatch chips, and
 * the list a checkbox group holds after one box changes.
 */
import { COLOR_NAMES } from "../lib/colors.ts";
import { swatchClass } from "./swatches.tsx";
import type { FieldIssue } from "../lib/client/api.ts";

/** The message for `path` among an API answer's issues, if any. */
export function issueFor(
  issues: FieldIssue[] | undefined,
  path: string,
): string | undefined {
  return issues?.find((i) => i.path === path || i.path.startsWith(`${path}.`))
    ?.message;
}

/** `list` with `value` added (`on`) or removed: a checkbox group's state. */
export function toggled<T>(list: T[], value: T, on: boolean): T[] {
  return on ? [...list, value] : list.filter((v) => v !== value);
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? <p class="field-error" id={id}>{message}</p> : null;
}

export type ColorPickerProps = {
  name: string;
  legend: string;
  /** A plain word under the legend ("Up to four"). */
  hint?: string;
  selected: readonly string[];
  error?: string;
  /**
   * Said the moment a fifth colour is ticked (the schema allows four), by
   * CSS alone, for forms without JavaScript; the server says it again if
   * the form is sent.
   */
  overLimit?: string;
  /** Present in islands (controlled); absent in plain server forms. */
  onToggle?: (color: string, on: boolean) => void;
};

export function ColorPicker(
  { name, legend, hint, selected, error, overLimit, onToggle }:
    ColorPickerProps,
) {
  const errorId = `${name}-error`;
  return (
    <fieldset
      class="field chips"
      aria-describedby={error ? errorId : undefined}
    >
      <legend>
        {legend}
        {hint && (
          <>
            <span class="visually-hidden">,</span>
            <span class="legend-hint">{hint}</span>
          </>
        )}
      </legend>
      {/* Above the chips: a long grid would push it out of sight. */}
      <FieldError id={errorId} message={error} />
      <div class="chip-grid">
        {COLOR_NAMES.map((color) => (
          <label key={color} class="chip">
            <input
              type="checkbox"
              name={name}
              value={color}
              checked={selected.includes(color)}
              onChange={onToggle &&
                ((e) => onToggle(color, e.currentTarget.checked))}
            />
            <span class={swatchClass(color)} />
            {color}
          </label>
        ))}
        {overLimit && error !== overLimit && (
          <div class="chips-over" aria-live="polite">
            <p class="field-error">{overLimit}</p>
          </div>
        )}
      </div>
    </fieldset>
  );
}

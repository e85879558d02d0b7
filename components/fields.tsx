/**
 * Form pieces shared by server-rendered forms and island forms: a field's
 * error message, a group of colour checkboxes drawn as swatch chips, and
 * the list a checkbox group holds after one box changes.
 */
import type { ComponentChildren, JSX } from "preact";
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

/**
 * After a refused submit, takes the shopper to the first field that says
 * what to fix (its input, or a group's first box), once it has rendered.
 */
export function focusFirstError(form: HTMLFormElement) {
  setTimeout(() =>
    form.querySelector(".field-error")?.closest(".field")
      ?.querySelector<HTMLElement>("input, select, textarea")?.focus()
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  return message ? <p class="field-error" id={id}>{message}</p> : null;
}

/**
 * A labelled control with its hint and its error, which the control is
 * described by; `id` is the control's, and names the hint and the error.
 */
export function LabelledField(
  { id, label, hint, message, class: kind = "", control }: {
    id: string;
    label: string;
    hint?: string;
    message?: string;
    class?: string;
    control: (describedBy?: string) => JSX.Element;
  },
) {
  const ids = [hint && `${id}-hint`, message && `${id}-error`]
    .filter(Boolean).join(" ");
  return (
    <div class={`field ${kind}`.trim()}>
      <label for={id}>{label}</label>
      {control(ids || undefined)}
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      <FieldError id={`${id}-error`} message={message} />
    </div>
  );
}

export type ColorPickerProps = {
  name: string;
  legend: string;
  /** A plain word under the legend ("Up to four"). */
  hint?: string;
  selected: readonly string[];
  error?: string;
  /** After the chips, in their grid (see {@link OverLimit}). */
  children?: ComponentChildren;
  /**
   * Present in islands (controlled); absent in plain server forms. Returns
   * false to refuse the tick (a fifth colour), which then comes undone.
   */
  onToggle?: (color: string, on: boolean) => boolean | void;
};

export function ColorPicker(
  { name, legend, hint, selected, error, children, onToggle }: ColorPickerProps,
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
                ((e) => {
                  const box = e.currentTarget;
                  if (onToggle(color, box.checked) === false) {
                    box.checked = false;
                  }
                })}
            />
            <span class={swatchClass(color)} />
            {color}
          </label>
        ))}
        {children}
      </div>
    </fieldset>
  );
}

/**
 * Said the moment one box too many is ticked, by CSS alone, for forms
 * without JavaScript (the server says it again if the form is sent). A
 * child of the chip grid, after the chips, which the selector looks back
 * at. Islands refuse the tick instead, so their bundles skip this.
 */
export function OverLimit({ message }: { message: string }) {
  return (
    <div class="chips-over" aria-live="polite">
      <p class="field-error">{message}</p>
    </div>
  );
}

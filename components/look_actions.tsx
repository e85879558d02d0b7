/**
 * What a shopper can do with an outfit card, on /reveal and /looks alike:
 * save it, say they wore it today, thumbs up or down. Each is a toggle
 * button (`aria-pressed`) described by the card's title, so a screen reader
 * says which outfit "Save" is for.
 */
import type { LookModel } from "../lib/client/looks.ts";

/** Feather-style strokes (MIT); a pressed button fills the shapes. */
const ICONS = {
  save: "M19 21l-7-5-7 5V5a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2z",
  worn: "M20 6 9 17l-5-5",
  up:
    "M14 9V5a3 3 0 0 0-3-3l-4 9v11h11.28a2 2 0 0 0 2-1.7l1.38-9a2 2 0 0 0-2-2.3zM7 22H4a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2h3",
};

function Icon({ d, kind = "" }: { d: string; kind?: string }) {
  return (
    <svg
      class={kind ? `icon ${kind}` : "icon"}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}

export type LookActionsProps = {
  model: LookModel;
  /** The shopper's day, `YYYY-MM-DD`. */
  today: string;
  /** The card's heading, which names the outfit the buttons act on. */
  headingId: string;
};

export function LookActions({ model, today, headingId }: LookActionsProps) {
  const { saved, rating, worn } = model.state.value;
  const wornToday = worn.includes(today);
  const toggle = (pressed: boolean, extra = "") => ({
    type: "button" as const,
    class: `button look-action${extra}`,
    "aria-pressed": pressed ? "true" as const : "false" as const,
    "aria-describedby": headingId,
  });
  return (
    <div class="look-actions">
      <button {...toggle(saved)} onClick={model.toggleSaved}>
        <Icon d={ICONS.save} kind="icon-shape" />
        {saved ? "Saved" : "Save"}
      </button>
      <button {...toggle(wornToday)} onClick={() => model.toggleWorn(today)}>
        <Icon d={ICONS.worn} />
        {wornToday ? "Worn today" : "Wore it today"}
      </button>
      <span class="look-thumbs">
        {/* The buttons say it in full; this is for eyes. */}
        <span class="look-thumbs-hint" aria-hidden="true">More like this?</span>
        <button
          {...toggle(rating === "up", " look-thumb")}
          aria-label="Like this outfit"
          onClick={() => model.rate("up")}
        >
          <Icon d={ICONS.up} kind="icon-shape" />
        </button>
        <button
          {...toggle(rating === "down", " look-thumb")}
          aria-label="Dislike this outfit"
          onClick={() => model.rate("down")}
        >
          <Icon d={ICONS.up} kind="icon-shape icon-flip" />
        </button>
      </span>
      {model.problem.value && (
        <p class="look-problem" role="alert">{model.problem.value}</p>
      )}
    </div>
  );
}

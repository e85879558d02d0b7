/**
 * What a shopper can do with an outfit card, on /reveal and /looks alike:
 * save it, say they wore it today, thumbs up or down, share it by link.
 * Each button is described by the card's title, so a screen reader says
 * which outfit "Save" is for; the first three are toggles (`aria-pressed`).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { LookModel } from "../lib/client/looks.ts";
import { handOver, hasShareSheet } from "../lib/client/share_link.ts";

/** Feather-style strokes (MIT); a pressed button fills the shapes. */
const ICONS = {
  save: "M19 21l-7-5-7 5V5a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2z",
  worn: "M20 6 9 17l-5-5",
  up:
    "M14 9V5a3 3 0 0 0-3-3l-4 9v11h11.28a2 2 0 0 0 2-1.7l1.38-9a2 2 0 0 0-2-2.3zM7 22H4a2 2 0 0 1-2-2v-7a2 2 0 0 1 2-2h3",
  share: "M4 12v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8M16 6l-4-4-4 4M12 2v13",
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
  /** The outfit's title, for a phone's share sheet. */
  title: string;
};

export function LookActions(
  { model, today, headingId, title }: LookActionsProps,
) {
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
      <ShareLink model={model} headingId={headingId} title={title} />
      {model.problem.value && (
        <p class="look-problem" role="alert">{model.problem.value}</p>
      )}
    </div>
  );
}

/**
 * Share, then the link again (Copy link, or Share link where a phone's
 * sheet takes it) and Stop sharing. One button throughout, so the keyboard
 * stays on it as its job changes.
 */
function ShareLink(
  { model, headingId, title }: Omit<LookActionsProps, "today">,
) {
  const { shared } = model.state.value;
  const [said, say] = useState("");
  const [sheet, setSheet] = useState(false);
  // After hydration: the server cannot know the device.
  useEffect(() => setSheet(hasShareSheet()), []);
  const button = useRef<HTMLButtonElement>(null);
  const give = async () => {
    const link = model.state.value.shared;
    // Emptied first, so the same words said again are announced again.
    say("");
    if (link) say(await handOver(link, title));
  };
  return (
    <div class="look-share">
      <div class="look-share-row">
        <button
          type="button"
          class="button look-action"
          aria-describedby={headingId}
          ref={button}
          // Not disabled while the link is made: that would drop the focus.
          onClick={async () => {
            if (shared === null) await model.change({ share: true });
            await give();
          }}
        >
          <Icon d={ICONS.share} />
          {shared === null ? "Share" : sheet ? "Share link" : "Copy link"}
        </button>
        {shared !== null && (
          <p class="look-shared">
            Anyone with the link can see this look and its photos.{" "}
            <button
              type="button"
              class="button-link"
              aria-describedby={headingId}
              onClick={async () => {
                button.current?.focus();
                say("");
                await model.change({ share: false });
                if (model.state.value.shared === null) {
                  say("Stopped sharing. The link no longer works.");
                }
              }}
            >
              Stop sharing
            </button>
          </p>
        )}
      </div>
      <p class="look-said" role="status">{said}</p>
    </div>
  );
}

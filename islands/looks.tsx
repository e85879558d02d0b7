/**
 * The shopper's looks come alive: save or unsave, wear today, thumbs. A look
 * that is neither saved nor worn any more leaves the list, and an "Undo" in
 * its place brings it back (no confirm dialog to click through).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { LookActions } from "../components/look_actions.tsx";
import { type CardItem, OutfitCard } from "../components/outfit_card.tsx";
import { useToday } from "../lib/client/days.ts";
import { createLookModel, isKept, type LookSeed } from "../lib/client/looks.ts";
import { wornSummary } from "../lib/client/wears.ts";

export type LookCardData = {
  id: string;
  title: string;
  tip: string;
  items: CardItem[];
  /** Where it came from ("For an occasion"). */
  eyebrow: string;
  /** Labels of the occasions it suits, when it was asked for several. */
  suits?: string[];
  /** A word on pieces that are not in the wardrobe (any more), by id. */
  notes: Record<string, string>;
  seed: LookSeed;
};

export type LooksProps = {
  looks: LookCardData[];
  /** The server's date, until the browser knows the shopper's own. */
  today: string;
};

export default function Looks({ looks, today: serverToday }: LooksProps) {
  const today = useToday(serverToday);
  return (
    <ol class="outfits looks" aria-label="Your looks">
      {looks.map((look) => (
        <li key={look.id}>
          <LookCard look={look} today={today.value} />
        </li>
      ))}
    </ol>
  );
}

function LookCard({ look, today }: { look: LookCardData; today: string }) {
  const [model] = useState(() => createLookModel(look.seed));
  const { worn } = model.state.value;
  const kept = isKept(model.state.value);
  const box = useRef<HTMLDivElement>(null);
  const wasKept = useRef(kept);
  useEffect(() => {
    // The button that was pressed has just left the page: keep the
    // keyboard where the shopper is (on "Undo", or back on the card).
    if (wasKept.current !== kept) box.current?.querySelector("button")?.focus();
    wasKept.current = kept;
  }, [kept]);

  const headingId = `${look.id}-title`;
  const undo = model.undoable.value;
  const unshared = undo !== null && "share" in undo;
  return (
    <div ref={box}>
      {kept
        ? (
          <OutfitCard
            outfit={look}
            eyebrow={look.eyebrow}
            headingId={headingId}
            suits={look.suits}
            notes={look.notes}
          >
            <p class="look-worn">
              {wornSummary(worn.length, worn.at(-1), today)}
            </p>
            <LookActions
              model={model}
              today={today}
              headingId={headingId}
              title={look.title}
            />
          </OutfitCard>
        )
        : (
          <div class="card look-removed">
            {/* A link stopped cannot come back: sharing again is a new one. */}
            <p id={`${look.id}-removed`}>
              {unshared
                ? (
                  <>
                    Stopped sharing <strong>{look.title}</strong>
                    : its link no longer works.
                  </>
                )
                : (
                  <>
                    Removed <strong>{look.title}</strong> from your looks.
                  </>
                )}
            </p>
            <button
              type="button"
              class="button"
              aria-describedby={`${look.id}-removed`}
              onClick={model.undo}
            >
              {unshared ? "Share again" : "Undo"}
            </button>
          </div>
        )}
    </div>
  );
}

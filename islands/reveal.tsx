/**
 * The reveal page come alive: progress, status text, outfit cards as each
 * one is finished, the reasoning in debug mode, and cancel / try again.
 * It starts from the snapshot the server rendered, so a reload mid-job
 * shows what was already done and carries on from there.
 */
import { effect } from "@preact/signals";
import { useEffect, useRef, useState } from "preact/hooks";
import { LookActions } from "../components/look_actions.tsx";
import { OutfitCard, OutfitPlaceholder } from "../components/outfit_card.tsx";
import { ProgressBar } from "../components/progress_bar.tsx";
import { DayContext, forecastWords } from "../components/day_context.tsx";
import { dayWords, useToday } from "../lib/client/days.ts";
import {
  createLookModel,
  type LookSeed,
  type LookSource,
} from "../lib/client/looks.ts";
import {
  createRevealModel,
  JOB_EVENT,
  type JobNews,
  type RevealModel,
  type RevealProps,
  TOO_LONG,
} from "../lib/client/reveal_model.ts";
import type { DayWeather, Outfit } from "../lib/schemas.ts";

export default function Reveal(props: RevealProps) {
  // One model per island instance: signals never live at module scope.
  const [model] = useState(() => createRevealModel(props));
  const { total } = props;
  useEffect(() => model.start(), []);
  // The page's other islands (a trip's packing list, debug mode's
  // reasoning) follow the job, so they ship only on the pages that show them.
  useEffect(() =>
    effect(() => {
      dispatchEvent(
        new CustomEvent<JobNews>(JOB_EVENT, {
          detail: {
            outfits: model.outfits.value,
            reasoning: model.reasoning.value,
            running: model.running.value,
          },
        }),
      );
    }), []);
  const today = useToday(props.today);
  const { status, outfits, running, error, gaveUp, busy } = model;
  const made = outfits.value.length;
  const { new_id: newId, anchor_ids: anchorIds } = props.highlights;
  const context = model.context.value;

  // The Cancel button goes when the job ends. If the shopper was on it
  // (pressed it, or it had focus as the job finished), the summary line
  // takes focus, without scrolling: it sits where the progress card was.
  const summary = useRef<HTMLParagraphElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const onCancel = useRef(false);
  useEffect(() =>
    // Runs as the status changes, before the button leaves the page.
    running.subscribe((on) => {
      onCancel.current ||= !on &&
        document.activeElement === cancelButton.current;
    }), []);
  useEffect(() => {
    if (!running.value && onCancel.current) {
      onCancel.current = false;
      summary.current?.focus({ preventScroll: true });
    }
  }, [running.value]);

  const cancelled = status.value === "cancelled";
  const stopped = cancelled || status.value === "failed";
  const problem = gaveUp.value ? TOO_LONG : error.value;
  const kept = stopped && made > 0
    ? `Here ${
      made === 1 ? "is the outfit" : `are the ${made} outfits`
    } finished before it stopped.`
    : "";
  // "Cancelled" is the status line's to say, once. The status line is one
  // element throughout, so it is announced as it changes and the summary
  // that replaces the progress card keeps its place.
  const said = [cancelled ? "" : sentence(problem), kept].join(" ").trim();

  return (
    <div
      class="reveal"
      data-status={status.value}
      data-transport={model.transport.value}
      data-ready={model.ready.value ? "true" : undefined}
    >
      <section
        class={running.value ? "card reveal-progress" : "reveal-summary"}
        aria-label={running.value ? "Progress" : "Summary"}
      >
        <p
          class="status-text"
          role="status"
          aria-live="polite"
          tabIndex={-1}
          ref={summary}
        >
          {statusText(model, made)}
        </p>
        {running.value && (
          <>
            <ProgressBar
              value={model.progress.value}
              label="Outfits progress"
            />
            <p class="status-meta">{model.elapsed.value} s so far</p>
            <button
              type="button"
              class="button button-quiet"
              ref={cancelButton}
              onClick={() => {
                onCancel.current = true;
                model.cancel();
              }}
              disabled={busy.value}
            >
              Cancel
            </button>
          </>
        )}
      </section>

      {context && <DayContext context={context} />}

      {(said || cancelled) && (
        <div
          class={`notice${cancelled ? "" : " notice-error"}`}
          role={cancelled ? undefined : "alert"}
        >
          {said && <p>{said}</p>}
          <button
            type="button"
            class="button"
            onClick={gaveUp.value ? () => location.reload() : model.retry}
            disabled={busy.value}
          >
            {cancelled ? "Start again" : "Try again"}
          </button>
        </div>
      )}

      <ol class="outfits" aria-label="Outfits">
        {outfits.value.map((outfit, i) => (
          <li key={i}>
            <RevealCard
              outfit={outfit}
              seed={props.looks[i] ?? null}
              source={{ job_id: props.snapshot.job_id, outfit_number: i + 1 }}
              today={today.value}
              labels={props.occasion_labels}
              weather={context?.days?.find((d) => d.date === outfit.date)
                ?.weather}
              unit={props.copy.unit}
              newId={newId}
              anchorIds={anchorIds}
            />
          </li>
        ))}
        {running.value &&
          Array.from(
            { length: total - made },
            (_, i) => (
              <li key={`next-${made + i}`} aria-hidden="true">
                <OutfitPlaceholder
                  label={`${props.copy.unit} ${made + i + 1}`}
                  active={i === 0}
                />
              </li>
            ),
          )}
      </ol>

      {status.value === "complete" && (
        <div class="actions">
          <button
            type="button"
            class="button"
            onClick={model.retry}
            disabled={busy.value}
          >
            {props.copy.again}
          </button>
        </div>
      )}
    </div>
  );
}

const NOT_KEPT: LookSeed = {
  id: null,
  saved: false,
  rating: null,
  worn: [],
  shared: null,
};

/** A finished outfit, with what the shopper can do with it. */
function RevealCard(
  { outfit, seed, source, today, labels, unit, weather, newId, anchorIds }: {
    outfit: Outfit;
    seed: LookSeed | null;
    source: LookSource;
    today: string;
    labels: Record<string, string>;
    unit: string;
    /** A trip's day: its forecast. */
    weather?: DayWeather | null;
    newId?: string;
    anchorIds?: readonly string[];
  },
) {
  const [look] = useState(() => createLookModel(seed ?? NOT_KEPT, source));
  const number = source.outfit_number;
  const headingId = `outfit-${number}-title`;
  return (
    <OutfitCard
      outfit={outfit}
      eyebrow={outfit.date
        ? `${unit} ${number} · ${dayWords(outfit.date)}`
        : `${unit} ${number}`}
      headingId={headingId}
      suits={outfit.occasions?.map((o) => labels[o] ?? o)}
      weather={weather ? forecastWords(weather) : undefined}
      newId={newId}
      anchorIds={anchorIds}
    >
      <LookActions
        model={look}
        today={today}
        headingId={headingId}
        title={outfit.title}
      />
    </OutfitCard>
  );
}

/** Ends a server message (written without one) with a full stop. */
function sentence(text: string): string {
  return text && !/[.!?…]$/.test(text) ? `${text}.` : text;
}

function statusText(model: RevealModel, made: number): string {
  switch (model.status.value) {
    case "complete": {
      const seconds = model.elapsed.value;
      return `Complete! ${made} ${made === 1 ? "outfit" : "outfits"} ready ${
        seconds < 1 ? "in under a second" : `in ${seconds} s`
      }.`;
    }
    case "failed":
      return "The stylist stopped before finishing.";
    case "cancelled":
      return "Cancelled.";
    default:
      return model.message.value || "Starting…";
  }
}

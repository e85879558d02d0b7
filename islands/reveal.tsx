/**
 * The reveal page come alive: progress, status text, outfit cards as each
 * one is finished, the reasoning in debug mode, and cancel / try again.
 * It starts from the snapshot the server rendered, so a reload mid-job
 * shows what was already done and carries on from there.
 */
import { useEffect, useState } from "preact/hooks";
import { LookActions } from "../components/look_actions.tsx";
import { OutfitCard, OutfitPlaceholder } from "../components/outfit_card.tsx";
import { ProgressBar } from "../components/progress_bar.tsx";
import { VerdictCard } from "../components/verdict_card.tsx";
import { useToday } from "../lib/client/days.ts";
import {
  createLookModel,
  type LookSeed,
  type LookSource,
} from "../lib/client/looks.ts";
import {
  createRevealModel,
  type RevealModel,
  type RevealProps,
  TOO_LONG,
} from "../lib/client/reveal_model.ts";
import type { Outfit } from "../lib/schemas.ts";

export default function Reveal(props: RevealProps) {
  // One model per island instance: signals never live at module scope.
  const [model] = useState(() => createRevealModel(props));
  const { total } = props;
  useEffect(() => model.start(), []);
  const today = useToday(props.today);
  const { status, outfits, running, error, gaveUp, busy } = model;
  const made = outfits.value.length;
  const current = Math.min(total, Math.max(1, model.currentOutfit.value));
  const candidate = props.request.mode === "consider_buying"
    ? props.request.candidate
    : null;
  const anchorIds = props.request.mode === "complete"
    ? props.request.anchor_ids
    : undefined;
  const verdict = model.verdict.value;

  return (
    <div
      class="reveal"
      data-status={status.value}
      data-transport={model.transport.value}
      data-ready={model.ready.value ? "true" : undefined}
    >
      {candidate && verdict && (
        <VerdictCard verdict={verdict} candidate={candidate} />
      )}

      <section class="card reveal-progress" aria-label="Progress">
        <p class="status-text" role="status" aria-live="polite">
          {statusText(model)}
        </p>
        <ProgressBar value={model.progress.value} label="Outfits progress" />
        <p class="status-meta">
          <span class="outfit-count">
            {running.value
              ? `Outfit ${current} of ${total}`
              : `${made} of ${total} outfits ready`}
          </span>
          <span class="elapsed">
            <span class="visually-hidden">Elapsed:</span> {model.elapsed.value}
            {" "}
            s
          </span>
        </p>
        {running.value && (
          <button
            type="button"
            class="button button-quiet"
            onClick={model.cancel}
            disabled={busy.value}
          >
            Cancel
          </button>
        )}
      </section>

      {(error.value || gaveUp.value) && (
        <div
          class={`notice ${status.value === "cancelled" ? "" : "notice-error"}`}
          role="alert"
        >
          <p>
            {gaveUp.value ? TOO_LONG : error.value}
            {made > 0 && !gaveUp.value &&
              ` Here ${
                made === 1 ? "is the outfit" : `are the ${made} outfits`
              } finished before it stopped.`}
          </p>
          <button
            type="button"
            class="button"
            onClick={gaveUp.value ? () => location.reload() : model.retry}
            disabled={busy.value}
          >
            {status.value === "cancelled" ? "Start again" : "Try again"}
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
              newId={candidate ? props.candidate_id : undefined}
              anchorIds={anchorIds}
            />
          </li>
        ))}
        {running.value &&
          Array.from(
            { length: total - made },
            (_, i) => (
              <li key={`next-${made + i}`} aria-hidden="true">
                <OutfitPlaceholder number={made + i + 1} active={i === 0} />
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
            Style three more
          </button>
        </div>
      )}

      {props.flags.debug && (
        <section class="card reasoning" aria-labelledby="reasoning-title">
          <h2 id="reasoning-title">Stylist's reasoning</h2>
          <pre class="reasoning-text">
            {model.reasoning.value ||
              (running.value ? "Waiting for the stylist…" : "No reasoning was recorded for this job.")}
          </pre>
        </section>
      )}
    </div>
  );
}

const NOT_KEPT: LookSeed = { id: null, saved: false, rating: null, worn: [] };

/** A finished outfit, with what the shopper can do with it. */
function RevealCard(
  { outfit, seed, source, today, labels, newId, anchorIds }: {
    outfit: Outfit;
    seed: LookSeed | null;
    source: LookSource;
    today: string;
    labels: Record<string, string>;
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
      eyebrow={`Outfit ${number}`}
      headingId={headingId}
      suits={outfit.occasions?.map((o) => labels[o] ?? o)}
      newId={newId}
      anchorIds={anchorIds}
    >
      <LookActions model={look} today={today} headingId={headingId} />
    </OutfitCard>
  );
}

function statusText(model: RevealModel): string {
  switch (model.status.value) {
    case "complete":
      return "Complete! Your outfits are ready.";
    case "failed":
      return "The stylist stopped before finishing.";
    case "cancelled":
      return "Cancelled.";
    default:
      return model.message.value || "Starting…";
  }
}

/**
 * The complete-a-look flow's form: pick one to three anchor pieces. A
 * wardrobe can hold 120 pieces and more, so the grid filters by category
 * and by name, and what is chosen (with "Create outfits") stays in a bar at
 * the foot of the screen, whatever the filter shows.
 */
import { useSignal } from "@preact/signals";
import { ItemVisual, type VisualItem } from "../components/item_visual.tsx";
import {
  type DayDefaults,
  DayFields,
  dayRequest,
  dayValues,
  useDayFields,
} from "../components/day_fields.tsx";
import { apiIssues, DAY, standing } from "../components/field_issues.ts";
import { focusFirstError, issueFor, toggled } from "../components/fields.tsx";
import type { PageFlags } from "../lib/client/api.ts";
import { useGeneration } from "../lib/client/generation.ts";
import { categoryName } from "../components/item_words.ts";

export type AnchorChoice = VisualItem & { id: string; category: string };

/** A category the wardrobe has, as the filter shows it ("Tops", 9). */
export type CategoryChoice = { id: string; label: string; count: number };

export type CompleteFormProps = {
  items: AnchorChoice[];
  /** The wardrobe's categories in the server's order, with their counts. */
  categories: CategoryChoice[];
  flags: PageFlags;
  day: DayDefaults;
};

const MAX = 3;
const ALL = "";

export default function CompleteForm(
  { items, categories, flags, day: defaults }: CompleteFormProps,
) {
  const chosen = useSignal<string[]>([]);
  const day = useDayFields(defaults);
  /** The day fields as last sent, which the server's messages speak about. */
  const sent = useSignal<ReturnType<typeof dayValues> | null>(null);
  const category = useSignal(ALL);
  const query = useSignal("");
  const generation = useGeneration(flags);
  const { problem } = generation;

  async function submit(e: Event) {
    e.preventDefault();
    if (!chosen.value.length) {
      problem.value = { error: "Choose at least one piece to build around." };
      return;
    }
    const form = e.currentTarget as HTMLFormElement;
    sent.value = dayValues(day);
    await generation.start({
      mode: "complete",
      anchor_ids: chosen.value,
      ...dayRequest(day),
      include_reasoning: flags.debug,
      parallel: false,
    });
    // Refused (a field the server found wrong): take the shopper to it.
    if (problem.value?.issues?.length) focusFirstError(form);
  }

  const full = chosen.value.length >= MAX;
  const names = chosen.value.map((id) => items.find((i) => i.id === id)?.name);
  const words = query.value.trim().toLowerCase();
  const shown = items.filter((item) =>
    (!category.value || item.category === category.value) &&
    item.name.toLowerCase().includes(words)
  );
  const filtered = shown.length < items.length;
  const issues = problem.value?.issues ?? [];
  const isDay = (path: string) => path.split(".")[0] in DAY;
  const told = standing(
    apiIssues(DAY, issues.filter((i) => isDay(i.path))),
    sent.value,
    dayValues(day),
  );
  const other = issues.find((i) => !isDay(i.path));
  return (
    <form class="form picker" onSubmit={submit} noValidate>
      <div class="pick-tools">
        <div class="field pick-search">
          <label for="pick-search">Search by name</label>
          <input
            id="pick-search"
            type="search"
            value={query.value}
            placeholder="Jeans, white shirt…"
            autocomplete="off"
            onInput={(e) => query.value = e.currentTarget.value}
          />
        </div>
        <fieldset class="pick-filter">
          <legend class="visually-hidden">Category</legend>
          <div class="pick-categories">
            {[{ id: ALL, label: "All", count: items.length }, ...categories]
              .map((c) => (
                <label key={c.id} class="chip">
                  <input
                    type="radio"
                    name="pick-category"
                    value={c.id}
                    checked={category.value === c.id}
                    onChange={() => category.value = c.id}
                  />
                  {c.label} <span class="chip-count">{c.count}</span>
                </label>
              ))}
          </div>
        </fieldset>
      </div>
      <fieldset class="field" aria-describedby="anchors-status">
        <legend>Which pieces do you want to wear?</legend>
        <p class="hint" id="pick-shown" aria-live="polite">
          {filtered
            ? `Showing ${shown.length} of ${items.length} pieces.`
            : `All ${items.length} pieces.`}
        </p>
        {shown.length
          ? (
            <ul class="pick-grid">
              {shown.map((item) => {
                const on = chosen.value.includes(item.id);
                const id = `pick-${item.id}`;
                return (
                  <li key={item.id}>
                    <label class={`pick${on ? " is-picked" : ""}`}>
                      <input
                        type="checkbox"
                        name="anchor_ids"
                        value={item.id}
                        checked={on}
                        disabled={!on && full}
                        // The name alone names it; the category describes.
                        aria-labelledby={`${id}-name`}
                        aria-describedby={`${id}-category`}
                        onChange={() => {
                          chosen.value = toggled(chosen.value, item.id, !on);
                          problem.value = null;
                        }}
                      />
                      <ItemVisual item={item} />
                      <span class="item-name" id={`${id}-name`}>
                        {item.name}
                      </span>
                      <span class="muted" id={`${id}-category`}>
                        {categoryName(item.category)}
                      </span>
                    </label>
                  </li>
                );
              })}
            </ul>
          )
          : (
            <p class="notice pick-none">
              No pieces match.{" "}
              <button
                type="button"
                class="button button-small"
                onClick={() => {
                  query.value = "";
                  category.value = ALL;
                  // This button goes with the message: keep focus nearby.
                  document.getElementById("pick-search")?.focus();
                }}
              >
                Show all pieces
              </button>
            </p>
          )}
      </fieldset>
      <fieldset class="field day-set">
        <legend>For when, and where?</legend>
        <DayFields day={day} error={(path) => issueFor(told, path)} />
      </fieldset>
      {problem.value && (other || !issues.length) && (
        <p class="notice notice-error" role="alert">
          {other?.message ?? problem.value.error}
        </p>
      )}
      <div class="pick-bar">
        <p id="anchors-status" aria-live="polite">
          {chosen.value.length
            ? (
              <>
                <strong>{chosen.value.length} of {MAX} chosen:</strong>{" "}
                <span>{names.join(", ")}.</span>
              </>
            )
            : `Choose up to ${MAX}.`}
        </p>
        <button
          type="submit"
          class="button button-primary"
          disabled={generation.blocked}
        >
          {generation.label("Create outfits")}
        </button>
      </div>
    </form>
  );
}

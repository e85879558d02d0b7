/**
 * The built-in stylist: rule-based, needs no key, deterministic for a seed.
 * It is the default without a model and the fallback that fills the outfits
 * a model failed to deliver, so it streams the same events a model does.
 */
import { flowOf, outfitCount } from "../../flows/mod.ts";
import { askOf, checkFeasible } from "../outfit_rules.ts";
import { composeContext } from "../job_context.ts";
import {
  type OutfitDraft,
  type Stylist,
  StylistError,
  type StylistEvent,
  type StylistInput,
} from "../types.ts";
import { delay } from "../../delay.ts";
import { planOutfits } from "./local_planner.ts";
import { describeOutfit } from "./local_text.ts";

export type LocalStylistOptions = {
  /** Time spent on each outfit, spread over four progress steps (default 0). */
  delayMs?: number;
  /** The clock that decides the season of a job with no context (tests). */
  now?: () => Date;
};

/** Progress is reported in quarters, each preceded by a slice of the pause. */
const STEPS = 4;

/**
 * Creates the built-in stylist.
 *
 * @example
 * const stylist = createLocalStylist({ delayMs: 400 });
 * for await (const event of stylist.generate(input)) console.log(event.type);
 */
export function createLocalStylist(
  options: LocalStylistOptions = {},
): Stylist {
  const delayMs = Math.max(0, options.delayMs ?? 0);
  const now = options.now ?? (() => new Date());
  return {
    name: "local",
    source: "local",
    generate: (input) => generate(input, delayMs, now()),
  };
}

async function* generate(
  input: StylistInput,
  delayMs: number,
  today: Date,
): AsyncGenerator<StylistEvent> {
  const { signal } = input;
  signal.throwIfAborted();
  const count = input.count ?? outfitCount(input.request);
  // Called outside a job (a script, a test): the context a job would settle
  // with no place, so the same notes and rules hold.
  const context = input.context ??
    composeContext(input.request, input.wardrobe, count, {
      place: null,
      weather: null,
      date: today.toISOString().slice(0, 10),
    });
  const plan = flowOf(input.request).plan ?? planOutfits;
  const { brief, outfits } = plan({
    ask: askOf(input.request, input.wardrobe),
    seed: input.seed,
    season: context.season,
    count,
    avoid: input.avoid,
    taste: input.taste,
    context,
  });

  const earlier = input.avoid ?? [];
  const used = {
    titles: new Set(earlier.map((draft) => draft.title)),
    tips: new Set(earlier.map((draft) => draft.tip)),
    forms: new Set<number>(),
  };
  for (const [index, planned] of outfits.entries()) {
    signal.throwIfAborted();
    const text = describeOutfit(planned, planned.brief ?? brief, used);
    used.titles.add(text.title);
    used.tips.add(text.tip);
    yield { type: "outfit_started", outfit_number: index + 1 };
    const pieces = reasoningPieces(text.sentences);
    for (let step = 1; step <= STEPS; step++) {
      if (delayMs > 0) await delay(delayMs / STEPS, signal);
      signal.throwIfAborted();
      const delta = pieces[step - 1];
      if (delta) yield { type: "reasoning", delta };
      yield { type: "outfit_progress", fraction: step / STEPS };
    }
    const outfit: OutfitDraft = {
      title: text.title,
      item_ids: planned.items.map((item) => item.id),
      reasoning: text.reasoning,
      tip: text.tip,
    };
    signal.throwIfAborted();
    yield { type: "outfit", outfit };
  }

  if (outfits.length < count) {
    throw new StylistError(
      checkFeasible(input.request, input.wardrobe, count) ??
        shortfallMessage(outfits.length, count),
    );
  }
}

/**
 * The reasoning split into at most {@link STEPS} deltas that join back into
 * the outfit's reasoning (the worker separates one outfit's from the next).
 */
function reasoningPieces(sentences: string[]): string[] {
  const pieces: string[] = [];
  sentences.forEach((sentence, i) => {
    const slot = Math.min(i, STEPS - 1);
    pieces[slot] = pieces[slot] === undefined
      ? (i === 0 ? "" : " ") + sentence
      : `${pieces[slot]} ${sentence}`;
  });
  return pieces;
}

function shortfallMessage(made: number, wanted: number): string {
  const outfits = made === 1 ? "outfit" : "outfits";
  return `Only ${made} different ${outfits} could be put together for this request, not ${wanted}. Adding a few more pieces to your wardrobe will give more variety.`;
}

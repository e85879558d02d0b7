/**
 * How a job's outfits get made, whoever makes them. The primary stylist (the
 * model, or the built-in one without a key) works one outfit at a time, or in
 * parallel mode three at once; every outfit is validated before it is
 * written; an invalid one is replaced by the fallback stylist, and if the
 * primary fails part-way the fallback finishes the job, so a shopper never
 * ends with nothing because a model misbehaved.
 */
import { MESSAGES, outfitProgress, workProgress } from "../jobs/progress.ts";
import type { JobWriter } from "../jobs/writer.ts";
import { JobLostError } from "../jobs/writer.ts";
import type { JobResult, Outfit, WardrobeItem } from "../schemas.ts";
import { flowOf, outfitCount } from "../flows/mod.ts";
import { rulesFrom } from "./dress_rules.ts";
import { contextOfOutfit } from "./outfit_day.ts";
import { validateOutfit } from "./outfit_rules.ts";
import { reviseWords } from "./revise_words.ts";
import {
  type OutfitDraft,
  type Stylist,
  StylistError,
  type StylistEvent,
  type Taste,
} from "./types.ts";

export type StylingContext = {
  writer: JobWriter;
  wardrobe: WardrobeItem[];
  /** What the shopper saw, wore and rated before. */
  taste?: Taste;
  signal: AbortSignal;
  primary: Stylist;
  /** Stands in for the primary; null when the primary is the last resort. */
  fallback: Stylist | null;
};

/** Directions that keep parallel requests from proposing the same outfit. */
const ANGLES = [
  "the most classic, polished option",
  "the boldest option, with the most colour or contrast",
  "the most relaxed, comfortable option",
];

const REPLACED_REASON =
  "The AI stylist suggested an outfit that did not work with your wardrobe, so the built-in stylist made this one.";

/**
 * Makes the outfits the job still lacks. Returns what the result should say
 * about a fallback, if one was needed.
 */
export async function styleOutfits(
  ctx: StylingContext,
): Promise<JobResult["fallback"]> {
  const { writer, primary, fallback } = ctx;
  const { request } = writer.job;
  const total = outfitCount(request);
  const missing = () => total - writer.job.outfits.length;
  let failure: unknown;
  try {
    const together = request.parallel && flowOf(request).concurrent &&
      primary.source === "model" && missing() > 1;
    if (together) await styleTogether(ctx, primary);
    else await styleInTurn(ctx, primary, missing());
  } catch (err) {
    if (ctx.signal.aborted || err instanceof JobLostError || !fallback) {
      throw err;
    }
    console.warn(`Job "${writer.job.id}": ${primary.name} failed:`, err);
    failure = err;
  }
  if (missing() === 0) return undefined;
  if (!fallback) {
    throw failure ?? new Error(
      `Stylist "${primary.name}" stopped after ${writer.job.outfits.length} outfits`,
    );
  }
  const from = writer.job.outfits.length + 1;
  const error = failure instanceof StylistError
    ? failure.message
    : `The AI stylist made only ${from - 1} of ${total} outfits`;
  await writer.progress(writer.job.progress, MESSAGES.fallingBack, from);
  await styleInTurn(ctx, fallback, missing(), error);
  const numbers = [];
  for (let n = from; n <= total; n++) numbers.push(n);
  return { error, outfits_from_fallback: numbers };
}

/** One outfit after another, with "Creating outfit k of 3…" as each starts. */
async function styleInTurn(
  ctx: StylingContext,
  stylist: Stylist,
  count: number,
  fallbackReason?: string,
): Promise<void> {
  const { writer } = ctx;
  const { request } = writer.job;
  const total = outfitCount(request);
  const creating = (k: number) => flowOf(request).copy.creating(k, total);
  const before = writer.job.outfits.length;
  let current = before + 1;
  // Each outfit's reasoning starts a paragraph of its own, whoever writes it.
  let thoughtsWritten = Boolean(writer.job.reasoning);
  let newOutfit = false;
  for await (const event of run(ctx, stylist, { count })) {
    switch (event.type) {
      case "outfit_started":
        newOutfit = true;
        current = before + event.outfit_number;
        await writer.progress(
          outfitProgress(current, 0, total),
          creating(current),
          current,
        );
        break;
      case "outfit_progress":
        await writer.progress(
          outfitProgress(current, event.fraction, total),
          creating(current),
          current,
        );
        break;
      case "reasoning": {
        if (!writer.job.request.include_reasoning) break;
        const delta = newOutfit ? event.delta.trimStart() : event.delta;
        if (!delta) break;
        writer.reasoning(newOutfit && thoughtsWritten ? `\n\n${delta}` : delta);
        newOutfit = false;
        thoughtsWritten = true;
        break;
      }
      case "outfit":
        await accept(ctx, stylist, event.outfit, fallbackReason);
        break;
      case "invalid_outfit":
        await replace(ctx, stylist, event.reason);
        break;
    }
  }
}

/**
 * Parallel mode: one request per outfit, each with its own angle, outfits
 * written in the order they finish. Reasoning is written per outfit as it
 * closes, because three interleaved streams of thought would read as noise.
 */
async function styleTogether(ctx: StylingContext, stylist: Stylist) {
  const { writer } = ctx;
  const before = writer.job.outfits.length;
  const total = outfitCount(writer.job.request);
  const slots = ANGLES.slice(0, total - before);
  const fractions = slots.map(() => 0);
  const thoughts = slots.map(() => "");
  let thoughtsWritten = Boolean(writer.job.reasoning);
  const report = () => {
    const ready = writer.job.outfits.length;
    return writer.progress(
      workProgress(before + fractions.reduce((a, b) => a + b, 0), total),
      MESSAGES.creatingTogether(ready, total),
      Math.min(ready + 1, total),
    );
  };
  // Outfits from different slots must be checked against each other in turn.
  let turn = Promise.resolve();
  const inTurn = (task: () => Promise<void>) => (turn = turn.then(task, task));

  await report();
  const results = await Promise.allSettled(slots.map(async (angle, slot) => {
    for await (const event of run(ctx, stylist, { count: 1, angle, slot })) {
      switch (event.type) {
        case "outfit_progress":
          fractions[slot] = Math.min(event.fraction, 1);
          await report();
          break;
        case "reasoning":
          thoughts[slot] += event.delta;
          break;
        case "outfit":
        case "invalid_outfit":
          fractions[slot] = 1;
          await inTurn(async () => {
            if (writer.job.request.include_reasoning && thoughts[slot]) {
              const gap = thoughtsWritten ? "\n\n" : "";
              writer.reasoning(gap + thoughts[slot].trim());
              thoughtsWritten = true;
            }
            if (event.type === "outfit") {
              await accept(ctx, stylist, event.outfit);
            } else await replace(ctx, stylist, event.reason);
            await report();
          });
          break;
      }
    }
  }));
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
}

/** The stylist's events, with usage booked as it arrives. */
async function* run(
  ctx: StylingContext,
  stylist: Stylist,
  { count, angle, slot }: { count: number; angle?: string; slot?: number },
): AsyncGenerator<StylistEvent> {
  const { writer, wardrobe, signal, taste } = ctx;
  const events = stylist.generate({
    request: writer.job.request,
    wardrobe,
    taste,
    verdict: writer.job.verdict,
    context: writer.job.context,
    signal,
    seed: slot === undefined ? writer.job.id : `${writer.job.id}:${slot}`,
    avoid: writer.job.outfits,
    count,
    angle,
  });
  for await (const event of events) {
    if (event.type === "usage") writer.addUsage(event.usage);
    else yield event;
  }
}

/** Validates an outfit and writes it, or has it replaced. */
async function accept(
  ctx: StylingContext,
  stylist: Stylist,
  draft: OutfitDraft,
  fallbackReason?: string,
): Promise<void> {
  const { writer, wardrobe } = ctx;
  const { request, outfits: earlier } = writer.job;
  const index = earlier.length;
  // A trip's outfit k is day k's: checked and worded for that day.
  const context = contextOfOutfit(writer.job.context, index);
  const check = validateOutfit(draft, {
    request,
    wardrobe,
    earlier,
    blocked: ctx.taste?.blocked,
    rules: rulesFrom(context?.rules ?? []),
  });
  if (!check.ok) return await replace(ctx, stylist, check.reason);
  const words = reviseWords(draft, check.items, {
    request,
    wardrobe,
    earlier,
    context,
  });
  const outfit: Outfit = {
    title: words.title,
    item_ids: draft.item_ids,
    items: check.items,
    reasoning: draft.reasoning,
    tip: words.tip,
    source: stylist.source,
    ...(words.occasions ? { occasions: words.occasions } : {}),
    ...(fallbackReason ? { fallback_reason: fallbackReason } : {}),
    ...(context?.days ? { date: context.date } : {}),
  };
  await writer.append({
    type: "outfit",
    data: { outfit_number: index + 1, outfit },
  });
}

/** Puts a fallback outfit where the stylist's invalid one would have gone. */
async function replace(
  ctx: StylingContext,
  stylist: Stylist,
  reason: string,
): Promise<void> {
  if (!ctx.fallback || stylist === ctx.fallback) {
    throw new Error(
      `Stylist "${stylist.name}" proposed an invalid outfit: ${reason}`,
    );
  }
  console.warn(`Job "${ctx.writer.job.id}": replacing an outfit: ${reason}`);
  await styleInTurn(ctx, ctx.fallback, 1, REPLACED_REASON);
}

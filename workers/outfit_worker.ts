/**
 * What a Stylist job does, once a runner has claimed it (lib/jobs/runner.ts
 * holds the claim, the lease, cancel and shutdown): read the wardrobe and
 * the shopper's taste, let the stylists make the outfits, remember what was
 * shown, and end with the result.
 */
import { InProcessEngine, type InProcessOptions } from "../lib/jobs/engine.ts";
import { JobFeeds } from "../lib/jobs/feed.ts";
import {
  JobRunner,
  type JobWork,
  type RunnerOptions,
} from "../lib/jobs/runner.ts";
import { MESSAGES, PROGRESS } from "../lib/jobs/progress.ts";
import type { JobWriter } from "../lib/jobs/writer.ts";
import { rememberShown } from "../lib/looks/recent.ts";
import { loadTaste } from "../lib/looks/taste.ts";
import type { JobResult } from "../lib/schemas.ts";
import { flowOf, outfitCount } from "../lib/flows/mod.ts";
import { packingOf } from "../lib/client/packing.ts";
import { settleContext } from "../lib/stylist/job_context.ts";
import { styleOutfits } from "../lib/stylist/styling.ts";
import { type Stylist, StylistError } from "../lib/stylist/types.ts";
import { listWardrobe } from "../lib/wardrobe.ts";
import type { WeatherConfig } from "../lib/weather/forecast.ts";

export type OutfitStylists = {
  /** Does the styling: the model, or the built-in stylist without a key. */
  stylist: Stylist;
  /** Replaces invalid outfits and finishes after a model failure. */
  fallback?: Stylist;
};

export const GAVE_UP_MESSAGE =
  "We couldn't finish your outfits this time. Here is what was ready; please try again.";

const FAILED_MESSAGE = "Something went wrong while styling your outfits.";

/** What a failure tells the shopper: a stylist's own words, or a plain line. */
export function describeFailure(err: unknown) {
  return err instanceof StylistError
    ? { message: err.message, logged: false }
    : { message: FAILED_MESSAGE, logged: true };
}

/**
 * The work of an outfit job, for a runner. `weather` is where forecasts
 * come from (null: `WEATHER=off`).
 */
export function outfitWork(
  kv: Deno.Kv,
  stylists: OutfitStylists,
  weather: WeatherConfig | null = null,
): JobWork {
  return async (writer, signal) => {
    const { user_id: userId, request } = writer.job;
    const total = outfitCount(request);
    let remembered = false;
    try {
      const [wardrobe, taste] = await Promise.all([
        listWardrobe(kv, userId),
        loadTaste(kv, userId),
      ]);
      // Someone started it before: a worker that died, or a hand-back on
      // shutdown (which does not count as an attempt).
      const { attempts, progress, outfits } = writer.job;
      const resumed = attempts > 1 || outfits.length > 0 ||
        progress >= PROGRESS.wardrobeLoaded;
      const settled = Boolean(writer.job.context);
      await writer.progress(
        PROGRESS.wardrobeLoaded,
        resumed
          ? MESSAGES.resuming
          : request.place && weather && !settled
          ? MESSAGES.checkingWeather(request.place)
          : MESSAGES.wardrobeLoaded,
        writer.job.current_outfit,
      );
      // Once per job: an attempt that takes over keeps the first one's.
      if (!settled) {
        const context = await settleContext(
          { kv, weather },
          request,
          wardrobe,
          total,
          signal,
        );
        await writer.append({ type: "context", data: { context } });
      }
      const fallback = await styleOutfits({
        writer,
        wardrobe,
        taste,
        signal,
        primary: stylists.stylist,
        fallback: stylists.fallback ?? null,
      });
      await writer.progress(
        PROGRESS.finalizing,
        MESSAGES.finalizing,
        total,
      );
      await writer.flush();
      // Before the end is announced: a shopper who asks again at once must
      // already find these outfits remembered.
      await remember(kv, writer);
      remembered = true;
      await writer.append(
        {
          type: "progress",
          data: {
            progress: PROGRESS.complete,
            message: MESSAGES.complete,
            current_outfit: total,
          },
        },
        { type: "complete", data: { result: resultOf(writer, fallback) } },
      );
    } finally {
      // Failed, cancelled or handed back: what was shown still counts.
      if (!remembered) await remember(kv, writer);
    }
  };
}

/**
 * Notes the outfits the job showed, so asking again gives new ones. Never
 * fails the job: a shopper keeps their outfits even if this write is lost.
 */
async function remember(kv: Deno.Kv, writer: JobWriter): Promise<void> {
  try {
    await rememberShown(kv, writer.job.user_id, writer.job.outfits);
  } catch (err) {
    console.error(`Job "${writer.job.id}": outfits not remembered:`, err);
  }
}

function resultOf(
  writer: JobWriter,
  fallback: JobResult["fallback"],
): JobResult {
  const { outfits, reasoning, request, usage, verdict } = writer.job;
  return {
    outfits,
    // A flow that spans days packs for them.
    ...(flowOf(request).days ? { packing: packingOf(outfits) } : {}),
    ...(verdict ? { verdict } : {}),
    ...(request.include_reasoning ? { reasoning } : {}),
    ...(usage ? { usage } : {}),
    ...(fallback ? { fallback } : {}),
  };
}

export type OutfitEngineOptions =
  & Omit<
    InProcessOptions,
    "work" | "feeds" | "describeFailure" | "gaveUpMessage"
  >
  & {
    stylists: OutfitStylists;
    /** Where forecasts come from; null or absent: none are looked up. */
    weather?: WeatherConfig | null;
    /** The thread's feeds (the app's, when jobs run beside the HTTP server). */
    feeds?: JobFeeds;
  };

/** A runner for outfit jobs (no queue, no sweep: for tests and tools). */
export function outfitRunner(
  options: Omit<
    OutfitEngineOptions,
    "useQueue" | "sweep" | "sweepIntervalMs"
  >,
): JobRunner {
  return new JobRunner({ ...options, ...runnerOptions(options) });
}

/** Outfit jobs run in this thread: from the queue, by dispatch, by the sweep. */
export function startOutfitEngine(
  options: OutfitEngineOptions,
): InProcessEngine {
  return new InProcessEngine({ ...options, ...runnerOptions(options) });
}

function runnerOptions(
  options: Pick<OutfitEngineOptions, "kv" | "stylists" | "feeds" | "weather">,
): Pick<RunnerOptions, "work" | "feeds" | "describeFailure" | "gaveUpMessage"> {
  return {
    work: outfitWork(options.kv, options.stylists, options.weather ?? null),
    feeds: options.feeds ?? new JobFeeds(),
    describeFailure,
    gaveUpMessage: GAVE_UP_MESSAGE,
  };
}

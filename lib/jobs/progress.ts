/**
 * Where the progress bar stands at each real milestone of a job. The numbers
 * are fixed points; between "outfit k started" and "outfit k finished" the
 * bar moves with the share of that outfit the stylist reports as written,
 * so it never jumps ahead of the work and never runs backwards.
 */
export const PROGRESS = {
  queued: 2,
  wardrobeLoaded: 10,
  /** The span the outfits share: from `firstOutfit` to `finalizing`. */
  firstOutfit: 15,
  finalizing: 95,
  complete: 100,
} as const;

/**
 * What the status line says, in a shopper's words (each flow says what it
 * is making: lib/flows/). The seed spec's "Creating outfit 1 of 3…",
 * "Finalizing outfits…" and "Complete!" stay;
 * "Queued…" and "Wardrobe loaded, starting generation…" were a developer's.
 */
export const MESSAGES = {
  queued: "Getting ready…",
  wardrobeLoaded: "Looking through your wardrobe…",
  /** The job looks up the forecast for the place asked about. */
  checkingWeather: (place: string) => `Checking the forecast for ${place}…`,
  /** A job taken over after its first worker stopped. */
  resuming: "Picking up where we left off…",
  /** Parallel mode: every outfit is under way at once. */
  creatingTogether: (ready: number, total: number) =>
    ready === 0
      ? `Creating ${total} outfits at once…`
      : `Creating outfits… ${ready} of ${total} ready`,
  fallingBack: "Finishing with the built-in stylist…",
  finalizing: "Finalizing outfits…",
  complete: "Complete!",
} as const;

/**
 * Progress once `outfitsWorth` outfits' worth of work is done (0..total),
 * whether that is one outfit at a time or several at once.
 */
export function workProgress(
  outfitsWorth: number,
  total: number,
): number {
  const span = (PROGRESS.finalizing - PROGRESS.firstOutfit) / total;
  const done = Math.min(total, Math.max(0, outfitsWorth));
  return Math.floor(PROGRESS.firstOutfit + span * done);
}

/**
 * Progress while outfit `k` (1-based) is `fraction` (0..1) written.
 * `outfitProgress(k, 1) === outfitProgress(k + 1, 0)`.
 */
export function outfitProgress(
  k: number,
  fraction: number,
  total: number,
): number {
  return workProgress(k - 1 + Math.min(1, Math.max(0, fraction)), total);
}

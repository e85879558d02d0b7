/**
 * How alike two outfits are, by the pieces they share. One measure for the
 * stylists (avoiding recent and blocked outfits), the validation of model
 * outfits and the benchmarks, so "a near copy" means the same everywhere.
 * Pieces every outfit of a request must hold (anchors, the candidate) are
 * left out: they are shared by design.
 */

/** Sharing this share of pieces makes an outfit a near copy of another. */
export const NEAR_COPY = 0.8;
/** Sharing this share reads as "the same look again" across batches. */
export const LOOKS_ALIKE = 0.6;

const NONE: ReadonlySet<string> = new Set();

/** Distinct pieces on each side, and how many they share. */
function overlap(
  a: readonly string[],
  b: readonly string[],
  except: ReadonlySet<string>,
): { left: number; right: number; shared: number } {
  const left = new Set(a.filter((id) => !except.has(id)));
  const right = new Set(b.filter((id) => !except.has(id)));
  let shared = 0;
  for (const id of left) if (right.has(id)) shared++;
  return { left: left.size, right: right.size, shared };
}

/**
 * The share of pieces two outfits have in common: shared ÷ the larger
 * outfit's count, so "sharing 80 % of their pieces" means 4 of 5.
 *
 * @example sharedShare(["a", "b", "c", "d", "e"], ["a", "b", "c", "d", "f"]) // 0.8
 */
export function sharedShare(
  a: readonly string[],
  b: readonly string[],
  except: ReadonlySet<string> = NONE,
): number {
  const { left, right, shared } = overlap(a, b, except);
  const size = Math.max(left, right);
  return size === 0 ? 1 : shared / size;
}

/**
 * Jaccard overlap: shared ÷ all distinct pieces of the two outfits.
 *
 * @example jaccard(["a", "b"], ["b", "c"]) // 1 / 3
 */
export function jaccard(
  a: readonly string[],
  b: readonly string[],
  except: ReadonlySet<string> = NONE,
): number {
  const { left, right, shared } = overlap(a, b, except);
  const union = left + right - shared;
  return union === 0 ? 1 : shared / union;
}

/** The first of `others` that `ids` nearly copies (≥ {@link NEAR_COPY}), or -1. */
export function indexOfNearCopy(
  ids: readonly string[],
  others: readonly (readonly string[])[],
  except: ReadonlySet<string> = NONE,
): number {
  return others.findIndex((other) =>
    sharedShare(ids, other, except) >= NEAR_COPY
  );
}

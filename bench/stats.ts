/**
 * What every benchmark reports: a distribution summarised by percentiles, or
 * a single value, with the goal it is held to. The runner prints these as a
 * table and writes them to bench/results.json.
 */

export type Summary = {
  n: number;
  mean: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
};

export type Result = {
  /** Stable key in results.json, e.g. "delivery_kv_watch". */
  id: string;
  /** What was measured, as the table shows it. */
  metric: string;
  /** "n": a plain count or ratio. */
  unit: "ms" | "%" | "×" | "jobs/s" | "MB" | "B" | "n";
  /** A distribution (p50 / p95 / p99), when the metric is one. */
  summary?: Summary;
  /** A single number (a ratio, a peak, a size), when the metric is one. */
  value?: number;
  /** The goal as the issue states it, e.g. "p50 ≤ 20, p99 ≤ 50". */
  goal?: string;
  /** Whether the goal was met; absent when there is no goal. */
  pass?: boolean;
  /** How it was measured, in a few words. */
  note?: string;
};

/**
 * The nearest-rank percentile of `sorted` (ascending): the smallest sample
 * with at least `p` % of the samples at or below it.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/**
 * @example
 * summarize([3, 1, 2]); // { n: 3, mean: 2, min: 1, p50: 2, p95: 3, p99: 3, max: 3 }
 */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    mean: sorted.length ? sum / sorted.length : NaN,
    min: sorted[0] ?? NaN,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

export function mean(samples: readonly number[]): number {
  return samples.reduce((a, b) => a + b, 0) / samples.length;
}

/** Runs `task` over `items` with at most `limit` running at once. */
export async function pool<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from(
    { length: Math.min(limit, items.length) },
    async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i], i);
      }
    },
  );
  await Promise.all(lanes);
  return results;
}

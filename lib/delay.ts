/**
 * The one way the app waits: `ms` (for ever, for Infinity), or less if the
 * signal aborts first; either way no timer or listener outlives the wait.
 * Resolves true when the time ran out, false when the signal cut it short,
 * so each caller decides whether an abort is an error.
 *
 * @example if (!await delay(500, signal)) signal.throwIfAborted();
 */
export function delay(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = Number.isFinite(ms)
      ? setTimeout(() => finish(true), ms)
      : undefined;
    const onAbort = () => finish(false);
    signal?.addEventListener("abort", onAbort, { once: true });
    function finish(completed: boolean) {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve(completed);
    }
  });
}

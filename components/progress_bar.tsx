/**
 * A progress bar screen readers understand (`role="progressbar"` with its
 * value); the fill moves with a CSS transition as events arrive.
 */
export function ProgressBar(
  { value, label }: { value: number; label: string },
) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      class="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
    >
      <div
        class="progress-fill"
        style={{ transform: `scaleX(${pct / 100})` }}
      />
    </div>
  );
}

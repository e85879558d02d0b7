/**
 * A progress bar screen readers understand (`role="progressbar"` with its
 * value); the fill moves with a CSS transition as events arrive.
 *
 * The fill is an SVG rectangle whose `width` (a presentation attribute, in
 * hundredths of the bar) carries the value: a `style` attribute would be
 * blocked by the Content-Security-Policy, which allows no inline styles.
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
      <svg
        class="progress-track"
        viewBox="0 0 100 1"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        <rect class="progress-fill" width={pct} height="1" />
      </svg>
    </div>
  );
}

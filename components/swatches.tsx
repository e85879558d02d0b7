/** Colour chips for an item that has no photo, named for screen readers. */
import type { ColorName } from "../lib/colors.ts";

/**
 * The class that paints a colour (static/css/pages.css has one per palette
 * colour). A class rather than a `style` attribute: the Content-Security-
 * Policy allows no inline styles.
 */
export function swatchClass(color: string): string {
  return `swatch swatch-${color.replaceAll(" ", "-")}`;
}

export function Swatches(
  { colors, size = "small" }: {
    colors: readonly ColorName[];
    size?: "small" | "tile";
  },
) {
  return (
    <span
      class={`swatches swatches-${size}`}
      role="img"
      aria-label={`Colours: ${colors.join(", ")}`}
    >
      {colors.map((color) => <span key={color} class={swatchClass(color)} />)}
    </span>
  );
}

/**
 * Colour chips, named for screen readers: the colours of a wardrobe at a
 * glance on the home page, and the chips of the colour picker.
 */
import type { ColorName } from "../lib/colors.ts";

/**
 * The class that paints a colour (static/css/pages.css has one per palette
 * colour). A class rather than a `style` attribute: the Content-Security-
 * Policy allows no inline styles.
 */
export function swatchClass(color: string): string {
  return `swatch swatch-${color.replaceAll(" ", "-")}`;
}

export function Swatches({ colors }: { colors: readonly ColorName[] }) {
  return (
    <span
      class="swatches"
      role="img"
      aria-label={`Colours: ${colors.join(", ")}`}
    >
      {colors.map((color) => <span key={color} class={swatchClass(color)} />)}
    </span>
  );
}

/** Colour chips: the chips of the colour picker. */

/**
 * The class that paints a colour (static/css/pages.css has one per palette
 * colour). A class rather than a `style` attribute: the Content-Security-
 * Policy allows no inline styles.
 */
export function swatchClass(color: string): string {
  return `swatch swatch-${color.replaceAll(" ", "-")}`;
}

/** Colour chips for an item that has no photo, named for screen readers. */
import { type ColorName, PALETTE } from "../lib/colors.ts";

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
      {colors.map((color) => (
        <span
          key={color}
          class="swatch"
          style={{ background: PALETTE[color]?.hex ?? "#ccc" }}
        />
      ))}
    </span>
  );
}

/**
 * How an item looks on a card: its photo when it has one, else a tile of its
 * colours. The photo's alt is empty because the item's name sits beside it.
 */
import type { ColorName } from "../lib/colors.ts";
import { Swatches } from "./swatches.tsx";

export type VisualItem = {
  name: string;
  colors: readonly ColorName[];
  image_url?: string;
};

export function ItemVisual({ item }: { item: VisualItem }) {
  if (item.image_url) {
    return (
      <img
        class="item-visual"
        src={item.image_url}
        alt=""
        loading="lazy"
        decoding="async"
        referrerpolicy="no-referrer"
      />
    );
  }
  return <Swatches colors={item.colors} size="tile" />;
}

/**
 * What a shared look shows of its pieces: each one's name and picture,
 * nothing else of the shopper's. A piece still in their wardrobe shows the
 * photo it has now (as on /looks); the look's own copy may name bytes since
 * replaced or deleted with the piece, and then the piece is drawn.
 */
import type { ColorName } from "../colors.ts";
import { keys } from "../kv.ts";
import type { Look } from "../looks/look.ts";
import type { Category, ItemPhoto, Pattern, WardrobeItem } from "../schemas.ts";
import { DISPLAY_RANK } from "../stylist/wearable.ts";

export type SharedPiece = {
  id: string;
  name: string;
  category: Category;
  colors: readonly ColorName[];
  pattern: Pattern;
  photo?: ItemPhoto;
  image_url?: string;
};

/** The look's pieces, top to bottom as they are worn, as a stranger sees them. */
export async function sharedPieces(
  kv: Deno.Kv,
  owner: string,
  look: Look,
): Promise<SharedPiece[]> {
  const owned = new Map<string, WardrobeItem>();
  // getMany takes at most 10 keys a call.
  for (let i = 0; i < look.items.length; i += 10) {
    const entries = await kv.getMany<WardrobeItem[]>(
      look.items.slice(i, i + 10).map((item) =>
        keys.wardrobeItem(owner, item.id)
      ),
    );
    for (const { value } of entries) if (value) owned.set(value.id, value);
  }
  return look.items
    .map(({ id, name, category, colors, pattern, image_url }) => {
      const photo = owned.get(id)?.photo;
      return {
        id,
        name,
        category,
        colors,
        pattern,
        ...(image_url ? { image_url } : {}),
        ...(photo ? { photo } : {}),
      };
    })
    .sort((a, b) => DISPLAY_RANK[a.category] - DISPLAY_RANK[b.category]);
}

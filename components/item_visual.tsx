/**
 * A piece's picture: its photo when it has one, else its drawing, served as
 * an image by /illustrations/item.svg so the drawings never ship in island
 * JavaScript. The alt is empty because the piece's name sits beside it.
 */
import { illustrationUrl } from "../lib/illustrations/url.ts";
import type { IllustratedItem } from "../lib/illustrations/url.ts";
import { type PhotoRef, photoUrl } from "../lib/photos/url.ts";

export type VisualItem = IllustratedItem & {
  /** A photo the shopper uploaded (the server sets it). */
  photo?: PhotoRef;
  /** A picture already online, by its address. */
  image_url?: string;
};

/** A piece as a picture and its caption show it. */
export type ShownPiece = VisualItem & { id: string };

/**
 * Only what a piece's picture and caption need, as props travel to the
 * browser; `photo` replaces the piece's own (a look's copy of a piece shows
 * the photo the piece has now).
 */
export function shownPiece(
  { id, name, category, colors, pattern, image_url, photo: own }: ShownPiece,
  photo: PhotoRef | undefined = own,
): ShownPiece {
  return {
    id,
    name,
    category,
    colors,
    pattern,
    ...(image_url ? { image_url } : {}),
    ...(photo ? { photo } : {}),
  };
}

/**
 * Which picture a piece shows, decided here and nowhere else: the shopper's
 * own photo, then a picture from the web, then the drawing.
 */
export function pictureOf(item: VisualItem): { src: string; photo: boolean } {
  if (item.photo) return { src: photoUrl(item.photo), photo: true };
  if (item.image_url) return { src: item.image_url, photo: true };
  return { src: illustrationUrl(item), photo: false };
}

export function ItemVisual({ item }: { item: VisualItem }) {
  const { src, photo } = pictureOf(item);
  return (
    <img
      class={photo ? "item-visual is-photo" : "item-visual"}
      src={src}
      alt=""
      loading="lazy"
      decoding="async"
      referrerpolicy="no-referrer"
    />
  );
}

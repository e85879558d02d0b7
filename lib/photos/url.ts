/**
 * Where a wardrobe photo is served: its content hash and its type's
 * extension, so the URL changes whenever the picture does and the response
 * can be cached for good. No imports: islands bundle this.
 */

const EXTENSIONS = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
} as const;

export type PhotoRef = { id: string; type: keyof typeof EXTENSIONS };

/** @example photoFile({ id: "0f…", type: "image/webp" }) // "0f….webp" */
export function photoFile(photo: PhotoRef): string {
  return `${photo.id}.${EXTENSIONS[photo.type]}`;
}

/** @example photoUrl({ id: "0f…", type: "image/webp" }) // "/photos/0f….webp" */
export function photoUrl(photo: PhotoRef): string {
  return `/photos/${photoFile(photo)}`;
}

/** The photo id and type a `/photos/…` file name stands for, or null. */
export function parsePhotoFile(
  file: string,
): PhotoRef | null {
  const match = /^([0-9a-f]{32})\.(jpg|png|webp)$/.exec(file);
  if (!match) return null;
  const type = (Object.keys(EXTENSIONS) as PhotoRef["type"][]).find((t) =>
    EXTENSIONS[t] === match[2]
  )!;
  return { id: match[1], type };
}

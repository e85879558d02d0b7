/**
 * Sends a wardrobe photo, or takes it away, and reads the item back. The
 * photo goes as the request's raw body (the server reads what it is from
 * its bytes), so this cannot share `sendJson`, which sends JSON.
 */
import { type ApiError, sendJson } from "./api.ts";
import type { WardrobeItem } from "../schemas.ts";

/** What to do with an item's photo when it is saved. */
export type PhotoChange = { blob: Blob } | "remove" | null;

export type PhotoResult =
  | { ok: true; item: WardrobeItem }
  | { ok: false; error: string };

async function putPhoto(path: string, blob: Blob): Promise<PhotoResult> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: "PUT",
      headers: { "content-type": blob.type, accept: "application/json" },
      body: blob,
      cache: "no-store",
    });
  } catch {
    return {
      ok: false,
      error: "Can't reach Stylist. Check your connection and try again.",
    };
  }
  // A proxy's error page is not JSON: a sentence of our own then.
  const body: Partial<WardrobeItem & ApiError> = await res.json()
    .catch(() => ({}));
  return res.ok ? { ok: true, item: body as WardrobeItem } : {
    ok: false,
    error: body.error ?? "The photo could not be saved. Please try again.",
  };
}

/**
 * Applies `change` to item `id`; `null` when there is nothing to do.
 *
 * @example await applyPhoto("i7", { blob }) // { ok: true, item: { …, photo } }
 */
export async function applyPhoto(
  id: string,
  change: PhotoChange,
): Promise<PhotoResult | null> {
  if (!change) return null;
  const path = `/api/wardrobe/items/${encodeURIComponent(id)}/photo`;
  if (change !== "remove") return putPhoto(path, change.blob);
  const res = await sendJson<WardrobeItem>("DELETE", path);
  return res.status === 200 ? { ok: true, item: res.body } : {
    ok: false,
    error: res.body.error ??
      "The photo could not be removed. Please try again.",
  };
}

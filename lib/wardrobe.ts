/**
 * A shopper's wardrobe in KV, one key per item so edits never race over one
 * big value. A new shopper starts with the sample wardrobe: reading it costs
 * no write (a visitor who only looks, or sends a bad request, leaves nothing
 * behind), and it is copied into their own keys the first time they change
 * it.
 */
import { keys, untilCommitted } from "./kv.ts";
import { Refusal } from "./refusal.ts";
import { SAMPLE_WARDROBE } from "./sample_wardrobe.ts";
import {
  CATEGORIES,
  type ItemPhoto,
  type NewWardrobeItem,
  type WardrobeItem,
} from "./schemas.ts";

/** Enough for any real closet, and keeps a reset within one atomic commit. */
export const MAX_WARDROBE_ITEMS = 200;

export class WardrobeFullError extends Refusal {
  override name = "WardrobeFullError";
  constructor() {
    super(`A wardrobe holds at most ${MAX_WARDROBE_ITEMS} items`, 409);
  }
}

/**
 * Photos a shopper may keep (each at most 60 KB: 6 MB in all), so a
 * throwaway cookie cannot fill the store with 200 of them.
 */
export const MAX_PHOTOS = 100;

export class TooManyPhotosError extends Refusal {
  override name = "TooManyPhotosError";
  constructor() {
    super(
      `You can keep photos of up to ${MAX_PHOTOS} pieces. Remove the photo from a piece to add this one.`,
      409,
    );
  }
}

const categoryRank = Object.fromEntries(CATEGORIES.map((c, i) => [c, i]));

function byCategoryThenName(a: WardrobeItem, b: WardrobeItem): number {
  return categoryRank[a.category] - categoryRank[b.category] ||
    a.name.localeCompare(b.name);
}

type UserRecord = { created_at: string };

/**
 * Writes the sample wardrobe for a user seen for the first time, and returns
 * the user record as it now stands (callers that check it need not re-read).
 */
async function ensureSeeded(
  kv: Deno.Kv,
  userId: string,
): Promise<Deno.KvEntryMaybe<UserRecord>> {
  const key = keys.user(userId);
  const user = await kv.get<UserRecord>(key);
  if (user.versionstamp) return user;
  const value = { created_at: new Date().toISOString() };
  const op = kv.atomic().check(user).set(key, value);
  for (const item of SAMPLE_WARDROBE) {
    op.set(keys.wardrobeItem(userId, item.id), item);
  }
  const res = await op.commit();
  // Not ok: a concurrent request seeded it first, the outcome we wanted.
  return res.ok
    ? { key, value, versionstamp: res.versionstamp }
    : await kv.get<UserRecord>(key);
}

async function readItems(
  kv: Deno.Kv,
  userId: string,
): Promise<Deno.KvEntry<WardrobeItem>[]> {
  const entries: Deno.KvEntry<WardrobeItem>[] = [];
  for await (
    const entry of kv.list<WardrobeItem>({ prefix: keys.wardrobe(userId) })
  ) entries.push(entry);
  return entries;
}

/** Keeps the sample wardrobe as the shopper's own, to edit from there. */
export async function keepSampleWardrobe(
  kv: Deno.Kv,
  userId: string,
): Promise<WardrobeItem[]> {
  await ensureSeeded(kv, userId);
  return await listWardrobe(kv, userId);
}

/** Starts the shopper on an empty wardrobe: no items, no photos. */
export async function clearWardrobe(
  kv: Deno.Kv,
  userId: string,
): Promise<void> {
  const key = keys.user(userId);
  await untilCommitted("empty the wardrobe", async () => {
    const user = await kv.get<UserRecord>(key);
    const op = kv.atomic().check(user)
      .set(key, user.value ?? { created_at: new Date().toISOString() });
    for (const entry of await readItems(kv, userId)) op.delete(entry.key);
    for await (const entry of kv.list({ prefix: keys.photos(userId) })) {
      op.delete(entry.key);
    }
    return (await op.commit()).ok || null;
  });
}

/** The user's items, grouped by category and sorted by name. */
export async function listWardrobe(
  kv: Deno.Kv,
  userId: string,
): Promise<WardrobeItem[]> {
  return (await readWardrobe(kv, userId)).items;
}

/**
 * The user's items, and whether they are still the sample wardrobe rather
 * than one the shopper made theirs (by changing it, keeping it, clearing or
 * resetting): one read of the user record tells both.
 */
export async function readWardrobe(
  kv: Deno.Kv,
  userId: string,
): Promise<{ items: WardrobeItem[]; sample: boolean }> {
  const user = await kv.get<UserRecord>(keys.user(userId));
  const sample = !user.versionstamp;
  const items = sample
    ? [...SAMPLE_WARDROBE]
    : (await readItems(kv, userId)).map((e) => e.value);
  return { items: items.sort(byCategoryThenName), sample };
}

/**
 * Seeds the wardrobe before a change to item `itemId`; false when the user
 * has no such item, so a change to a missing item writes nothing.
 */
async function seededWith(
  kv: Deno.Kv,
  userId: string,
  itemId: string,
): Promise<boolean> {
  const user = await kv.get<UserRecord>(keys.user(userId));
  if (user.versionstamp) return true;
  if (!SAMPLE_WARDROBE.some((item) => item.id === itemId)) return false;
  await ensureSeeded(kv, userId);
  return true;
}

function newItemId(): string {
  return `item-${crypto.randomUUID().replaceAll("-", "").slice(0, 10)}`;
}

export async function addItem(
  kv: Deno.Kv,
  userId: string,
  input: NewWardrobeItem,
): Promise<WardrobeItem> {
  // The count is read, then the write is checked against the user record's
  // versionstamp, which every add bumps: two adds cannot both squeeze in.
  return await untilCommitted("add the item", async () => {
    const user = await ensureSeeded(kv, userId);
    const count = (await readItems(kv, userId)).length;
    if (count >= MAX_WARDROBE_ITEMS) throw new WardrobeFullError();
    const item: WardrobeItem = { id: newItemId(), ...input };
    const res = await kv.atomic()
      .check(user)
      .check({ key: keys.wardrobeItem(userId, item.id), versionstamp: null })
      .set(keys.wardrobeItem(userId, item.id), item)
      .set(keys.user(userId), user.value!)
      .commit();
    return res.ok ? item : null;
  });
}

/**
 * Replaces an item's fields (its photo, which only the photo route sets,
 * stays); null if the user has no such item.
 */
export async function updateItem(
  kv: Deno.Kv,
  userId: string,
  itemId: string,
  input: NewWardrobeItem,
): Promise<WardrobeItem | null> {
  if (!(await seededWith(kv, userId, itemId))) return null;
  const key = keys.wardrobeItem(userId, itemId);
  const result = await untilCommitted("edit the item", async () => {
    const current = await kv.get<WardrobeItem>(key);
    if (!current.value) return { item: null };
    const { photo } = current.value;
    const item: WardrobeItem = {
      id: itemId,
      ...input,
      ...(photo && { photo }),
    };
    const res = await kv.atomic().check(current).set(key, item).commit();
    return res.ok ? { item } : null;
  });
  return result.item;
}

/** Deletes an item, and its photo; false if the user has no such item. */
export async function deleteItem(
  kv: Deno.Kv,
  userId: string,
  itemId: string,
): Promise<boolean> {
  if (!(await seededWith(kv, userId, itemId))) return false;
  const key = keys.wardrobeItem(userId, itemId);
  return await untilCommitted("delete the item", async () => {
    const current = await kv.get<WardrobeItem>(key);
    if (!current.value) return false;
    const op = kv.atomic().check(current).delete(key);
    const photo = current.value.photo;
    if (photo) {
      if (!(await photoLock(kv, userId, op))) return false;
      if (!(await photosElsewhere(kv, userId, itemId)).has(photo.id)) {
        op.delete(keys.photo(userId, photo.id));
      }
    }
    return (await op.commit()).ok || null;
  });
}

/**
 * Gives an item a photo (its bytes under their own key) or takes it away
 * (`photo` null), dropping the bytes of the one it replaces, in one commit.
 * Null if the user has no such item.
 */
export async function setItemPhoto(
  kv: Deno.Kv,
  userId: string,
  itemId: string,
  photo: { meta: ItemPhoto; bytes: Uint8Array } | null,
): Promise<WardrobeItem | null> {
  if (!(await seededWith(kv, userId, itemId))) return null;
  const key = keys.wardrobeItem(userId, itemId);
  const result = await untilCommitted("change the photo", async () => {
    const current = await kv.get<WardrobeItem>(key);
    if (!current.value) return { item: null };
    const { photo: before, ...rest } = current.value;
    const item: WardrobeItem = photo ? { ...rest, photo: photo.meta } : rest;
    const op = kv.atomic().check(current).set(key, item);
    if (!(await photoLock(kv, userId, op))) return { item: null };
    const elsewhere = await photosElsewhere(kv, userId, itemId);
    const added = photo && !elsewhere.has(photo.meta.id) &&
      before?.id !== photo.meta.id;
    if (added && elsewhere.size >= MAX_PHOTOS) throw new TooManyPhotosError();
    if (before && before.id !== photo?.meta.id && !elsewhere.has(before.id)) {
      op.delete(keys.photo(userId, before.id));
    }
    if (photo) op.set(keys.photo(userId, photo.meta.id), photo.bytes);
    return (await op.commit()).ok ? { item } : null;
  });
  return result.item;
}

/**
 * Makes `op` one of the shopper's photo changes, which run one at a time:
 * whether another piece shows a photo is read from every item, more than
 * one commit can check, so each photo change checks and bumps the shopper's
 * record instead. A piece deleted as another is given the same picture
 * then cannot take the bytes with it. False if the shopper has no record.
 */
async function photoLock(
  kv: Deno.Kv,
  userId: string,
  op: Deno.AtomicOperation,
): Promise<boolean> {
  const user = await kv.get<UserRecord>(keys.user(userId));
  if (!user.value) return false;
  op.check(user).set(keys.user(userId), user.value);
  return true;
}

/**
 * The photos the user's other items show: photos are keyed by their bytes'
 * hash, so two pieces given the same picture share one copy, which must
 * outlive either of them (and counts once towards `MAX_PHOTOS`).
 */
async function photosElsewhere(
  kv: Deno.Kv,
  userId: string,
  itemId: string,
): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const { value } of await readItems(kv, userId)) {
    if (value.id !== itemId && value.photo) ids.add(value.photo.id);
  }
  return ids;
}

/** Puts the sample wardrobe back, dropping every other item and every photo. */
export async function resetWardrobe(
  kv: Deno.Kv,
  userId: string,
): Promise<WardrobeItem[]> {
  await ensureSeeded(kv, userId);
  const op = kv.atomic();
  for (const entry of await readItems(kv, userId)) op.delete(entry.key);
  for await (const entry of kv.list({ prefix: keys.photos(userId) })) {
    op.delete(entry.key);
  }
  for (const item of SAMPLE_WARDROBE) {
    op.set(keys.wardrobeItem(userId, item.id), item);
  }
  const res = await op.commit();
  if (!res.ok) throw new Error(`Cannot reset the wardrobe of "${userId}"`);
  return [...SAMPLE_WARDROBE].sort(byCategoryThenName);
}

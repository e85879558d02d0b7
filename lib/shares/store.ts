/**
 * Sharing a look by link. The token is kept twice, in one atomic write: on
 * the look (`look.share`, so its owner sees it is shared) and as
 * `["shares", token]` → owner and look (so a stranger's link finds it). A
 * revoked link is deleted, never reused: sharing again makes a new one.
 */
import { keys, untilCommitted } from "../kv.ts";
import type { Look } from "../looks/look.ts";
import { newShareToken, ShareToken } from "./token.ts";

export type ShareRecord = { user: string; look_id: string };

export type SharedLook = { look: Look; created: boolean };

/**
 * Shares one of the shopper's looks, or finds the link it has already
 * (`created: false`). Null when they have no such look.
 */
export async function shareLook(
  kv: Deno.Kv,
  userId: string,
  lookId: string,
  now = new Date(),
): Promise<SharedLook | null> {
  const key = keys.look(userId, lookId);
  return await untilCommitted("share the look", async () => {
    const entry = await kv.get<Look>(key);
    if (!entry.value) return { look: null };
    if (entry.value.share) return { look: entry.value, created: false };
    const at = now.toISOString();
    const token = newShareToken();
    const look: Look = {
      ...entry.value,
      share: { token, created_at: at },
      updated_at: at,
    };
    const record: ShareRecord = { user: userId, look_id: lookId };
    const res = await kv.atomic()
      .check(entry)
      .check({ key: keys.share(token), versionstamp: null })
      .set(key, look)
      .set(keys.share(token), record)
      .commit();
    return res.ok ? { look, created: true } : null;
  }).then((result) => (result.look ? result as SharedLook : null));
}

/**
 * Stops sharing one of the shopper's looks: its link is gone at once.
 * Stopping a look that is not shared changes nothing. Null when they have
 * no such look.
 */
export async function stopSharing(
  kv: Deno.Kv,
  userId: string,
  lookId: string,
  now = new Date(),
): Promise<Look | null> {
  const key = keys.look(userId, lookId);
  return await untilCommitted("stop sharing the look", async () => {
    const entry = await kv.get<Look>(key);
    if (!entry.value) return { look: null };
    const { share, ...rest } = entry.value;
    if (!share) return { look: entry.value };
    const look: Look = { ...rest, updated_at: now.toISOString() };
    const res = await kv.atomic()
      .check(entry)
      .set(key, look)
      .delete(keys.share(share.token))
      .commit();
    return res.ok ? { look } : null;
  }).then((result) => result.look);
}

/**
 * The look a link's token stands for, and whose it is; null once it is
 * revoked, or for a token never issued (checked before any read, so no
 * string a stranger sends becomes a KV key).
 */
export async function findShared(
  kv: Deno.Kv,
  token: string,
): Promise<{ look: Look; owner: string } | null> {
  if (!ShareToken.safeParse(token).success) return null;
  const record = (await kv.get<ShareRecord>(keys.share(token))).value;
  if (!record) return null;
  const look = (await kv.get<Look>(keys.look(record.user, record.look_id)))
    .value;
  // Both are written together; a look that no longer names this token is
  // not shared by it, whatever a stale record says.
  return look?.share?.token === token ? { look, owner: record.user } : null;
}

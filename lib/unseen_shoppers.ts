/**
 * Shoppers who have not been back for a long time are forgotten: every key
 * of theirs (wardrobe, photos, looks and their links, the town they last
 * asked about, what they were shown) is deleted. Anyone can be a shopper
 * (a cookie is all it takes), so without this a stream of throwaway
 * cookies would keep what it stored for ever.
 *
 * A shopper's last day is kept as `["seen", user]`: written by the first
 * request of a day from a shopper with a session (or the first write of a
 * new one), so an ordinary day costs one read per process. The daily
 * sweep (main.ts's cron) deletes those not seen for `SHOPPER_TTL_DAYS`.
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./define.ts";
import { keys } from "./kv.ts";
import type { Look } from "./looks/look.ts";

/** A year and a bit: a winter coat's owner comes back next winter. */
export const DEFAULT_SHOPPER_TTL_DAYS = 400;

/** Deletes per commit, well inside KV's limit on one atomic operation. */
const DELETES_PER_COMMIT = 500;

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

const today = (now: Date) => now.toISOString().slice(0, 10);

/** Who was marked today by this process, so the next request costs nothing. */
let markedOn = "";
const marked = new Set<string>();

async function markSeen(
  kv: Deno.Kv,
  userId: string,
  now = new Date(),
): Promise<void> {
  const day = today(now);
  if (markedOn !== day) {
    markedOn = day;
    marked.clear();
  }
  if (marked.has(userId)) return;
  const key = keys.seen(userId);
  if ((await kv.get<string>(key)).value !== day) await kv.set(key, day);
  marked.add(userId);
}

/**
 * After the session: remembers that a known shopper came back today, once
 * the request has gone well (a refused one writes nothing at all). A new
 * shopper is remembered only when it writes: a visitor who only looks
 * leaves nothing behind.
 */
export function rememberSeen(): MiddlewareHandler<AppEnv> {
  return async function rememberSeen(c, next) {
    await next();
    const wanted = !c.get("newSession") || WRITES.has(c.req.method);
    if (wanted && c.res.status < 400) {
      await markSeen(c.get("state").kv, c.get("userId"));
    }
  };
}

/** Every key a shopper has, under its own prefix or key. */
function ownKeys(userId: string): Deno.KvKey[] {
  return [
    keys.wardrobe(userId),
    keys.looks(userId),
    keys.photos(userId),
    keys.recentOutfits(userId),
    keys.lastPlace(userId),
    keys.packedTrips(userId),
    keys.jobQuota(userId),
    keys.user(userId),
  ];
}

async function forget(kv: Deno.Kv, userId: string): Promise<void> {
  const doomed: Deno.KvKey[] = [];
  for (const prefix of ownKeys(userId)) {
    doomed.push(prefix);
    for await (const entry of kv.list({ prefix })) {
      doomed.push(entry.key);
      const share = (entry.value as Partial<Look> | null)?.share;
      if (prefix[0] === "looks" && share) doomed.push(keys.share(share.token));
    }
  }
  for (let i = 0; i < doomed.length; i += DELETES_PER_COMMIT) {
    const op = kv.atomic();
    for (const key of doomed.slice(i, i + DELETES_PER_COMMIT)) op.delete(key);
    await op.commit();
  }
  // Last: a sweep cut short finds the shopper again next time.
  await kv.delete(keys.seen(userId));
}

/**
 * Forgets every shopper last seen more than `ttlDays` ago, and starts the
 * clock for shoppers from before days were kept. Answers how many went.
 */
export async function forgetUnseenShoppers(
  kv: Deno.Kv,
  { now = new Date(), ttlDays = DEFAULT_SHOPPER_TTL_DAYS } = {},
): Promise<number> {
  for await (const user of kv.list({ prefix: ["users"] })) {
    const userId = String(user.key[1]);
    const seen = keys.seen(userId);
    await kv.atomic().check({ key: seen, versionstamp: null })
      .set(seen, today(now)).commit();
  }
  const cutoff = today(new Date(now.getTime() - ttlDays * 86_400_000));
  let forgotten = 0;
  for await (const entry of kv.list<string>({ prefix: ["seen"] })) {
    if (entry.value >= cutoff) continue;
    await forget(kv, String(entry.key[1]));
    forgotten++;
  }
  return forgotten;
}

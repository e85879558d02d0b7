/**
 * Who is asking. A signed, HttpOnly cookie carries an opaque user id; a
 * request without a valid one becomes a new anonymous shopper. Ids sent in
 * bodies or query strings are never trusted.
 */
import type { MiddlewareHandler } from "hono";
import { getSignedCookie, setSignedCookie } from "hono/cookie";
import { keys } from "./kv.ts";
import { isHttps } from "./same_origin.ts";

export const SESSION_COOKIE = "stylist_session";
const ONE_YEAR_S = 365 * 24 * 60 * 60;
const USER_ID = /^[0-9a-f-]{36}$/;

export type SessionVariables = {
  userId: string;
  /** True when this request made the shopper (no valid cookie came with it). */
  newSession: boolean;
};

/** The secret from the environment, else one generated once and kept in KV. */
export async function loadSessionSecret(
  kv: Deno.Kv,
  fromEnv: string | undefined,
): Promise<string> {
  if (fromEnv) return fromEnv;
  const key = keys.sessionSecret();
  const stored = await kv.get<string>(key);
  if (stored.value) return stored.value;
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const secret = btoa(String.fromCharCode(...bytes));
  const res = await kv.atomic().check(stored).set(key, secret).commit();
  // Lost a race with another instance: use the secret it stored.
  return res.ok ? secret : (await kv.get<string>(key)).value!;
}

export function session(
  secret: string,
): MiddlewareHandler<{ Variables: SessionVariables }> {
  return async function session(c, next) {
    let userId = await getSignedCookie(c, secret, SESSION_COOKIE);
    const fresh = !userId || !USER_ID.test(userId);
    c.set("newSession", fresh);
    if (!userId || fresh) {
      userId = crypto.randomUUID();
      await setSignedCookie(c, SESSION_COOKIE, userId, secret, {
        path: "/",
        httpOnly: true,
        sameSite: "Lax",
        secure: isHttps(c),
        maxAge: ONE_YEAR_S,
      });
    }
    c.set("userId", userId);
    await next();
  };
}

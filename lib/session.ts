/**
 * Who is asking. A signed, HttpOnly cookie carries an opaque user id; a
 * request without a valid one becomes a new anonymous shopper. Ids sent in
 * bodies or query strings are never trusted.
 */
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, getSignedCookie, setSignedCookie } from "hono/cookie";
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

/**
 * Signed cookies this process has verified, to the id each carries. hono
 * imports the key and checks the HMAC on every request, a tenth of what
 * opening an event stream costs the server thread; a shopper's tabs send
 * the same cookie for a year, and a thousand tabs reconnecting at once
 * after a deploy all do. Only a cookie that verified is kept, so a forged
 * one is checked (and refused) every time. Oldest out first, past `max`.
 */
export class VerifiedCookies {
  readonly #ids = new Map<string, string>();

  constructor(readonly max = 10_000) {}

  get(cookie: string): string | undefined {
    return this.#ids.get(cookie);
  }

  add(cookie: string, userId: string): void {
    if (this.#ids.size >= this.max) {
      this.#ids.delete(this.#ids.keys().next().value!);
    }
    this.#ids.set(cookie, userId);
  }
}

export function session(
  secret: string,
  verified = new VerifiedCookies(),
): MiddlewareHandler<{ Variables: SessionVariables }> {
  /** The id a session cookie carries, if it is one this server signed. */
  const idFrom = async (c: Context, cookie: string) => {
    const known = verified.get(cookie);
    if (known) return known;
    const id = await getSignedCookie(c, secret, SESSION_COOKIE);
    if (!id || !USER_ID.test(id)) return undefined;
    verified.add(cookie, id);
    return id;
  };
  return async function session(c, next) {
    const cookie = getCookie(c, SESSION_COOKIE);
    let userId = cookie === undefined ? undefined : await idFrom(c, cookie);
    c.set("newSession", !userId);
    if (!userId) {
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

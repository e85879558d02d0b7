/**
 * The place a shopper last dressed for, so the forms' "Where" is filled in
 * next time: most shoppers ask from the same town. An empty place forgets
 * it. Remembering is a courtesy and never fails a request.
 */
import type { DayDefaults } from "../components/day_fields.tsx";
import { serverDay } from "./client/days.ts";
import { keys } from "./kv.ts";

/** The place last asked for, or "" for none. */
export async function lastPlace(kv: Deno.Kv, userId: string): Promise<string> {
  return (await kv.get<string>(keys.lastPlace(userId))).value ?? "";
}

/** Keeps `place` (trimmed, as the request schema leaves it), or forgets it. */
export async function rememberPlace(
  kv: Deno.Kv,
  userId: string,
  place: string,
): Promise<void> {
  try {
    if (place) await kv.set(keys.lastPlace(userId), place);
    else await kv.delete(keys.lastPlace(userId));
  } catch (err) {
    console.warn("The shopper's place was not remembered:", err);
  }
}

/** What the forms' "When" and "Where" start from, for this shopper. */
export async function dayDefaults(
  kv: Deno.Kv,
  userId: string,
): Promise<DayDefaults> {
  return { place: await lastPlace(kv, userId), today: serverDay() };
}

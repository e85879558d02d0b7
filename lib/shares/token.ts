/**
 * A share token is the only key to a shared look, so it must not be
 * guessable: 128 random bits, written as 22 base64url characters (URL-safe,
 * no padding).
 */
import { z } from "zod";

const TOKEN_BYTES = 16;

export const ShareToken = z.string().regex(
  /^[A-Za-z0-9_-]{22}$/,
  "Expected a share token",
);

export function newShareToken(): string {
  return crypto.getRandomValues(new Uint8Array(TOKEN_BYTES))
    .toBase64({ alphabet: "base64url", omitPadding: true });
}

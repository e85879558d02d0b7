/** Shopper and geocoder text as it goes into the model's prompt: as data. */

/**
 * JSON-quoted with <> escaped, so the text can end neither the quote nor a
 * tag: whatever it says stays inside one data string.
 */
export function quoted(text: string): string {
  return JSON.stringify(text).replace(
    /[<>]/g,
    (c) => c === "<" ? "\\u003c" : "\\u003e",
  );
}

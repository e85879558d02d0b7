/**
 * Small English helpers for the built-in stylist's text, so item names read
 * naturally inside sentences.
 */
import type { WardrobeItem } from "../../schemas.ts";

/** "black blazer" from "Black blazer", leaving names like "UNIQLO tee" alone. */
export function lowerFirst(name: string): string {
  return /^[A-Z][^A-Z]/.test(name)
    ? name[0].toLowerCase() + name.slice(1)
    : name;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "the black blazer" for an item named "Black blazer". */
export function the(item: WardrobeItem): string {
  return `the ${lowerFirst(item.name)}`;
}

/** Whether a name reads as plural: "jeans", "loafers", but not "dress". */
export function isPlural(name: string): boolean {
  return /[^s]s$/i.test(name);
}

/** "is" or "are", to follow an item's name. */
export function isOrAre(item: WardrobeItem): string {
  return isPlural(item.name) ? "are" : "is";
}

/** "a white tee", "an ivory blouse", "dark jeans" (plurals take none). */
export function withArticle(name: string): string {
  const lower = lowerFirst(name);
  if (isPlural(name)) return lower;
  return `${/^[aeiou]/i.test(name) ? "an" : "a"} ${lower}`;
}

/** "a, b and c". */
export function joinAnd(parts: string[]): string {
  if (parts.length < 2) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

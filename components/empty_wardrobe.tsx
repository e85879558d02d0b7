/**
 * What a page that needs pieces shows when the shopper has none, in place of
 * a form that could only fail: what is missing, and the way to add it.
 */
import { withDebug } from "./layout.tsx";

/** Why the occasion flow needs pieces. */
export const TO_DRESS_YOU =
  "Stylist dresses you from the pieces you own, so it needs a few first.";

/** Why considering a purchase needs pieces: it is judged by what it joins. */
export const TO_JUDGE_A_PIECE =
  "Stylist shows what a new piece would do with the pieces you already own, so it needs a few first.";

export type EmptyWardrobeProps = {
  /** What the pieces are needed for, as a sentence of its own. */
  why: string;
  debug?: boolean;
};

export function EmptyWardrobe({ why, debug }: EmptyWardrobeProps) {
  return (
    <section class="card empty-state" aria-labelledby="empty-title">
      <h2 id="empty-title">Your wardrobe is empty</h2>
      <p>{why}</p>
      <p>
        A top, a bottom and a pair of shoes, or a dress and shoes, are enough
        for a first outfit.
      </p>
      <a class="button button-primary" href={withDebug("/wardrobe", debug)}>
        Add your pieces
      </a>
    </section>
  );
}

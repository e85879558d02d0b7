/**
 * One practical styling tip per outfit, picked from rules that look at the
 * pieces and the occasion. Rules are tried in order, most specific first;
 * a tip already given earlier in the job is skipped.
 */
import type { Category, WardrobeItem } from "../../schemas.ts";
import { isHeel } from "./local_occasions.ts";
import type { StyleBrief } from "./local_scoring.ts";
import { the } from "./local_words.ts";

type Pieces = Partial<Record<Category, WardrobeItem>> & {
  all: WardrobeItem[];
  brief: StyleBrief;
};

type TipRule = (p: Pieces) => string | null;

const has = (p: Pieces, occasion: StyleBrief["occasions"][number]) =>
  p.brief.occasions.includes(occasion);

const RULES: TipRule[] = [
  (p) =>
    has(p, "workout") && p.shoes
      ? `Choose sweat-wicking layers and lace ${
        the(p.shoes)
      } snugly so your feet stay put.`
      : null,
  (p) =>
    has(p, "travel")
      ? `Wear ${
        the(p.outerwear ?? p.shoes ?? p.all[0])
      } on the journey rather than packing it, to save room in your bag.`
      : null,
  (p) =>
    has(p, "interview")
      ? `Press ${
        the(p.top ?? p.dress ?? p.all[0])
      } the night before and do a quick lint check on your way out.`
      : null,
  (p) =>
    has(p, "wedding_guest")
      ? `Check the invitation for a dress code, and bring ${
        p.outerwear ? the(p.outerwear) : "a light layer"
      } for the evening.`
      : null,
  (p) =>
    p.shoes && isHeel(p.shoes)
      ? `Walk ${
        the(p.shoes)
      } in at home first, and slip a pair of flats in your bag for later.`
      : null,
  (p) =>
    p.dress ? `Keep jewellery small so ${the(p.dress)} stays the star.` : null,
  (p) =>
    p.top && p.accessory && /belt/i.test(p.accessory.name)
      ? `Tuck ${the(p.top)} in so ${
        the(p.accessory)
      } shows and the waist looks defined.`
      : null,
  (p) =>
    p.accessory && /scarf/i.test(p.accessory.name)
      ? `Loop ${
        the(p.accessory)
      } once and let the ends hang loose, so it adds colour without bulk.`
      : null,
  (p) =>
    p.bottom && p.shoes && /boot/i.test(p.shoes.name)
      ? `Give ${the(p.bottom)} a single cuff so ${the(p.shoes)} show.`
      : null,
  (p) =>
    p.top && p.bottom && /shirt|blouse/i.test(p.top.name) &&
      p.bottom.formality >= 3
      ? `Tuck ${the(p.top)} in fully to keep the line of ${
        the(p.bottom)
      } clean.`
      : null,
  (p) =>
    p.top && /shirt/i.test(p.top.name) && p.top.formality <= 3
      ? `Roll the sleeves of ${
        the(p.top)
      } twice for an easier, more relaxed look.`
      : null,
  (p) =>
    p.outerwear
      ? `Wear ${the(p.outerwear)} open so ${
        the(p.top ?? p.dress ?? p.all[0])
      } shows underneath.`
      : null,
  (p) =>
    p.shoes && /sneaker|trainer/i.test(p.shoes.name)
      ? `A quick wipe of ${the(p.shoes)} keeps the whole look crisp.`
      : null,
  () =>
    "Lay the pieces out the night before so getting dressed takes a minute.",
  () =>
    "Check the fit in a full-length mirror, and adjust one piece rather than adding more.",
  () => "Keep everything else simple and let these pieces do the work.",
];

/**
 * The first tip that fits the outfit and has not been used yet in the job
 * (the last rules always fit, so there is always one).
 */
export function pickTip(
  items: WardrobeItem[],
  brief: StyleBrief,
  used: ReadonlySet<string>,
): string {
  const pieces: Pieces = { all: items, brief };
  for (const item of items) pieces[item.category] ??= item;
  let fallback = "";
  for (const rule of RULES) {
    const tip = rule(pieces);
    if (!tip) continue;
    if (!used.has(tip)) return tip;
    fallback ||= tip;
  }
  return fallback;
}

/**
 * Every kind's drawing, one module per family. Typed as a record of every
 * kind, so a kind added to kind.ts without a drawing does not compile.
 */
import { ACCESSORIES } from "./accessories.ts";
import { BAGS } from "./bags.ts";
import { BOTTOMS } from "./bottoms.ts";
import { DRESSES } from "./dresses.ts";
import type { Kind } from "./kinds.ts";
import { KNITS } from "./knits.ts";
import { OUTERWEAR } from "./outerwear.ts";
import type { Drawing } from "./pen.ts";
import { SHOES } from "./shoes.ts";
import { TOPS } from "./tops.ts";

export const DRAWINGS: Record<Kind, Drawing> = {
  ...TOPS,
  ...KNITS,
  ...BOTTOMS,
  ...DRESSES,
  ...OUTERWEAR,
  ...SHOES,
  ...BAGS,
  ...ACCESSORIES,
};

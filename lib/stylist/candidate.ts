/**
 * The piece a shopper is thinking of buying, as the stylists see it: a
 * wardrobe item under the id \`candidate\`.
 */
import {
  CANDIDATE_ID,
  type CandidateItem,
  SEASONS,
  type WardrobeItem,
} from "../schemas.ts";

/**
 * The candidate of the consider-buying flow as a wardrobe item with id
 * `candidate`, filling unknown style details with middle-of-the-road values.
 *
 * @example candidateAsItem({ name: "Red coat", category: "outerwear", colors: ["red"] }).formality // 3
 */
export function candidateAsItem(candidate: CandidateItem): WardrobeItem {
  const item: WardrobeItem = {
    id: CANDIDATE_ID,
    name: candidate.name,
    category: candidate.category,
    colors: [...candidate.colors],
    pattern: candidate.pattern ?? "solid",
    formality: candidate.formality ?? 3,
    // The candidate schema does not forbid repeats; a wardrobe item does.
    seasons: candidate.seasons ? [...new Set(candidate.seasons)] : [...SEASONS],
  };
  if (candidate.price !== undefined) item.price = candidate.price;
  if (candidate.image_url !== undefined) item.image_url = candidate.image_url;
  return item;
}

/** Small things many tests share. */
import { createLocalStylist } from "../../lib/stylist/providers/local.ts";
import { type Stylist, StylistError } from "../../lib/stylist/types.ts";

/** A valid wardrobe item as a client sends it. */
export const SCARF = {
  name: "Silk scarf",
  category: "accessory",
  colors: ["terracotta", "cream"],
  pattern: "print",
  formality: 3,
  seasons: ["spring", "autumn"],
};

/** Every key with its versionstamp: any write shows up as a difference. */
export async function kvSnapshot(kv: Deno.Kv): Promise<string[]> {
  const entries: string[] = [];
  for await (const entry of kv.list({ prefix: [] })) {
    entries.push(`${JSON.stringify(entry.key)}@${entry.versionstamp}`);
  }
  return entries;
}

/** How many jobs the store holds. */
export async function jobCount(kv: Deno.Kv): Promise<number> {
  let count = 0;
  for await (const _ of kv.list({ prefix: ["jobs"] })) count++;
  return count;
}

/**
 * The built-in stylist, paced by `delayMs` an outfit, made to fail after its
 * first outfit: a job that ends in an error with one outfit to keep.
 */
export function failsAfterOne(delayMs: number): Stylist {
  const local = createLocalStylist({ delayMs });
  return {
    name: "fails-after-one",
    source: "local",
    async *generate(input) {
      for await (const event of local.generate(input)) {
        yield event;
        if (event.type === "outfit") {
          throw new StylistError(
            "The stylist lost its thread after one outfit.",
          );
        }
      }
    },
  };
}

/** Small things many API tests share. */

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

/**
 * A generate request refused field by field: each case answers 400 naming
 * exactly its field, and no job is written for any of them.
 */
import assert from "node:assert/strict";
import type { TestClient } from "./client.ts";

/** A case: the fields that spoil the request, and the path named for them. */
export type FieldCase = [Record<string, unknown>, string];

export async function assertRefusedByField(
  kv: Deno.Kv,
  shopper: TestClient,
  base: Record<string, unknown>,
  cases: readonly FieldCase[],
): Promise<void> {
  for (const [fields, path] of cases) {
    const res = await shopper.send("POST", "/api/outfits/generate", {
      ...base,
      ...fields,
    });
    assert.equal(res.status, 400, JSON.stringify(fields));
    assert.deepEqual(
      res.body.issues.map((issue: { path: string }) => issue.path),
      [path],
      JSON.stringify(fields),
    );
  }
  const jobs = [];
  for await (const entry of kv.list({ prefix: ["jobs"] })) jobs.push(entry);
  assert.equal(jobs.length, 0, "nothing half-written");
}

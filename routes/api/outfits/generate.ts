/**
 * POST /api/outfits/generate: the one door for all three flows. Validates the
 * request against the shopper's wardrobe, then records and enqueues a job in
 * one commit and answers 202 with where to watch it.
 */
import { define } from "../../../lib/define.ts";
import { createJob } from "../../../lib/jobs/store.ts";
import { GenerateRequest } from "../../../lib/schemas.ts";
import { checkFeasible } from "../../../lib/stylist/outfit_rules.ts";
import { invalidRequest, jsonBody } from "../../../lib/validation.ts";
import { listWardrobe } from "../../../lib/wardrobe.ts";

export const POST = define.createHandlers(
  jsonBody(GenerateRequest),
  async (c) => {
    const { kv } = c.get("state");
    const userId = c.get("userId");
    const request = c.req.valid("json");
    const wardrobe = await listWardrobe(kv, userId);

    if (request.mode === "complete") {
      const owned = new Set(wardrobe.map((item) => item.id));
      const unknown = request.anchor_ids.flatMap((id, i) =>
        owned.has(id) ? [] : [{
          path: `anchor_ids.${i}`,
          message: `No item "${id}" in your wardrobe`,
        }]
      );
      if (unknown.length) return invalidRequest(c, unknown);
    }
    const problem = checkFeasible(request, wardrobe);
    if (problem) return c.json({ error: problem }, 422);

    const job = await createJob(kv, { userId, request });
    const statusUrl = `/api/jobs/${job.id}`;
    c.header("Location", statusUrl);
    return c.json({
      job_id: job.id,
      status: job.status,
      status_url: statusUrl,
      stream_url: `${statusUrl}/stream`,
    }, 202);
  },
);

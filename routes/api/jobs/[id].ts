/** GET /api/jobs/:id: the job's snapshot, for polling clients and reloads. */
import { define, NOT_FOUND } from "../../../lib/define.ts";
import { jobView } from "../../../lib/jobs/job.ts";
import { getOwnJob } from "../../../lib/jobs/store.ts";
import { JobId } from "../../../lib/schemas.ts";
import { pathId } from "../../../lib/validation.ts";

export const GET = define.createHandlers(pathId(JobId), async (c) => {
  const job = await getOwnJob(
    c.get("state").kv,
    c.req.valid("param").id,
    c.get("userId"),
  );
  if (!job) return c.json(NOT_FOUND, 404);
  c.header("Cache-Control", "no-store");
  return c.json(jobView(job));
});

/**
 * POST /api/jobs/:id/cancel: stop a job you started. Answers the job as it now
 * stands (again 200 if it was already cancelled, so a double click is
 * harmless); 409 if it had already completed or failed on its own.
 */
import { define, NOT_FOUND } from "../../../../lib/define.ts";
import { jobView } from "../../../../lib/jobs/job.ts";
import { cancelJob } from "../../../../lib/jobs/store.ts";
import { JobId } from "../../../../lib/schemas.ts";
import { pathId } from "../../../../lib/validation.ts";

export const POST = define.createHandlers(pathId(JobId), async (c) => {
  const job = await cancelJob(
    c.get("state").kv,
    c.req.valid("param").id,
    c.get("userId"),
  );
  if (!job) return c.json(NOT_FOUND, 404);
  if (job.status !== "cancelled") {
    const ended = job.status === "complete" ? "completed" : "ended";
    return c.json({
      ...jobView(job),
      error: `The job has already ${ended}`,
    }, 409);
  }
  return c.json(jobView(job));
});

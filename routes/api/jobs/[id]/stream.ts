/**
 * GET /api/jobs/:id/stream: the job's events as Server-Sent Events, resumable
 * with `Last-Event-ID` or `?lastEventId=`. A client already past the end of a
 * finished job gets 204, which tells EventSource to stop reconnecting. A
 * shopper holding `STREAMS_PER_SHOPPER` streams open gets 429.
 */
import { define, NOT_FOUND } from "../../../../lib/define.ts";
import { resumePoint, streamJobEvents } from "../../../../lib/jobs/stream.ts";
import { JobId } from "../../../../lib/schemas.ts";
import { invalidRequest, pathId } from "../../../../lib/validation.ts";

export const GET = define.createHandlers(pathId(JobId), async (c) => {
  const { kv, feeds, heartbeatMs, streamSlots } = c.get("state");
  const jobId = c.req.valid("param").id;
  const userId = c.get("userId");
  const job = await feeds.streamedJob(kv, jobId);
  if (job?.owner !== userId) return c.json(NOT_FOUND, 404);

  const lastEventId = resumePoint(
    c.req.header("last-event-id"),
    c.req.query("lastEventId"),
  );
  if (lastEventId === null) {
    return invalidRequest(c, [{
      path: "lastEventId",
      message: "Expected the id of an event (a whole number)",
    }]);
  }
  if (job.endedAt !== null && lastEventId >= job.endedAt) {
    return c.body(null, 204);
  }
  const release = streamSlots ? streamSlots.take(userId) : () => {};
  if (!release) {
    // EventSource gives up on a 429; the reveal page then polls.
    c.header("Retry-After", "10");
    return c.json({
      error: "Too many open streams. Close a few Stylist tabs and try again.",
    }, 429);
  }
  return streamJobEvents(c, {
    kv,
    jobId,
    owner: userId,
    lastEventId,
    feeds,
    heartbeatMs,
    onClose: release,
  });
});

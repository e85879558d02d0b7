/**
 * Many shoppers at once on one server: 200 jobs from 50 sessions, every one
 * watched over its own SSE stream, plus a client that opens a stream and
 * stops reading. Every job must complete, every stream must carry exactly
 * its own job's log, and the stalled reader must hold nobody else up.
 */
import assert from "node:assert/strict";
import { listEvents } from "../lib/jobs/store.ts";
import type { TestClient } from "./helpers/client.ts";
import { startTestServer } from "./helpers/server.ts";
import { readEvents, type SseEvent } from "./helpers/sse_client.ts";

const SESSIONS = 50;
const JOBS_PER_SESSION = 4;
const OCCASIONS = ["work", "brunch", "party", "travel"];

/** The stream as the server logged it: what a client must have received. */
async function assertOwnLog(kv: Deno.Kv, jobId: string, events: SseEvent[]) {
  const log = await listEvents(kv, jobId);
  assert.deepEqual(
    events.map((e) => ({ seq: e.id, type: e.event, data: e.data })),
    log.map((e) => ({ seq: e.seq, type: e.type, data: e.data })),
    `stream of ${jobId} is its own log, whole and in order`,
  );
  assert.equal(events.at(-1)?.event, "complete");
}

Deno.test("[load] 200 concurrent jobs from 50 sessions, a stalled reader among them", async () => {
  await using server = await startTestServer({
    localDelayMs: 30,
    limits: { concurrentJobs: JOBS_PER_SESSION },
  });

  // A shopper whose stream is opened and then not read at all.
  const stalled = server.client();
  const stalledJob = await stalled.generate({
    mode: "occasion",
    occasions: ["date_night"],
  });
  const stalledStream = await stalled.stream(stalledJob);
  assert.equal(stalledStream.status, 200);

  const shoppers: TestClient[] = await Promise.all(
    Array.from({ length: SESSIONS }, async () => {
      const client = server.client();
      await client.get("/api/wardrobe"); // the session, as a page load gives it
      return client;
    }),
  );
  const jobs = (await Promise.all(
    shoppers.map((client) =>
      Promise.all(OCCASIONS.map(async (occasion) => ({
        client,
        id: await client.generate({
          mode: "occasion",
          occasions: [occasion],
        }),
      })))
    ),
  )).flat();
  assert.equal(jobs.length, SESSIONS * JOBS_PER_SESSION);
  assert.equal(new Set(jobs.map((j) => j.id)).size, jobs.length);

  const streams = await Promise.all(
    jobs.map(async ({ client, id }) => ({
      id,
      events: await client.events(id),
    })),
  );
  for (const { id, events } of streams) {
    await assertOwnLog(server.kv, id, events);
  }

  // Only now does the stalled reader read: everything is still there.
  const late: SseEvent[] = [];
  for await (const event of readEvents(stalledStream.body!)) late.push(event);
  await assertOwnLog(server.kv, stalledJob, late);
});

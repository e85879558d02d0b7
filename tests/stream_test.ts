/** The SSE stream's promises: resume without gap or duplicate, clean exits. */
import assert from "node:assert/strict";
import { readEvents, readSse, type SseFrame } from "./helpers/sse_client.ts";
import { startTestServer } from "./helpers/server.ts";
import { waitFor } from "./helpers/wait_for.ts";

const REQUEST = {
  mode: "occasion",
  occasions: ["brunch"],
  include_reasoning: true,
};

Deno.test("[stream] reconnecting with Last-Event-ID gets exactly the rest", async () => {
  await using server = await startTestServer({ localDelayMs: 60 });
  const shopper = server.client();
  for (const dropAfter of [1, 4, 9]) {
    const jobId = await shopper.generate(REQUEST);
    const abort = new AbortController();
    const first = [];
    const res = await shopper.stream(jobId, { signal: abort.signal });
    for await (const event of readEvents(res.body!)) {
      first.push(event);
      if (first.length === dropAfter) break;
    }
    abort.abort();
    const rest = await shopper.events(jobId, first.at(-1)!.id);
    const whole = await shopper.events(jobId);
    assert.deepEqual([...first, ...rest], whole, `dropped after ${dropAfter}`);
    assert.equal(rest[0].id, dropAfter + 1);
    assert.equal(whole.at(-1)!.event, "complete");
  }
});

Deno.test("[stream] ?lastEventId= resumes like the header, and the header wins", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const jobId = await shopper.generate(REQUEST);
  const whole = await shopper.events(jobId);
  const byQuery = await shopper.fetch(
    `/api/jobs/${jobId}/stream?lastEventId=5`,
  );
  assert.deepEqual(
    await Array.fromAsync(readEvents(byQuery.body!)),
    whole.slice(5),
  );
  const both = await shopper.fetch(`/api/jobs/${jobId}/stream?lastEventId=2`, {
    headers: { "last-event-id": "6" },
  });
  assert.deepEqual(
    await Array.fromAsync(readEvents(both.body!)),
    whole.slice(6),
  );
  const bad = await shopper.get(`/api/jobs/${jobId}/stream?lastEventId=abc`);
  assert.equal(bad.status, 400);
  assert.equal(bad.body.issues[0].path, "lastEventId");
});

Deno.test("[stream] a client already past the end of a finished job gets 204", async () => {
  await using server = await startTestServer();
  const shopper = server.client();
  const jobId = await shopper.generate(REQUEST);
  const whole = await shopper.events(jobId);
  const res = await shopper.stream(jobId, { lastEventId: whole.at(-1)!.id });
  assert.equal(res.status, 204);
  await res.body?.cancel();
});

Deno.test("[stream] headers, retry first, heartbeat comments while waiting", async () => {
  await using server = await startTestServer({
    localDelayMs: 200,
    heartbeatMs: 20,
  });
  const shopper = server.client();
  const jobId = await shopper.generate(REQUEST);
  const res = await shopper.stream(jobId);
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("content-type"), "text/event-stream");
  assert.equal(res.headers.get("cache-control"), "no-cache");
  assert.equal(res.headers.get("x-accel-buffering"), "no");
  const frames: SseFrame[] = [];
  for await (const frame of readSse(res.body!)) frames.push(frame);
  assert.deepEqual(frames[0], { kind: "retry", ms: 2000 });
  assert.ok(
    frames.some((f) => f.kind === "comment" && f.text === "heartbeat"),
    "a heartbeat comment was sent during the pauses",
  );
  const last = frames.at(-1)!;
  assert.ok(
    last.kind === "event" && last.event === "complete",
    "the stream closes after complete",
  );
});

Deno.test("[stream] a client that leaves closes its watch", async () => {
  await using server = await startTestServer({ localDelayMs: 400 });
  const shopper = server.client();
  const jobId = await shopper.generate(REQUEST);
  const abort = new AbortController();
  const res = await shopper.stream(jobId, { signal: abort.signal });
  const events = readEvents(res.body!);
  assert.equal((await events.next()).value?.event, "progress");
  assert.equal(server.feeds.openWatches, 1);
  abort.abort();
  await events.return(undefined);
  await waitFor(() => server.feeds.openWatches === 0, {
    what: "the watch to close",
    timeoutMs: 2_000,
  });
  // The job itself carries on without a viewer.
  const status = await shopper.get(`/api/jobs/${jobId}`);
  assert.notEqual(status.body.status, "failed");
});

Deno.test("[stream] viewers of one job share one watch and each get the whole log", async () => {
  await using server = await startTestServer({ localDelayMs: 200 });
  const shopper = server.client();
  const jobId = await shopper.generate(REQUEST);
  // Three tabs, one resuming after event 1; each has its first event.
  const tabs = await Promise.all([0, 0, 1].map(async (lastEventId) => {
    const res = await shopper.stream(jobId, { lastEventId });
    const events = readEvents(res.body!);
    const first = await events.next();
    return { events, seen: [first.value!] };
  }));
  const { body: job } = await shopper.get(`/api/jobs/${jobId}`);
  assert.notEqual(job.status, "complete", "all three joined mid-job");
  assert.equal(server.feeds.openWatches, 1, "one watch for three streams");

  for (const tab of tabs) {
    for await (const event of tab.events) tab.seen.push(event);
  }
  const [whole, again, resumed] = tabs.map((tab) => tab.seen);
  assert.deepEqual(whole.map((e) => e.id), whole.map((_, i) => i + 1));
  assert.equal(whole.at(-1)?.event, "complete");
  assert.deepEqual(again, whole);
  assert.deepEqual(resumed, whole.slice(1));
  await waitFor(() => server.feeds.openWatches === 0, {
    what: "the shared watch to close",
  });
});

Deno.test("[stream] two streams on two jobs carry only their own events", async () => {
  await using server = await startTestServer({ localDelayMs: 30 });
  const alice = server.client();
  const bob = server.client();
  const [a, b] = await Promise.all([
    alice.generate({ mode: "occasion", occasions: ["work"] }),
    bob.generate({ mode: "occasion", occasions: ["workout"] }),
  ]);
  const [aEvents, bEvents] = await Promise.all([
    alice.events(a),
    bob.events(b),
  ]);
  const aStatus = await alice.get(`/api/jobs/${a}`);
  const bStatus = await bob.get(`/api/jobs/${b}`);
  assert.equal(aEvents.at(-1)!.event, "complete");
  assert.equal(bEvents.at(-1)!.event, "complete");
  assert.deepEqual(
    (aEvents.at(-1)!.data as { result: unknown }).result,
    aStatus.body.result,
  );
  assert.deepEqual(
    (bEvents.at(-1)!.data as { result: unknown }).result,
    bStatus.body.result,
  );
  assert.notDeepEqual(aStatus.body.outfits, bStatus.body.outfits);
});

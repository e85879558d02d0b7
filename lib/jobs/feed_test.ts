import assert from "node:assert/strict";
import { waitFor } from "../../tests/helpers/wait_for.ts";
import { JobFeeds } from "./feed.ts";
import { appendEvents, cancelJob, getJob } from "./store.ts";
import { storeWithJobs } from "./test_jobs.ts";

Deno.test("[feed] streams and the runner of a job share one watch", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const feeds = new JobFeeds();
  const runner = feeds.subscribe(store.kv, jobId, { events: false });
  const tabs = [
    feeds.subscribe(store.kv, jobId),
    feeds.subscribe(store.kv, jobId),
  ];
  assert.equal(feeds.openWatches, 1);
  const first = await tabs[0].next(0);
  assert.deepEqual(first?.events.map((e) => e.seq), [1]);
  const change = await runner.change(-1);
  assert.equal(change?.job?.id, jobId);
  for (const s of [runner, ...tabs]) s.close();
  // Closing takes the watch's next tick.
  await waitFor(() => feeds.openWatches === 0, { what: "the watch to close" });
});

Deno.test("[feed] a stream that joins late gets the whole log, even after a runner-only start", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const feeds = new JobFeeds();
  const runner = feeds.subscribe(store.kv, jobId, { events: false });
  await runner.change(-1);
  const entry = (await getJob(store.kv, jobId))!;
  assert.ok(
    await appendEvents(store.kv, entry, [{
      type: "progress",
      data: { progress: 10, message: "Looking", current_outfit: 0 },
    }]),
  );
  await runner.change(1);
  const tab = feeds.subscribe(store.kv, jobId);
  const state = await tab.next(0);
  assert.deepEqual(state?.events.map((e) => e.seq), [1, 2]);
  runner.close();
  tab.close();
});

Deno.test("[feed] a shutdown ends every stream, and any stream that joins after it, but not a runner's watch", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const feeds = new JobFeeds();
  const tab = feeds.subscribe(store.kv, jobId);
  const runner = feeds.subscribe(store.kv, jobId, { events: false });
  await tab.next(0);
  const first = await runner.change(-1);
  const waiting = tab.next(1);
  feeds.closeStreams();
  assert.equal(await waiting, null);
  // A request that was already in the stream handler subscribes now: it
  // must end at once, or the server could not finish shutting down.
  const late = feeds.subscribe(store.kv, jobId);
  assert.equal(await late.next(0), null);
  // The runner still hears about the job (a cancel during the drain).
  const cancelling = runner.change(first!.version);
  await cancelJob(store.kv, jobId, "shopper");
  const change = await cancelling;
  assert.equal(change?.job?.status, "cancelled");
  runner.close();
  assert.equal(feeds.openWatches, 0);
});

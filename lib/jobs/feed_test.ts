import assert from "node:assert/strict";
import { waitFor } from "../../tests/helpers/wait_for.ts";
import { JobFeeds } from "./feed.ts";
import { appendEvents, getJob } from "./store.ts";
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

Deno.test("[feed] closing them all ends every stream (a shutdown)", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const feeds = new JobFeeds();
  const tab = feeds.subscribe(store.kv, jobId);
  await tab.next(0);
  const waiting = tab.next(1);
  feeds.closeAll();
  assert.equal(await waiting, null);
});

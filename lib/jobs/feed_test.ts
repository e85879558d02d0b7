import assert from "node:assert/strict";
import { waitFor } from "../../tests/helpers/wait_for.ts";
import { JobFeeds } from "./feed.ts";
import { appendEvents, cancelJob, getJob } from "./store.ts";
import { storeWithJobs } from "./test_jobs.ts";
import { delay } from "../delay.ts";

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

Deno.test("[feed] a job's first stream reads the log once, even when the watch wakes during that read", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  // The first list is held until the watch has delivered the job and the
  // feed has reacted to it: the moment a second list used to start.
  const watched = Promise.withResolvers<void>();
  let lists = 0;
  const kv = new Proxy(store.kv, {
    get(target, name) {
      const value = Reflect.get(target, name, target);
      if (name === "list") {
        return (...args: Parameters<Deno.Kv["list"]>) => {
          const first = ++lists === 1;
          const iterator = target.list(...args);
          return (async function* () {
            if (first) await watched.promise.then(() => delay(0));
            yield* iterator;
          })();
        };
      }
      if (name === "watch") {
        return (...args: Parameters<Deno.Kv["watch"]>) =>
          target.watch(...args).pipeThrough(
            new TransformStream({
              transform(chunk, controller) {
                controller.enqueue(chunk);
                watched.resolve();
              },
            }),
          );
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const feeds = new JobFeeds();
  const tab = feeds.subscribe(kv, jobId);
  assert.deepEqual((await tab.next(0))?.events.map((e) => e.seq), [1]);
  const { job, versionstamp } = (await getJob(store.kv, jobId))!;
  await appendEvents(store.kv, { job, versionstamp }, [{
    type: "progress",
    data: { progress: 10, message: "Looking", current_outfit: 0 },
  }]);
  assert.deepEqual((await tab.next(1))?.events.map((e) => e.seq), [1, 2]);
  assert.equal(lists, 2, "the log once, then the new event");
  tab.close();
});

import assert from "node:assert/strict";
import { waitFor } from "../../tests/helpers/wait_for.ts";
import { JobFeeds, readEvents } from "./feed.ts";
import { appendEvents, cancelJob, claimJob, getJob } from "./store.ts";
import { headOf, type Job, type JobHead } from "./job.ts";
import { keys } from "../kv.ts";
import { storeWithJobs } from "./test_jobs.ts";
import { delay } from "../delay.ts";

const decoder = new TextDecoder();

/**
 * A stream as the feed sees it: the chunks it was sent, the sequence
 * numbers in them (from their `id:` lines), and whether it was ended.
 */
function follow(
  feeds: JobFeeds,
  kv: Deno.Kv,
  jobId: string,
  after = 0,
  owner = "shopper",
) {
  const chunks: Uint8Array[] = [];
  const ended = Promise.withResolvers<void>();
  let endedCount = 0;
  const close = feeds.follow(kv, jobId, {
    after,
    owner,
    send: (chunk) => chunks.push(chunk),
    end: () => {
      endedCount++;
      ended.resolve();
    },
  });
  const seqs = () =>
    chunks.flatMap((chunk) =>
      [...decoder.decode(chunk).matchAll(/^id: (\d+)$/gm)].map((m) =>
        Number(m[1])
      )
    );
  /** Resolves once the stream holds events up to `seq`. */
  const upTo = (seq: number) =>
    waitFor(() => (seqs().at(-1) ?? 0) >= seq, { what: `event ${seq}` });
  return {
    chunks,
    seqs,
    upTo,
    ended: ended.promise,
    get endedCount() {
      return endedCount;
    },
    close,
  };
}

const progress = (n: number) => ({
  type: "progress" as const,
  data: { progress: 10 + n, message: `Step ${n}`, current_outfit: 0 },
});

Deno.test("[feed] streams and the runner of a job share one watch", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const feeds = new JobFeeds();
  const runner = feeds.subscribe(store.kv, jobId);
  const tabs = [
    follow(feeds, store.kv, jobId),
    follow(feeds, store.kv, jobId),
  ];
  assert.equal(feeds.openWatches, 1);
  await tabs[0].upTo(1);
  assert.deepEqual(tabs[0].seqs(), [1]);
  const change = await runner.change(-1);
  assert.equal(change?.head?.seq, 1);
  assert.equal(change?.head?.status, "queued");
  runner.close();
  for (const tab of tabs) tab.close();
  // Closing takes the watch's next tick.
  await waitFor(() => feeds.openWatches === 0, { what: "the watch to close" });
});

Deno.test("[feed] streams at one point of the log share one encoded chunk; each gets every event once, from its own resume point", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const feeds = new JobFeeds();
  const tabs = Array.from({ length: 3 }, () => follow(feeds, store.kv, jobId));
  for (const tab of tabs) await tab.upTo(1);
  let entry = (await getJob(store.kv, jobId))!;
  for (let n = 1; n <= 5; n++) {
    entry = (await appendEvents(store.kv, entry, [progress(n)]))!;
    for (const tab of tabs) await tab.upTo(entry.job.seq);
  }
  // One commit with two events: one chunk for both.
  entry = (await appendEvents(store.kv, entry, [progress(6), progress(7)]))!;
  for (const tab of tabs) await tab.upTo(entry.job.seq);
  for (const tab of tabs) {
    assert.deepEqual(tab.seqs(), [1, 2, 3, 4, 5, 6, 7, 8]);
    assert.equal(tab.chunks.length, 7);
  }
  for (let i = 0; i < tabs[0].chunks.length; i++) {
    assert.equal(tabs[1].chunks[i], tabs[0].chunks[i], `chunk ${i} shared`);
    assert.equal(tabs[2].chunks[i], tabs[0].chunks[i], `chunk ${i} shared`);
  }
  // A reconnect with Last-Event-ID 5: the rest in one chunk, then live.
  const resumed = follow(feeds, store.kv, jobId, 5);
  await resumed.upTo(8);
  assert.deepEqual(resumed.seqs(), [6, 7, 8]);
  assert.equal(resumed.chunks.length, 1);
  await cancelJob(store.kv, jobId, "shopper");
  for (const tab of [...tabs, resumed]) {
    await tab.ended;
    assert.deepEqual(tab.seqs().slice(-2), [8, 9]);
    assert.equal(tab.endedCount, 1);
  }
  await waitFor(() => feeds.openWatches === 0, { what: "the watch to close" });
});

Deno.test("[feed] a stream that joins late gets the whole log, even after a runner-only start", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const feeds = new JobFeeds();
  const runner = feeds.subscribe(store.kv, jobId);
  await runner.change(-1);
  const entry = (await getJob(store.kv, jobId))!;
  assert.ok(await appendEvents(store.kv, entry, [progress(0)]));
  await runner.change(1);
  const tab = follow(feeds, store.kv, jobId);
  await tab.upTo(2);
  assert.deepEqual(tab.seqs(), [1, 2]);
  runner.close();
  tab.close();
});

Deno.test("[feed] a shutdown ends every stream, and any stream that joins after it, but not a runner's watch", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const feeds = new JobFeeds();
  const tab = follow(feeds, store.kv, jobId);
  const runner = feeds.subscribe(store.kv, jobId);
  await tab.upTo(1);
  const first = await runner.change(-1);
  feeds.closeStreams();
  await tab.ended;
  // A request that was already in the stream handler follows now: it must
  // end at once, or the server could not finish shutting down.
  const late = follow(feeds, store.kv, jobId);
  assert.equal(late.endedCount, 1);
  assert.deepEqual(late.seqs(), []);
  // The runner still hears about the job (a cancel during the drain).
  const cancelling = runner.change(first!.version);
  await cancelJob(store.kv, jobId, "shopper");
  const change = await cancelling;
  assert.equal(change?.head?.status, "cancelled");
  assert.deepEqual(tab.seqs(), [1], "nothing after its end");
  assert.equal(tab.endedCount, 1);
  runner.close();
  assert.equal(feeds.openWatches, 0);
});

Deno.test("[feed] a stream that leaves while the log is read gets nothing and lets go of the watch", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const feeds = new JobFeeds();
  const tab = follow(feeds, store.kv, jobId);
  tab.close();
  await waitFor(() => feeds.openWatches === 0, { what: "the watch to close" });
  assert.deepEqual(tab.seqs(), []);
  assert.equal(tab.endedCount, 0);
});

Deno.test("[feed] a job's first stream reads the log once, even when the watch wakes during that read", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  // The first list is held until the watch has delivered the job and the
  // feed has reacted to it: the moment a second list used to start.
  const watched = Promise.withResolvers<void>();
  let lists = 0;
  let gets = 0;
  const kv = new Proxy(store.kv, {
    get(target, name) {
      const value = Reflect.get(target, name, target);
      if (name === "getMany") {
        return (...args: Parameters<Deno.Kv["getMany"]>) => {
          gets++;
          return target.getMany(...args);
        };
      }
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
  const tab = follow(feeds, kv, jobId);
  await tab.upTo(1);
  assert.deepEqual(tab.seqs(), [1]);
  const { job, versionstamp } = (await getJob(store.kv, jobId))!;
  await appendEvents(store.kv, { job, versionstamp }, [{
    type: "progress",
    data: { progress: 10, message: "Looking", current_outfit: 0 },
  }]);
  await tab.upTo(2);
  assert.deepEqual(tab.seqs(), [1, 2]);
  assert.equal(lists, 1, "the log once");
  assert.equal(gets, 0, "then the new event, from the head it woke on");
  // A head that carries only the last of what the feed lacks (the watch
  // skipped a commit): the rest is read, by its keys.
  const last = (await getJob(store.kv, jobId))!;
  const [three, four] = [3, 4].map((seq) => ({ ...progress(seq), seq }));
  await store.kv.atomic()
    .set(keys.jobEvent(jobId, 3), three)
    .set(keys.jobEvent(jobId, 4), four)
    .set(keys.job(jobId), { ...last.job, seq: 4 })
    .set(keys.jobHead(jobId), { ...headOf(last.job), seq: 4, events: [four] })
    .commit();
  await tab.upTo(4);
  assert.deepEqual(tab.seqs(), [1, 2, 3, 4]);
  assert.equal(gets, 1, "the skipped event, by its key");
  tab.close();
});

Deno.test("[feed] every commit that writes a job's snapshot writes its head, with the same versionstamp", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const same = async () => {
    const [job, head] = await store.kv.getMany<[Job, JobHead]>([
      keys.job(jobId),
      keys.jobHead(jobId),
    ]);
    const { events = [], ...rest } = head.value!;
    assert.deepEqual(rest, headOf(job.value!));
    assert.equal(head.versionstamp, job.versionstamp);
    return { job: job.value!, versionstamp: job.versionstamp!, events };
  };
  await same(); // created
  const claimed = (await claimJob(store.kv, jobId, { leaseMs: 60_000 }))!;
  assert.equal((await same()).versionstamp, claimed.versionstamp);
  assert.equal(headOf(claimed.job).lease, claimed.job.lease!.token);
  await appendEvents(store.kv, await same(), [progress(1), progress(2)]);
  assert.deepEqual(
    (await same()).events.map((event) => [event.seq, event.type]),
    [[2, "progress"], [3, "progress"]],
    "the head carries what its commit appended",
  );
  await cancelJob(store.kv, jobId, "shopper");
  const cancelled = await same();
  assert.equal(cancelled.job.status, "cancelled");
  assert.deepEqual(cancelled.events.map((event) => event.seq), [4]);
});

Deno.test("[feed] a job with no head (written before heads were) is followed from its snapshot until its next commit writes one", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  await store.kv.delete(keys.jobHead(jobId));
  const feeds = new JobFeeds();
  const runner = feeds.subscribe(store.kv, jobId);
  const tab = follow(feeds, store.kv, jobId);
  const first = await runner.change(-1);
  assert.deepEqual(first?.head, { seq: 1, status: "queued" });
  await tab.upTo(1);
  const entry = (await getJob(store.kv, jobId))!;
  assert.equal(first?.versionstamp, entry.versionstamp);
  await appendEvents(store.kv, entry, [progress(1)]);
  await tab.upTo(2);
  await cancelJob(store.kv, jobId, "shopper");
  await tab.ended;
  assert.deepEqual(tab.seqs(), [1, 2, 3]);
  assert.equal(
    (await runner.change(first!.version))?.head?.status,
    "cancelled",
  );
  runner.close();
  await waitFor(() => feeds.openWatches === 0, { what: "the watch to close" });
});

Deno.test("[feed] what a stream needs of a job: read once for tabs asking at once, known from the feed while it runs, read again once it ends", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  let reads = 0;
  const kv = new Proxy(store.kv, {
    get(target, name) {
      if (name === "get") reads++;
      const value = Reflect.get(target, name, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  const feeds = new JobFeeds();
  const asked = await Promise.all(
    Array.from({ length: 10 }, () => feeds.streamedJob(kv, jobId)),
  );
  assert.equal(reads, 1, "ten tabs at once, one read");
  for (const job of asked) {
    assert.deepEqual(job, { owner: "shopper", endedAt: null });
  }
  const tab = follow(feeds, kv, jobId);
  await tab.upTo(1);
  reads = 0;
  assert.deepEqual(await feeds.streamedJob(kv, jobId), {
    owner: "shopper",
    endedAt: null,
  });
  assert.equal(reads, 0, "a running job's feed knows");
  await cancelJob(store.kv, jobId, "shopper");
  await tab.ended;
  assert.deepEqual(await feeds.streamedJob(kv, jobId), {
    owner: "shopper",
    endedAt: 2,
  });
  assert.equal(reads, 1, "an ended job is read");
  assert.equal(await feeds.streamedJob(kv, crypto.randomUUID()), null);
});

Deno.test("[feed] a job that is gone ends its streams", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const feeds = new JobFeeds();
  const tab = follow(feeds, store.kv, jobId);
  await tab.upTo(1);
  await store.kv.atomic().delete(keys.job(jobId)).delete(keys.jobHead(jobId))
    .commit();
  await tab.ended;
  assert.deepEqual(tab.seqs(), [1]);
  await waitFor(() => feeds.openWatches === 0, { what: "the watch to close" });
});

Deno.test("[feed] a commit of more events than one getMany takes still reaches the stream whole, in order", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  const feeds = new JobFeeds();
  const tab = follow(feeds, store.kv, jobId);
  await tab.upTo(1);
  let entry = (await getJob(store.kv, jobId))!;
  // Twelve at once: more than a getMany takes, so they are listed.
  const twelve = Array.from({ length: 12 }, (_, i) => progress(i));
  entry = (await appendEvents(store.kv, entry, twelve))!;
  await tab.upTo(13);
  assert.deepEqual(tab.seqs(), Array.from({ length: 13 }, (_, i) => i + 1));
  tab.close();
});

Deno.test("[feed] reading a commit's events also brings those committed since, as a list would", async () => {
  using store = await storeWithJobs();
  const [jobId] = store.ids;
  let entry = (await getJob(store.kv, jobId))!;
  for (let n = 0; n < 3; n++) {
    entry = (await appendEvents(store.kv, entry, [progress(n)]))!;
  }
  // The watch saw seq 2; 3 and 4 were committed before the read.
  const seqs = async (after: number, seq: number) =>
    (await readEvents(store.kv, jobId, after, seq)).map((e) => e.seq);
  assert.deepEqual(await seqs(1, 2), [2, 3, 4]);
  assert.deepEqual(await seqs(4, 4), []);
  // Ten or more new ones: listed, all of them.
  const many = Array.from({ length: 12 }, (_, i) => progress(i));
  entry = (await appendEvents(store.kv, entry, many))!;
  assert.deepEqual(
    await seqs(4, 5),
    Array.from({ length: 12 }, (_, i) => i + 5),
  );
  assert.deepEqual(
    await seqs(0, 1),
    Array.from({ length: 16 }, (_, i) => i + 1),
  );
});

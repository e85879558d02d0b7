/**
 * 2. Event delivery: a worker writes an event, the client receives it.
 *
 * One process holds the store, the writer and both kinds of stream, because
 * a local `kv.watch` sees only its own process's writes, and one clock
 * (`performance.now()`) times both ends: when an `appendEvents` commit
 * resolves, and when the client has parsed the frame with that sequence
 * number. The bench is the worker: the app runs without one, and the bench
 * claims each job and writes a job's worth of events (progress, outfits,
 * complete) at random gaps, so nothing lines up with a polling period.
 * That is why the app is built here from `createApp` rather than started
 * with lib/start.ts like every other bench: a job engine would claim the
 * jobs the bench must write.
 *
 * Each job is watched by two clients: our stream (`GET
 * /api/jobs/:id/stream`, pushed by `kv.watch`) and the baseline, a stream
 * written here the way the original spec's FastAPI endpoint works: read the
 * job every 500 ms and send whatever is new.
 */
import { createApp } from "../lib/app.ts";
import { isTerminal } from "../lib/jobs/job.ts";
import {
  appendEvents,
  claimJob,
  getJob,
  type JobEntry,
  listEvents,
} from "../lib/jobs/store.ts";
import { SAMPLE_WARDROBE } from "../lib/sample_wardrobe.ts";
import type { NewJobEvent, Outfit } from "../lib/schemas.ts";
import { JobFeeds } from "../lib/jobs/feed.ts";
import { randomSource } from "../lib/stylist/test_fixtures.ts";
import { TestClient } from "../tests/helpers/client.ts";
import { readSse } from "../tests/helpers/sse_client.ts";
import { type Result, summarize } from "./stats.ts";
import { delay } from "../lib/delay.ts";

/** The original design's polling period (the spec's `asyncio.sleep(0.5)`). */
export const BASELINE_POLL_MS = 500;

const REQUEST = {
  mode: "occasion",
  occasions: ["date_night"],
  include_reasoning: false,
  parallel: false,
};

type Arrivals = Map<number, number>;

export async function delivery({ quick }: { quick: boolean }) {
  const jobs = quick ? 6 : 20;
  const eventsPerJob = quick ? 20 : 40;
  // A SQLite file, like `deno task start`.
  const dir = await Deno.makeTempDir({ prefix: "stylist-bench-" });
  const kv = await Deno.openKv(`${dir}/delivery.kv`);
  const app = createApp({
    kv,
    feeds: new JobFeeds(),
    sessionSecret: "bench-secret",
  });
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    (req) =>
      new URL(req.url).pathname.startsWith("/baseline/")
        ? baselineStream(kv, req)
        : app.fetch(req),
  );
  const url = `http://127.0.0.1:${server.addr.port}`;
  try {
    const runs = await Promise.all(
      Array.from(
        { length: jobs },
        (_, i) => runJob(kv, url, eventsPerJob, randomSource(i + 1)),
      ),
    );
    const ours: number[] = [];
    const baseline: number[] = [];
    for (const run of runs) {
      for (const [seq, at] of run.committed) {
        ours.push(run.ours.get(seq)! - at);
        baseline.push(run.baseline.get(seq)! - at);
      }
    }
    const watch = summarize(ours);
    const poll = summarize(baseline);
    const ratio = poll.mean / watch.mean;
    const note = `${jobs} jobs × ${eventsPerJob} events, gaps 20–150 ms`;
    return [
      {
        id: "delivery_kv_watch",
        metric: "Event delivery, kv.watch stream",
        unit: "ms",
        summary: watch,
        goal: "p50 ≤ 5, p99 ≤ 20",
        pass: watch.p50 <= 5 && watch.p99 <= 20,
        note,
      },
      {
        id: "delivery_poll_500ms",
        metric: "Event delivery, 500 ms polling baseline",
        unit: "ms",
        summary: poll,
        note: "the spec's FastAPI loop, same writes",
      },
      {
        id: "delivery_ratio",
        metric: "Baseline mean / kv.watch mean",
        unit: "×",
        value: ratio,
        goal: "≥ 50×",
        pass: ratio >= 50,
        note: `p50s: ${poll.p50.toFixed(0)} ms vs ${watch.p50.toFixed(2)} ms`,
      },
    ] satisfies Result[];
  } finally {
    await server.shutdown();
    kv.close();
    await Deno.remove(dir, { recursive: true });
  }
}

/**
 * One job: start it through the API, hold it as its worker, open both
 * streams, then write its events and wait until both streams have them all.
 */
async function runJob(
  kv: Deno.Kv,
  url: string,
  count: number,
  random: () => number,
) {
  const shopper = new TestClient(url);
  const jobId = await shopper.generate(REQUEST);
  let entry: JobEntry | null = await claimJob(kv, jobId, { leaseMs: 60_000 });
  if (!entry) throw new Error(`Cannot claim job "${jobId}"`);

  const ours = receive(await shopper.stream(jobId));
  const baseline = receive(await fetch(`${url}/baseline/jobs/${jobId}`));
  // Both have the "Queued…" event from the creating commit: they are live.
  await Promise.all([ours.seen(1), baseline.seen(1)]);

  const committed = new Map<number, number>();
  for (const events of jobEvents(count)) {
    await delay(20 + random() * 130);
    entry = await appendEvents(kv, entry!, events);
    const at = performance.now();
    if (!entry) throw new Error(`Job "${jobId}" was written by someone else`);
    const last = entry.job.seq;
    for (let seq = last - events.length + 1; seq <= last; seq++) {
      committed.set(seq, at);
    }
  }
  return {
    committed,
    ours: await ours.done,
    baseline: await baseline.done,
  };
}

/** Reads a stream to its end, timing each event's arrival by its id. */
function receive(res: Response) {
  if (res.status !== 200) throw new Error(`Stream answered ${res.status}`);
  const arrivals: Arrivals = new Map();
  const waiters = new Map<number, () => void>();
  const done = (async () => {
    for await (const frame of readSse(res.body!)) {
      if (frame.kind !== "event") continue;
      const seq = Number(frame.id);
      arrivals.set(seq, performance.now());
      waiters.get(seq)?.();
    }
    return arrivals;
  })();
  done.catch(() => {}); // handled now, reported when awaited
  return {
    done,
    seen: (seq: number) =>
      arrivals.has(seq)
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.set(seq, resolve)),
  };
}

/**
 * What a job writes, one commit per entry: progress through three outfits,
 * each outfit as it is finished, then the last progress with `complete`.
 */
function jobEvents(count: number): NewJobEvent[][] {
  const outfits: Outfit[] = [0, 1, 2].map((n) => {
    const items = SAMPLE_WARDROBE.slice(n * 4, n * 4 + 4);
    return {
      title: `Bench outfit ${n + 1}`,
      item_ids: items.map((item) => item.id),
      items,
      reasoning: "A steady, neutral base with one accent colour. ".repeat(6),
      tip: "Roll the sleeves once for a relaxed line.",
      source: "local",
    };
  });
  const commits: NewJobEvent[][] = [];
  const outfitAt = [1, 2, 3].map((k) => Math.round((count - 2) * k / 3));
  for (let i = 0; i < count - 1; i++) {
    const k = outfitAt.indexOf(i);
    commits.push([
      k >= 0
        ? { type: "outfit", data: { outfit_number: k + 1, outfit: outfits[k] } }
        : {
          type: "progress",
          data: {
            progress: 10 + Math.floor((85 * i) / count),
            message: `Creating outfit ${
              Math.min(3, 1 + outfitAt.filter((at) => at < i).length)
            } of 3…`,
            current_outfit: 1,
          },
        },
    ]);
  }
  commits.push([
    {
      type: "progress",
      data: { progress: 100, message: "Complete!", current_outfit: 3 },
    },
    { type: "complete", data: { result: { outfits } } },
  ]);
  return commits;
}

const encoder = new TextEncoder();

/**
 * The design Stylist replaces: every 500 ms read the job and send the
 * events that are new since the last read, until the job has ended.
 */
function baselineStream(kv: Deno.Kv, req: Request): Response {
  const jobId = new URL(req.url).pathname.split("/").at(-1)!;
  let stopped = false;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let lastSent = 0;
      while (!stopped) {
        const entry = await getJob(kv, jobId);
        if (!entry) break;
        if (entry.job.seq > lastSent) {
          for (const event of await listEvents(kv, jobId, lastSent)) {
            controller.enqueue(encoder.encode(
              `id: ${event.seq}\nevent: ${event.type}\ndata: ${
                JSON.stringify(event.data)
              }\n\n`,
            ));
            lastSent = event.seq;
          }
        }
        if (isTerminal(entry.job.status) && lastSent >= entry.job.seq) break;
        await delay(BASELINE_POLL_MS);
      }
      if (!stopped) controller.close();
    },
    cancel() {
      stopped = true;
    },
  });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
    },
  });
}

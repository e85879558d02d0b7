/**
 * 5. Fan-out: 1,000 SSE clients on one instance (100 running jobs × 10
 *    viewers each), delivery p99 and the server's peak RSS.
 *
 * The server is `main.ts` in its own process (bench/fanout_server.ts, which
 * only adds a probe, in every thread, that notes when each event's commit
 * resolved), its KV a SQLite file, its jobs in job threads (`JOB_THREADS`
 * default) and, for the two 1,000-stream runs, again with `JOB_THREADS=0`
 * beside it: every job in the server thread, the baseline. The clients are this process: 100 shoppers each start one
 * job and open it in 10 tabs. With the scripted model (a third process,
 * bench/fake_model_server.ts, at bench/pace.ts's pace: ~90 events a job,
 * most of them progress), then, to tell streams from jobs, the same 1,000
 * streams over 25 jobs and the 100 jobs with one viewer each; with the
 * built-in stylist paced by `STYLIST_LOCAL_DELAY_MS` (~20 events a job); and
 * the 1,000 streams open with nothing to send, for the memory floor.
 *
 * Delivery is commit → frame parsed at a viewer, both clocks being the same
 * machine's wall clock (`performance.timeOrigin + now()`), for events
 * committed after that viewer connected (earlier ones arrive as a backlog,
 * which is resume, not delivery). Peak RSS is the server's VmHWM.
 */
import process from "node:process";
import { TestClient } from "../tests/helpers/client.ts";
import { startFakeOpenAI } from "../tests/helpers/fake_openai.ts";
import { readSse } from "../tests/helpers/sse_client.ts";
import {
  startServerProcess,
  type ThreadCpu,
} from "../tests/helpers/server_process.ts";
import { PACE_TEXT } from "./pace.ts";
import { pool, type Result, summarize } from "./stats.ts";
import { delay } from "../lib/delay.ts";

const REQUEST = {
  mode: "occasion",
  occasions: ["date_night"],
  include_reasoning: false,
  parallel: false,
};

const now = () => performance.timeOrigin + performance.now();

type Viewer = { job: string; connected: number; arrivals: Map<number, number> };

export async function fanout({ quick }: { quick: boolean }) {
  await using model = await startServerProcess(
    "bench/fake_model_server.ts",
    { BENCH_REQUEST: JSON.stringify(REQUEST) },
    /Scripted model on http:\/\/[^:]+:(\d+)/,
  );
  const scripted = {
    label: "scripted model",
    how: `model: ${PACE_TEXT}`,
    env: {
      OPENAI_API_KEY: "sk-bench",
      OPENAI_MODEL: "bench-model",
      OPENAI_BASE_URL: `${model.url}/v1`,
    },
  };
  const results = await scenario({
    ...scripted,
    id: "model",
    jobs: quick ? 15 : 100,
    viewers: 10,
  });
  // The quick run has no time for more scenarios.
  if (quick) return results;
  // Every job in the server thread, as before the job threads: the baseline.
  results.push(
    ...await scenario({
      ...scripted,
      ...serverThreadOnly(scripted.env),
      id: "model_threads0",
      jobs: 100,
      viewers: 10,
    }),
  );
  const local = {
    label: "built-in stylist",
    how: "built-in stylist, 2 s an outfit",
    env: { STYLIST_LOCAL_DELAY_MS: "2000" },
  };
  // The same streams over a quarter of the jobs, then the jobs alone: which
  // of the two the instance runs out of.
  results.push(
    ...await scenario({
      ...scripted,
      id: "model_25x40",
      jobs: 25,
      viewers: 40,
    }),
    ...await scenario({
      ...scripted,
      id: "model_100x1",
      jobs: 100,
      viewers: 1,
    }),
    ...await scenario({ ...local, id: "local", jobs: 100, viewers: 10 }),
    ...await scenario({
      ...local,
      ...serverThreadOnly(local.env),
      id: "local_threads0",
      jobs: 100,
      viewers: 10,
    }),
  );
  // The floor: the same streams open while every job waits for its model.
  await using stalled = await startFakeOpenAI(() => ({
    chunks: ["{"],
    stallAfter: 0,
  }));
  results.push(
    ...await scenario({
      id: "idle",
      label: "nothing to send",
      how: "every model silent",
      env: {
        OPENAI_API_KEY: "sk-bench",
        OPENAI_BASE_URL: stalled.baseURL,
        OPENAI_FIRST_TOKEN_TIMEOUT_MS: "120000",
      },
      jobs: 100,
      viewers: 10,
      idle: true,
    }),
  );
  return results;
}

/** A scenario's settings with every job run in the server thread. */
function serverThreadOnly(
  env: Record<string, string>,
): Pick<Scenario, "env" | "baseline"> {
  return { env: { ...env, JOB_THREADS: "0" }, baseline: true };
}

type Scenario = {
  id: string;
  label: string;
  how: string;
  env: Record<string, string>;
  jobs: number;
  viewers: number;
  /** Evidence beside a goal, not held to it (the `JOB_THREADS=0` runs). */
  baseline?: boolean;
  /** Only connect, then measure memory: the jobs never write. */
  idle?: boolean;
};

async function scenario(
  { id, label, how, env, jobs, viewers, idle, baseline }: Scenario,
): Promise<Result[]> {
  if (baseline) label += ", JOB_THREADS=0";
  const logs = await Deno.makeTempDir({ prefix: "stylist-commits-" });
  const log = `${logs}/commits`;
  // Removed on every way out, the idle scenario's early return included.
  await using _logs = {
    [Symbol.asyncDispose]: () =>
      Deno.remove(logs, { recursive: true }).catch(() => {}),
  };
  await using server = await startServerProcess("bench/fanout_server.ts", {
    ...env,
    BENCH_COMMIT_LOG: log,
  });
  const idleRss = await server.peakRssMb();
  const shoppers = await pool(
    Array.from({ length: jobs }, () => new TestClient(server.url)),
    10,
    async (shopper) => {
      await shopper.get("/api/wardrobe"); // session and sample wardrobe
      return shopper;
    },
  );

  let open = 0;
  let peakOpen = 0;
  const runs: Promise<Viewer>[] = [];
  /** Opens one tab; resolves once it is connected, with its whole run. */
  const watch = async (shopper: TestClient, job: string) => {
    const res = await shopper.stream(job);
    const viewer: Viewer = { job, connected: now(), arrivals: new Map() };
    if (res.status !== 200) throw new Error(`Stream answered ${res.status}`);
    peakOpen = Math.max(peakOpen, ++open);
    const run = (async () => {
      try {
        for await (const frame of readSse(res.body!)) {
          if (frame.kind === "event") {
            viewer.arrivals.set(Number(frame.id), now());
          }
        }
      } finally {
        open--;
      }
      return viewer;
    })();
    // Handled now, reported when awaited: a stream that breaks while the
    // others are still connecting must not end the process.
    run.catch(() => {});
    return { run };
  };
  const started = now();
  const cpu0 = await server.threadCpuSeconds();
  const client0 = process.cpuUsage();
  await pool(shoppers, 10, async (shopper) => {
    const job = await shopper.generate(REQUEST);
    // The next job starts once these tabs are connected.
    const tabs = await Promise.all(
      Array.from({ length: viewers }, () => watch(shopper, job)),
    );
    runs.push(...tabs.map((tab) => tab.run));
  });
  const streams = `${jobs * viewers} streams (${jobs} × ${viewers})`;
  // The goals are for 1,000 streams; other shapes are evidence.
  const goal = jobs * viewers === 1_000 && !baseline;
  if (idle) {
    await delay(1_000);
    const rss = await server.peakRssMb();
    await server.stop();
    await Promise.allSettled(runs);
    return [{
      id: `fanout_${id}_rss`,
      metric: `${streams}, ${label}: server RSS`,
      unit: "MB",
      value: rss,
      note: `${peakOpen} open, ${jobs} jobs waiting on their model`,
    }];
  }
  const done = await Promise.all(runs);
  const elapsed = (now() - started) / 1000;
  const cpu1 = await server.threadCpuSeconds();
  const cores = (thread: keyof ThreadCpu) =>
    ((cpu1[thread] - cpu0[thread]) / elapsed).toFixed(2);
  const used = process.cpuUsage(client0);
  const clientCpu = (used.user + used.system) / 1e6 / elapsed;
  const peakRss = await server.peakRssMb();
  await server.stop();
  const commits = await readCommitLogs(log);

  const delivery: number[] = [];
  const first = new Map<string, number>();
  for (const viewer of done) {
    for (const [seq, at] of viewer.arrivals) {
      const key = `${viewer.job}/${seq}`;
      first.set(key, Math.min(first.get(key) ?? Infinity, at));
    }
  }
  const spread: number[] = [];
  for (const viewer of done) {
    for (const [seq, at] of viewer.arrivals) {
      const key = `${viewer.job}/${seq}`;
      const committed = commits.get(key);
      if (committed === undefined || committed < viewer.connected) continue;
      delivery.push(at - committed);
      spread.push(at - first.get(key)!);
    }
  }
  const summary = summarize(delivery);
  return [
    {
      id: `fanout_${id}_delivery`,
      metric: `${streams}, ${label}: delivery`,
      unit: "ms",
      summary,
      ...(goal ? { goal: "p99 ≤ 100", pass: summary.p99 <= 100 } : {}),
      note: `${how}; ${peakOpen} open at once, ${
        elapsed.toFixed(1)
      } s; cores: server thread ${cores("server")}, job threads ${
        cores("jobs")
      }, other server threads ${cores("other")}, clients ${
        clientCpu.toFixed(2)
      }`,
    },
    {
      id: `fanout_${id}_spread`,
      metric: "  after the job's first viewer",
      unit: "ms",
      summary: summarize(spread),
    },
    {
      id: `fanout_${id}_peak_rss`,
      metric: `${streams}, ${label}: server peak RSS`,
      unit: "MB",
      value: peakRss,
      ...(goal ? { goal: "≤ 300", pass: peakRss <= 300 } : {}),
      note: `${idleRss.toFixed(0)} MB idle`,
    },
  ];
}

/** Every thread's commit notes (bench/probe/commit_log.ts), by `job/seq`. */
async function readCommitLogs(log: string): Promise<Map<string, number>> {
  const commits = new Map<string, number>();
  const dir = log.slice(0, log.lastIndexOf("/"));
  for await (const entry of Deno.readDir(dir)) {
    if (!entry.name.startsWith("commits.")) continue;
    const rows = JSON.parse(await Deno.readTextFile(`${dir}/${entry.name}`));
    for (const [job, seq, at] of rows) commits.set(`${job}/${seq}`, at);
  }
  return commits;
}

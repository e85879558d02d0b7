/**
 * The whole app on a free loopback port over an in-memory KV: real HTTP, real
 * queue, real watches. `await using server = await startTestServer()` shuts
 * it down when the test's scope ends.
 */
import { createApp } from "../../lib/app.ts";
import { isTerminal, type Job } from "../../lib/jobs/job.ts";
import { DEFAULT_LIMITS, type JobLimits } from "../../lib/jobs/limits.ts";
import { JobFeeds } from "../../lib/jobs/feed.ts";
import { createLocalStylist } from "../../lib/stylist/providers/local.ts";
import type { Stylist } from "../../lib/stylist/types.ts";
import { startJobSweeper } from "../../workers/job_sweeper.ts";
import { startOutfitWorker } from "../../workers/outfit_worker.ts";
import { TestClient } from "./client.ts";

export type TestServerOptions = {
  stylist?: Stylist;
  /** Stands in for `stylist` when it fails (the app pairs a model with local). */
  fallback?: Stylist;
  /** Paces the built-in stylist, per outfit. */
  localDelayMs?: number;
  heartbeatMs?: number;
  leaseMs?: number;
  /** Per-shopper job limits; the app's defaults when unset. */
  limits?: Partial<JobLimits>;
  /** False is `STREAMING=off`: pages tell the client to poll. */
  streaming?: boolean;
  /** False runs the app as on a store without a queue (KV Connect). */
  useQueue?: boolean;
  /** How often the job sweep runs (the app's default otherwise). */
  sweepIntervalMs?: number;
};

export async function startTestServer(options: TestServerOptions = {}) {
  const kv = await Deno.openKv(":memory:");
  const feeds = new JobFeeds();
  const stylist = options.stylist ??
    createLocalStylist({ delayMs: options.localDelayMs ?? 0 });
  const useQueue = options.useQueue ?? true;
  const workerOptions = {
    kv,
    stylist,
    fallback: options.fallback,
    leaseMs: options.leaseMs ?? 30_000,
  };
  const worker = useQueue ? startOutfitWorker(workerOptions) : null;
  const sweeper = startJobSweeper({
    ...workerOptions,
    intervalMs: options.sweepIntervalMs ?? 2_000,
    queuedGraceMs: useQueue ? 5_000 : 0,
  });
  const app = createApp({
    kv,
    feeds,
    sessionSecret: "test-secret",
    heartbeatMs: options.heartbeatMs,
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    useQueue,
    streaming: options.streaming ?? true,
  });
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    app.fetch,
  );
  const url = `http://127.0.0.1:${server.addr.port}`;
  return {
    url,
    kv,
    feeds,
    sweeper,
    /** A new shopper (no cookie yet). */
    client: () => new TestClient(url),
    async [Symbol.asyncDispose]() {
      // Let running jobs end first, so no worker writes to a closed store.
      await waitFor(async () => {
        for await (const entry of kv.list<Job>({ prefix: ["jobs"] })) {
          if (!isTerminal(entry.value.status)) return false;
        }
        return true;
      }, { what: "running jobs to end", timeoutMs: 30_000 });
      await sweeper.stop();
      await server.shutdown();
      kv.close();
      await worker;
    },
  };
}

/** Resolves once `condition()` holds; fails after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 5_000, what = "condition" } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

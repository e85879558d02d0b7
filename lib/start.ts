/**
 * The one way Stylist starts, for `main.ts`, the tests and the benchmarks
 * alike: open the store, start the job engine (Worker threads, or this
 * thread), build the HTTP app, and return a handle that shuts it all down
 * gracefully. Tests pass an in-memory store and their own stylists; what
 * runs is otherwise exactly what production runs.
 */
import type { Hono } from "hono";
import { StreamSlots } from "./jobs/stream_slots.ts";
import { createApp } from "./app.ts";
import type { Config } from "./config.ts";
import type { AppEnv } from "./define.ts";
import type { JobEngine } from "./jobs/engine.ts";
import { JobFeeds } from "./jobs/feed.ts";
import { ThreadEngine } from "./jobs/threads.ts";
import { openKv } from "./kv.ts";
import { loadSessionSecret } from "./session.ts";
import { selectStylists } from "./stylist/select.ts";
import {
  type OutfitStylists,
  startOutfitEngine,
} from "../workers/outfit_worker.ts";

export type StartOptions = {
  config: Config;
  /** A store already open (tests: `:memory:`); jobs then run in this thread. */
  kv?: Deno.Kv;
  /** Stylists to use instead of the ones the config selects (tests). */
  stylists?: OutfitStylists;
  /** SSE heartbeat period; tests shorten it. */
  heartbeatMs?: number;
};

export type Stylist = {
  app: Hono<AppEnv>;
  kv: Deno.Kv;
  feeds: JobFeeds;
  engine: JobEngine;
  /** Says where jobs run and which stylist styles, for the start-up line. */
  description: string;
  /**
   * Stops taking jobs, ends every stream (clients reconnect elsewhere or
   * after the restart), lets running jobs finish for `config.drainMs` and
   * hands the rest back. Close the HTTP server meanwhile; close `kv` after.
   */
  shutdown(): Promise<void>;
};

export async function startStylist(options: StartOptions): Promise<Stylist> {
  const { config } = options;
  const kv = options.kv ?? await openKv(config.kvPath);
  const feeds = new JobFeeds();
  // Threads open the store by its path: a store handed in cannot be shared.
  const threads = options.kv || options.stylists ? 0 : config.jobThreads;
  const selected = options.stylists ? null : selectStylists(config);
  let engine: JobEngine;
  if (threads > 0) {
    const threaded = new ThreadEngine(
      threads,
      new URL("../workers/job_thread.ts", import.meta.url),
      config,
    );
    await threaded.ready;
    engine = threaded;
  } else {
    engine = startOutfitEngine({
      kv,
      feeds,
      stylists: options.stylists ?? selected!,
      weather: config.weather,
      leaseMs: config.leaseMs,
      useQueue: config.useQueue,
      sweep: true,
      sweepIntervalMs: config.sweepIntervalMs,
    });
  }
  const app = createApp({
    kv,
    feeds,
    limits: config.limits,
    streamSlots: new StreamSlots(config.limits.streamsPerShopper),
    addressHeader: config.addressHeader,
    writeLimits: config.writeLimits,
    bodyTimeoutMs: config.bodyTimeoutMs,
    useQueue: config.useQueue,
    dispatch: (jobId) => engine.dispatch(jobId),
    streaming: config.streaming,
    currency: config.currency,
    heartbeatMs: options.heartbeatMs,
    sessionSecret: await loadSessionSecret(kv, config.sessionSecret),
    allowedOrigins: config.allowedOrigins,
  });
  const where = threads > 0
    ? `${threads} job thread${threads === 1 ? "" : "s"}`
    : "jobs in the server thread";
  return {
    app,
    kv,
    feeds,
    engine,
    description: `${selected?.description ?? "test stylists"}; ${where}${
      config.useQueue ? "" : ", no queue"
    }`,
    async shutdown() {
      const drained = engine.drain(config.drainMs);
      feeds.closeStreams();
      await drained;
    },
  };
}

/**
 * Composition root: open KV, start the job worker, serve HTTP. HTTP, the queue
 * listener and the SSE streams share one process per KV file, because a local
 * SQLite `kv.watch` only sees writes made by its own process.
 */
import { createApp } from "./lib/app.ts";
import { loadConfig } from "./lib/config.ts";
import { openKv } from "./lib/kv.ts";
import { loadSessionSecret } from "./lib/session.ts";
import { JobFeeds } from "./lib/jobs/feed.ts";
import { selectStylists } from "./lib/stylist/select.ts";
import { startJobSweeper } from "./workers/job_sweeper.ts";
import { startOutfitWorker } from "./workers/outfit_worker.ts";

/** Queue delivery takes ~50 ms; a job still queued after this was missed. */
const QUEUE_GRACE_MS = 5_000;

const config = loadConfig();
const kv = await openKv(config.kvPath);
const { stylist, fallback, description } = selectStylists(config);

const worker = { kv, stylist, fallback, leaseMs: config.leaseMs };
if (config.useQueue) startOutfitWorker(worker);
// Re-runs jobs whose worker died; without a queue, runs every job.
startJobSweeper({
  ...worker,
  intervalMs: config.sweepIntervalMs,
  queuedGraceMs: config.useQueue ? QUEUE_GRACE_MS : 0,
});

const app = createApp({
  kv,
  feeds: new JobFeeds(),
  limits: config.limits,
  useQueue: config.useQueue,
  streaming: config.streaming,
  sessionSecret: await loadSessionSecret(kv, config.sessionSecret),
  allowedOrigins: config.allowedOrigins,
  currency: config.currency,
});

Deno.serve({
  port: config.port,
  onListen: ({ hostname, port }) => {
    const host = hostname === "0.0.0.0" ? "localhost" : hostname;
    console.log(
      `Stylist on http://${host}:${port} (KV: ${
        config.kvPath ?? "platform default"
      }, stylist: ${description})`,
    );
  },
}, app.fetch);

/**
 * The whole app on a free loopback port over an in-memory KV: real HTTP, real
 * queue, real watches. `await using server = await startTestServer()` shuts
 * it down when the test's scope ends.
 */
import { loadConfig } from "../../lib/config.ts";
import { isTerminal, type Job } from "../../lib/jobs/job.ts";
import { DEFAULT_LIMITS, type JobLimits } from "../../lib/jobs/limits.ts";
import { startStylist } from "../../lib/start.ts";
import { createLocalStylist } from "../../lib/stylist/providers/local.ts";
import type { Stylist } from "../../lib/stylist/types.ts";
import { TestClient } from "./client.ts";
import { waitFor } from "./wait_for.ts";

export type TestServerOptions = {
  stylist?: Stylist;
  /** Stands in for `stylist` when it fails (the app pairs a model with local). */
  fallback?: Stylist;
  /** Paces the built-in stylist, per outfit. */
  localDelayMs?: number;
  heartbeatMs?: number;
  leaseMs?: number;
  /** Job limits; the app's defaults when unset (see below for three). */
  limits?: Partial<JobLimits>;
  /** `CLIENT_ADDRESS_HEADER`: the header that names the client's address. */
  addressHeader?: string;
  /** `REQUEST_BODY_TIMEOUT_MS`; the app's default when unset. */
  bodyTimeoutMs?: number;
  /** Write rates; off unless set (tests write fast on purpose). */
  writesPerMinute?: { perShopper?: number; perAddress?: number };
  /** False is `STREAMING=off`: pages tell the client to poll. */
  streaming?: boolean;
  /** False runs the app as on a store without a queue (Deno Deploy, KV Connect). */
  useQueue?: boolean;
  /** How often the job sweep runs (the app's default otherwise). */
  sweepIntervalMs?: number;
  /** A store to serve instead of a fresh in-memory one. */
  kv?: Deno.Kv;
  /**
   * Where places and forecasts are looked up (a fake Open-Meteo on
   * loopback); unset, `WEATHER=off`, since the real one is out of reach.
   */
  weather?: { geocodingUrl: string; weatherUrl: string };
};

/**
 * Starts the app the way main.ts does (lib/start.ts), on an in-memory store
 * with jobs in this thread, and serves it on a free loopback port.
 */
export async function startTestServer(options: TestServerOptions = {}) {
  const kv = options.kv ?? await Deno.openKv(":memory:");
  // The per-address, service-wide and stream limits are off unless a test
  // sets them: every test client shares one address, and load tests run
  // hundreds of jobs and streams on purpose.
  const limits = {
    ...DEFAULT_LIMITS,
    jobsPerMinutePerAddress: 0,
    maxActiveJobs: 0,
    streamsPerShopper: 0,
    ...options.limits,
  };
  const env: Record<string, string | undefined> = {
    DENO_KV_PATH: ":memory:",
    SESSION_SECRET: "test-secret",
    JOB_LEASE_MS: String(options.leaseMs ?? 30_000),
    SWEEP_INTERVAL_MS: String(options.sweepIntervalMs ?? 2_000),
    JOB_QUEUE: options.useQueue === false ? "off" : "on",
    STREAMING: options.streaming === false ? "off" : "on",
    JOBS_PER_MINUTE: String(limits.jobsPerMinute),
    CONCURRENT_JOBS: String(limits.concurrentJobs),
    JOBS_PER_MINUTE_PER_ADDRESS: String(limits.jobsPerMinutePerAddress),
    MAX_ACTIVE_JOBS: String(limits.maxActiveJobs),
    STREAMS_PER_SHOPPER: String(limits.streamsPerShopper),
    WRITES_PER_MINUTE: String(options.writesPerMinute?.perShopper ?? 0),
    WRITES_PER_MINUTE_PER_ADDRESS: String(
      options.writesPerMinute?.perAddress ?? 0,
    ),
    CLIENT_ADDRESS_HEADER: options.addressHeader,
    REQUEST_BODY_TIMEOUT_MS: options.bodyTimeoutMs === undefined
      ? undefined
      : String(options.bodyTimeoutMs),
    // A test that ends mid-job hands it back at once.
    DRAIN_MS: "0",
    WEATHER: options.weather ? "on" : "off",
    GEOCODING_URL: options.weather?.geocodingUrl,
    WEATHER_URL: options.weather?.weatherUrl,
  };
  const stylist = await startStylist({
    config: loadConfig({ get: (name) => env[name] }),
    kv,
    stylists: {
      stylist: options.stylist ??
        createLocalStylist({ delayMs: options.localDelayMs ?? 0 }),
      fallback: options.fallback,
    },
    heartbeatMs: options.heartbeatMs,
  });
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    stylist.app.fetch,
  );
  const url = `http://127.0.0.1:${server.addr.port}`;
  return {
    url,
    kv,
    feeds: stylist.feeds,
    engine: stylist.engine,
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
      await stylist.shutdown();
      await server.shutdown();
      kv.close();
    },
  };
}

/**
 * Settings from the environment, read once at start-up. Every setting has a
 * default that runs the whole app on one machine with nothing configured.
 */
import { DEFAULT_LIMITS, type JobLimits } from "./jobs/limits.ts";
import { DEFAULT_WRITE_LIMITS, type WriteLimits } from "./write_rate.ts";
import { DEFAULT_SHOPPER_TTL_DAYS } from "./unseen_shoppers.ts";
import { DEFAULT_CURRENCY, isCurrency } from "./money.ts";
import type { WeatherConfig } from "./weather/forecast.ts";
import { OPEN_METEO } from "./weather/open_meteo.ts";

/** The model's settings; present only when `OPENAI_API_KEY` is set. */
export type ModelConfig = {
  apiKey: string;
  model: string;
  /** Any OpenAI-compatible server; the SDK's default (OpenAI) when unset. */
  baseURL: string | undefined;
  temperature: number;
  maxTokens: number;
  firstTokenTimeoutMs: number;
  idleTimeoutMs: number;
};

export type Config = {
  port: number;
  /** SQLite file, `:memory:`, or a KV Connect URL; unset on Deno Deploy. */
  kvPath: string | undefined;
  /** Signs session cookies; generated and kept in KV when unset. */
  sessionSecret: string | undefined;
  /** Paces the built-in stylist (per outfit) so progress can be watched. */
  localDelayMs: number;
  /** How long a worker may go silent before its job is up for grabs. */
  leaseMs: number;
  /**
   * Whether jobs go through `kv.enqueue`/`listenQueue`. Off for KV Connect
   * URLs, which have no queue: the sweep dispatches jobs instead.
   */
  useQueue: boolean;
  /** How often the sweep looks for jobs nobody is working on. */
  sweepIntervalMs: number;
  /**
   * Job and stream limits (`JOBS_PER_MINUTE`, `CONCURRENT_JOBS`,
   * `JOBS_PER_MINUTE_PER_ADDRESS`, `MAX_ACTIVE_JOBS`, `STREAMS_PER_SHOPPER`;
   * 0 turns one of the last three off).
   */
  limits: JobLimits;
  /** The header a proxy names the client's address in; unset, the socket's. */
  addressHeader?: string;
  /** `WRITES_PER_MINUTE`, `WRITES_PER_MINUTE_PER_ADDRESS` (0: no limit). */
  writeLimits: WriteLimits;
  /** Shoppers not seen for this many days are forgotten (`SHOPPER_TTL_DAYS`). */
  shopperTtlDays: number;
  /** A request body must arrive within this (`REQUEST_BODY_TIMEOUT_MS`; 0: for ever). */
  bodyTimeoutMs: number;
  /** `STREAMING=off` makes the reveal page poll instead of streaming. */
  streaming: boolean;
  /** Null: no key, so the built-in stylist does the styling. */
  model: ModelConfig | null;
  /**
   * Origins besides the request's own that may send state-changing requests
   * (`ALLOWED_ORIGINS`, comma-separated, e.g. `https://shop.example`).
   */
  allowedOrigins: string[];
  /** Prices and cost per wear are shown in this currency (`CURRENCY`). */
  currency: string;
  /**
   * Worker threads that run jobs (`JOB_THREADS`): the cores but one, at
   * least one; 0 runs jobs in the thread that serves HTTP (the default on
   * Deno Deploy, and always for a `:memory:` store, which threads cannot
   * share).
   */
  jobThreads: number;
  /** On SIGTERM/SIGINT, how long running jobs may finish before hand-back. */
  drainMs: number;
  /**
   * Where a job looks up its place and forecast (`GEOCODING_URL`,
   * `WEATHER_URL`, Open-Meteo by default); null with `WEATHER=off`.
   */
  weather: WeatherConfig | null;
};

type Env = { get(name: string): string | undefined };

function intFrom(env: Env, name: string, fallback: number): number {
  const raw = env.get(name);
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`Invalid ${name} "${raw}": expected a whole number ≥ 0`);
  }
  return value;
}

function numberFrom(env: Env, name: string, fallback: number): number {
  const raw = env.get(name);
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`Invalid ${name} "${raw}": expected a number ≥ 0`);
  }
  return value;
}

/** `on` or `off`; anything else is a typo worth failing on. */
function switchFrom(env: Env, name: string, fallback: boolean): boolean {
  const raw = env.get(name)?.toLowerCase();
  if (raw === undefined || raw === "") return fallback;
  if (raw === "on" || raw === "off") return raw === "on";
  throw new Error(`Invalid ${name} "${raw}": expected on or off`);
}

/** An http(s) URL, or a clear error naming the variable. */
function urlFrom(env: Env, name: string, fallback: string): string {
  const raw = env.get(name)?.trim();
  if (!raw) return fallback;
  if (!URL.canParse(raw) || !/^https?:$/.test(new URL(raw).protocol)) {
    throw new Error(`Invalid ${name} "${raw}": expected an http(s) URL`);
  }
  return raw;
}

function weatherFrom(env: Env): WeatherConfig | null {
  if (!switchFrom(env, "WEATHER", true)) return null;
  return {
    geocodingUrl: urlFrom(env, "GEOCODING_URL", OPEN_METEO.geocodingUrl),
    weatherUrl: urlFrom(env, "WEATHER_URL", OPEN_METEO.weatherUrl),
  };
}

/** A KV Connect URL rather than a local file. */
function isRemote(kvPath: string | undefined): boolean {
  return /^https?:\/\//.test(kvPath ?? "");
}

/** A comma-separated list of origins (scheme and host, no path). */
function originsFrom(env: Env, name: string): string[] {
  const entries = (env.get(name) ?? "").split(",").map((s) => s.trim())
    .filter(Boolean);
  return entries.map((entry) => {
    const origin = URL.canParse(entry) ? new URL(entry).origin : "null";
    // As a browser writes it in `Origin`: lower case, no default port.
    if (!/^https?:/.test(origin) || origin !== entry.replace(/\/$/, "")) {
      throw new Error(
        `Invalid ${name} entry "${entry}": expected an origin such as https://shop.example`,
      );
    }
    return origin;
  });
}

function currencyFrom(env: Env): string {
  const raw = env.get("CURRENCY")?.trim().toUpperCase();
  if (!raw) return DEFAULT_CURRENCY;
  if (!isCurrency(raw)) {
    throw new Error(
      `Invalid CURRENCY "${raw}": expected an ISO 4217 code such as EUR`,
    );
  }
  return raw;
}

function modelFrom(env: Env): ModelConfig | null {
  const apiKey = env.get("OPENAI_API_KEY");
  if (!apiKey) return null;
  return {
    apiKey,
    model: env.get("OPENAI_MODEL") || "gpt-4o-mini",
    baseURL: env.get("OPENAI_BASE_URL") || undefined,
    temperature: numberFrom(env, "OPENAI_TEMPERATURE", 0.7),
    maxTokens: intFrom(env, "OPENAI_MAX_TOKENS", 2_000),
    firstTokenTimeoutMs: intFrom(env, "OPENAI_FIRST_TOKEN_TIMEOUT_MS", 20_000),
    idleTimeoutMs: intFrom(env, "OPENAI_IDLE_TIMEOUT_MS", 15_000),
  };
}

/** Worker threads by default: the cores but one, at least one. */
function defaultThreads(onDeploy: boolean): number {
  // Deploy documents no Web Workers for apps.
  if (onDeploy) return 0;
  return Math.max(1, (navigator.hardwareConcurrency ?? 2) - 1);
}

export function loadConfig(env: Env = Deno.env): Config {
  const onDeploy = Boolean(env.get("DENO_DEPLOYMENT_ID"));
  const kvPath = env.get("DENO_KV_PATH") ||
    (onDeploy ? undefined : "./data/stylist.kv");
  return {
    port: intFrom(env, "PORT", 8000),
    kvPath,
    sessionSecret: env.get("SESSION_SECRET") || undefined,
    localDelayMs: intFrom(env, "STYLIST_LOCAL_DELAY_MS", 0),
    leaseMs: intFrom(env, "JOB_LEASE_MS", 30_000),
    // Deno Deploy today has KV but no KV queues; KV Connect has none either.
    useQueue: switchFrom(env, "JOB_QUEUE", !isRemote(kvPath) && !onDeploy),
    sweepIntervalMs: intFrom(env, "SWEEP_INTERVAL_MS", 2_000),
    limits: {
      jobsPerMinute: intFrom(
        env,
        "JOBS_PER_MINUTE",
        DEFAULT_LIMITS.jobsPerMinute,
      ),
      concurrentJobs: intFrom(
        env,
        "CONCURRENT_JOBS",
        DEFAULT_LIMITS.concurrentJobs,
      ),
      jobsPerMinutePerAddress: intFrom(
        env,
        "JOBS_PER_MINUTE_PER_ADDRESS",
        DEFAULT_LIMITS.jobsPerMinutePerAddress,
      ),
      maxActiveJobs: intFrom(
        env,
        "MAX_ACTIVE_JOBS",
        DEFAULT_LIMITS.maxActiveJobs,
      ),
      streamsPerShopper: intFrom(
        env,
        "STREAMS_PER_SHOPPER",
        DEFAULT_LIMITS.streamsPerShopper,
      ),
    },
    addressHeader: env.get("CLIENT_ADDRESS_HEADER")?.trim().toLowerCase() ||
      undefined,
    bodyTimeoutMs: intFrom(env, "REQUEST_BODY_TIMEOUT_MS", 10_000),
    shopperTtlDays: intFrom(
      env,
      "SHOPPER_TTL_DAYS",
      DEFAULT_SHOPPER_TTL_DAYS,
    ),
    writeLimits: {
      perShopper: intFrom(
        env,
        "WRITES_PER_MINUTE",
        DEFAULT_WRITE_LIMITS.perShopper,
      ),
      perAddress: intFrom(
        env,
        "WRITES_PER_MINUTE_PER_ADDRESS",
        DEFAULT_WRITE_LIMITS.perAddress,
      ),
    },
    streaming: env.get("STREAMING")?.toLowerCase() !== "off",
    model: modelFrom(env),
    allowedOrigins: originsFrom(env, "ALLOWED_ORIGINS"),
    currency: currencyFrom(env),
    // A `:memory:` store is per handle: threads could not share it.
    jobThreads: kvPath === ":memory:"
      ? 0
      : intFrom(env, "JOB_THREADS", defaultThreads(onDeploy)),
    drainMs: intFrom(env, "DRAIN_MS", 4_000),
    weather: weatherFrom(env),
  };
}

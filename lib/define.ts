/**
 * What every route can reach through its context, and the factory routes are
 * written with (Fresh's `define`, on hono). Living apart from `app.ts` keeps
 * routes from importing the module that imports them.
 */
import { createFactory } from "hono/factory";
import type { JobLimits } from "./jobs/limits.ts";
import type { SessionVariables } from "./session.ts";
import type { JobFeeds } from "./jobs/feed.ts";
import type { StreamSlots } from "./jobs/stream_slots.ts";

export type AppState = {
  kv: Deno.Kv;
  /** Shares one watch among the streams of each job. */
  feeds: JobFeeds;
  /** Job limits; unset, job creation is not limited. */
  limits?: JobLimits;
  /** Event streams open per shopper; unset, not limited. */
  streamSlots?: StreamSlots;
  /** False when the store has no queue: jobs start by `dispatch`. */
  useQueue?: boolean;
  /** Starts a job committed without a queue message (see lib/jobs/engine.ts). */
  dispatch?: (jobId: string) => void;
  /** SSE heartbeat period; tests shorten it. */
  heartbeatMs?: number;
  /** False forces clients onto polling (`STREAMING=off`), the rollback switch. */
  streaming?: boolean;
  /** The currency prices are shown in (`CURRENCY`); EUR when unset. */
  currency?: string;
  /** The header a proxy names the client's address in (`CLIENT_ADDRESS_HEADER`). */
  addressHeader?: string;
};

export type AppEnv = {
  Variables: SessionVariables & { state: AppState };
};

export const define = createFactory<AppEnv>();

/** The body every 404 carries, whether the thing is missing or not yours. */
export const NOT_FOUND = { error: "Not found" } as const;

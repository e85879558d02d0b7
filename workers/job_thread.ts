/// <reference no-default-lib="true" />
/// <reference lib="deno.worker" />
/**
 * A job thread: opens the app's KV store and runs outfit jobs there (from
 * the queue, when the main thread dispatches one, and by the sweep on the
 * first thread), until the main thread asks it to drain. See
 * lib/jobs/threads.ts.
 */
import type { Config } from "../lib/config.ts";
import type { InProcessEngine } from "../lib/jobs/engine.ts";
import { QUEUE_GRACE_MS } from "../lib/jobs/engine.ts";
import type { FromThread, ToThread } from "../lib/jobs/threads.ts";
import { openKv } from "../lib/kv.ts";
import { selectStylists } from "../lib/stylist/select.ts";
import { startOutfitEngine } from "./outfit_worker.ts";

let kv: Deno.Kv | null = null;
let engine: InProcessEngine | null = null;
const reply = (message: FromThread) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ToThread>) => {
  const message = event.data;
  switch (message.type) {
    case "start": {
      const config = message.init as Config;
      kv = await openKv(config.kvPath);
      engine = startOutfitEngine({
        kv,
        stylists: selectStylists(config),
        leaseMs: config.leaseMs,
        useQueue: config.useQueue,
        sweep: message.sweep,
        sweepIntervalMs: config.sweepIntervalMs,
        queuedGraceMs: QUEUE_GRACE_MS,
      });
      reply({ type: "started" });
      break;
    }
    case "run":
      engine?.dispatch(message.jobId);
      break;
    case "sweep":
      engine?.sweep();
      break;
    case "drain":
      await engine?.drain(message.graceMs);
      kv?.close();
      reply({ type: "drained" });
      self.close();
      break;
  }
};

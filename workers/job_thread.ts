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
import type { FromThread, ToThread } from "../lib/jobs/threads.ts";
import os from "node:os";
import { openKv } from "../lib/kv.ts";
import { selectStylists } from "../lib/stylist/select.ts";
import { startOutfitEngine } from "./outfit_worker.ts";

/**
 * Job threads run at a lower CPU priority than the server thread (a nice
 * value, per thread on Linux): when the cores are busy, a viewer's frame or
 * a status read goes first and a job waits a few milliseconds more. Half of
 * the scheduler's range, so jobs still get their share and never starve.
 */
const JOB_THREAD_NICE = 10;

let kv: Deno.Kv | null = null;
let engine: InProcessEngine | null = null;
let started: Promise<void> | null = null;
const reply = (message: FromThread) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<ToThread>) => {
  const message = event.data;
  switch (message.type) {
    case "start": {
      started = start(message.init as Config, message.sweep);
      await started;
      reply({ type: "started" });
      break;
    }
    // Messages that arrive while the store is still opening wait for it.
    case "run":
      await started;
      engine?.dispatch(message.jobId);
      break;
    case "sweep":
      await started;
      engine?.sweep();
      break;
    case "drain":
      try {
        await started;
        await engine?.drain(message.graceMs);
      } catch (err) {
        console.error("Job thread drain failed:", err);
      } finally {
        // Answered whatever happened: the main thread must not wait on us.
        kv?.close();
        reply({ type: "drained" });
        self.close();
      }
      break;
  }
};

async function start(config: Config, sweep: boolean): Promise<void> {
  lowerPriority();
  kv = await openKv(config.kvPath);
  engine = startOutfitEngine({
    kv,
    stylists: selectStylists(config),
    weather: config.weather,
    leaseMs: config.leaseMs,
    useQueue: config.useQueue,
    sweep,
    sweepIntervalMs: config.sweepIntervalMs,
  });
}

/** Lowers this thread's priority, where the platform and permissions allow. */
function lowerPriority(): void {
  // Elsewhere the call would lower the whole process, the server included.
  if (Deno.build.os !== "linux") return;
  // Ask first: without the permission, Deno would prompt in a terminal.
  const sys = { name: "sys", kind: "setPriority" } as const;
  if (Deno.permissions.querySync(sys).state !== "granted") return;
  try {
    // Thread 0 is the calling thread: on Linux, this one alone.
    os.setPriority(0, JOB_THREAD_NICE);
  } catch {
    // No such call on this platform: same priority then.
  }
}

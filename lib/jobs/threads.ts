/**
 * Jobs in Worker threads, so styling (the model's SDK and parser, the
 * built-in stylist's search, every progress commit) never holds up the
 * thread that serves HTTP and the streams. Each thread opens the same KV
 * store and runs an in-process engine of its own; a local `kv.watch` in the
 * main thread sees their writes (same process, same SQLite file), so
 * nothing about the event log, claims or leases changes.
 */
import type { JobEngine } from "./engine.ts";

/** What the main thread tells a job thread. */
export type ToThread =
  | { type: "start"; init: unknown; sweep: boolean }
  | { type: "run"; jobId: string }
  | { type: "sweep" }
  | { type: "drain"; graceMs: number };

/** What a job thread answers. */
export type FromThread = { type: "started" } | { type: "drained" };

export class ThreadEngine implements JobEngine {
  #threads: Worker[] = [];
  #next = 0;
  /** Resolves once every thread has opened its store and is taking jobs. */
  readonly ready: Promise<void>;

  /**
   * Starts `count` threads running `entry`, each given `init` (its settings:
   * plain data). The first one also sweeps.
   */
  constructor(count: number, entry: URL, init: unknown) {
    const started: Promise<void>[] = [];
    for (let i = 0; i < count; i++) {
      const thread = new Worker(entry, { type: "module", name: `jobs-${i}` });
      started.push(this.#reply(thread, "started"));
      thread.postMessage({ type: "start", init, sweep: i === 0 } as ToThread);
      this.#threads.push(thread);
    }
    this.ready = Promise.all(started).then(() => {});
  }

  dispatch(jobId: string): void {
    const thread = this.#threads[this.#next++ % this.#threads.length];
    thread.postMessage({ type: "run", jobId } as ToThread);
  }

  sweep(): void {
    // The first thread is the one that sweeps.
    this.#threads[0]?.postMessage({ type: "sweep" } as ToThread);
  }

  async drain(graceMs: number): Promise<void> {
    await Promise.all(this.#threads.map((thread) => {
      const drained = this.#reply(thread, "drained");
      thread.postMessage({ type: "drain", graceMs } as ToThread);
      return drained.finally(() => thread.terminate());
    }));
  }

  #reply(thread: Worker, type: FromThread["type"]): Promise<void> {
    return new Promise((resolve, reject) => {
      const onMessage = (event: MessageEvent<FromThread>) => {
        if (event.data?.type !== type) return;
        thread.removeEventListener("message", onMessage);
        resolve();
      };
      thread.addEventListener("message", onMessage);
      thread.addEventListener("error", (event) => {
        event.preventDefault();
        reject(new Error(`Job thread failed: ${event.message}`));
      }, { once: true });
    });
  }
}

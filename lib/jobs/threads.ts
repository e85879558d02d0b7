/**
 * Jobs in Worker threads, so styling (the model's SDK and parser, the
 * built-in stylist's search, every progress commit) never holds up the
 * thread that serves HTTP and the streams. Each thread opens the same KV
 * store and runs an in-process engine of its own; a local `kv.watch` in the
 * main thread sees their writes (same process, same SQLite file), so
 * nothing about the event log, claims or leases changes.
 *
 * A thread that dies of an error nothing caught is a crashed worker: its
 * jobs' leases lapse and the sweep runs them again, as after a crash of the
 * whole process. It is logged and replaced, and never waited for.
 */
import { delay } from "../delay.ts";
import type { JobEngine } from "./engine.ts";

/** What the main thread tells a job thread. */
export type ToThread =
  | { type: "start"; init: unknown; sweep: boolean }
  | { type: "run"; jobId: string }
  | { type: "sweep" }
  | { type: "drain"; graceMs: number };

/** What a job thread answers. */
export type FromThread = { type: "started" } | { type: "drained" };

/** A crashed thread is replaced after this, so a crash loop cannot spin. */
const RESPAWN_DELAY_MS = 1_000;
/**
 * How long past its grace a draining thread may take to answer (its
 * hand-back commits) before it is stopped anyway.
 */
const DRAIN_MARGIN_MS = 2_000;

type Slot = {
  thread: Worker;
  /** Resolves when the thread has died (crashed or was terminated). */
  dead: Promise<void>;
  alive: boolean;
};

export class ThreadEngine implements JobEngine {
  #entry: URL;
  #init: unknown;
  #slots: Slot[] = [];
  #next = 0;
  #draining = false;
  /** Resolves once every thread has opened its store and is taking jobs. */
  readonly ready: Promise<void>;

  /**
   * Starts `count` threads running `entry`, each given `init` (its settings:
   * plain data). The first one also sweeps. `ready` rejects if a thread
   * dies before it has started (its settings or its store are wrong).
   */
  constructor(count: number, entry: URL, init: unknown) {
    this.#entry = entry;
    this.#init = init;
    const started = Array.from({ length: count }, (_, i) => this.#start(i));
    this.ready = Promise.all(started).then(() => {});
  }

  dispatch(jobId: string): void {
    // A dead slot is skipped; with none alive the sweep takes the job.
    for (let tries = 0; tries < this.#slots.length; tries++) {
      const slot = this.#slots[this.#next++ % this.#slots.length];
      if (slot.alive) return this.#send(slot, { type: "run", jobId });
    }
  }

  sweep(): Promise<void> {
    // The first thread is the one that sweeps (its replacement, after a crash).
    const first = this.#slots[0];
    if (first?.alive) this.#send(first, { type: "sweep" });
    return Promise.resolve();
  }

  async drain(graceMs: number): Promise<void> {
    this.#draining = true;
    await Promise.all(this.#slots.map(async (slot) => {
      if (!slot.alive) return;
      const answered = this.#reply(slot, "drained");
      this.#send(slot, { type: "drain", graceMs });
      const late = new AbortController();
      await Promise.race([
        answered,
        delay(graceMs + DRAIN_MARGIN_MS, late.signal),
      ]);
      late.abort();
      slot.alive = false;
      slot.thread.terminate();
    }));
  }

  async #start(index: number): Promise<void> {
    const thread = new Worker(this.#entry, {
      type: "module",
      name: `jobs-${index}`,
    });
    const died = Promise.withResolvers<void>();
    const slot: Slot = { thread, dead: died.promise, alive: true };
    this.#slots[index] = slot;
    let started = false;
    thread.addEventListener("error", (event) => {
      // Handled here: an uncaught error in one thread must not end the
      // process, nor go unnoticed.
      event.preventDefault();
      console.error(`Job thread ${index} crashed:`, event.message);
      slot.alive = false;
      thread.terminate();
      died.resolve();
      if (started && !this.#draining) this.#replace(index);
    });
    const answered = this.#reply(slot, "started");
    this.#send(slot, { type: "start", init: this.#init, sweep: index === 0 });
    if (!await answered) throw new Error(`Job thread ${index} did not start`);
    started = true;
  }

  #replace(index: number): void {
    delay(RESPAWN_DELAY_MS).then(() => {
      if (this.#draining) return;
      this.#start(index).catch((err) => {
        console.error(`Job thread ${index} could not be replaced:`, err);
      });
    });
  }

  #send(slot: Slot, message: ToThread): void {
    slot.thread.postMessage(message);
  }

  /** Whether the thread answered `type` (false: it died first). */
  #reply(slot: Slot, type: FromThread["type"]): Promise<boolean> {
    return new Promise((resolve) => {
      const onMessage = (event: MessageEvent<FromThread>) => {
        if (event.data?.type !== type) return;
        slot.thread.removeEventListener("message", onMessage);
        resolve(true);
      };
      slot.thread.addEventListener("message", onMessage);
      slot.dead.then(() => {
        slot.thread.removeEventListener("message", onMessage);
        resolve(false);
      });
    });
  }
}

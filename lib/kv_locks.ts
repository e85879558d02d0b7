/**
 * Several threads of one process write one SQLite KV file (the job threads
 * and the HTTP thread). SQLite lets one writer in at a time, and a commit
 * that finds another under way fails at once with "database is locked"
 * rather than waiting. Nothing was written then, so the same commit is
 * simply tried again, a moment later; callers never see the collision.
 */

import { delay } from "./delay.ts";

/** Collisions last microseconds; give up only if something is truly stuck. */
const MAX_TRIES = 40;

function isLocked(err: unknown): boolean {
  return err instanceof Error && /database is locked/i.test(err.message);
}

async function retryLocked<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 1;; attempt++) {
    try {
      return await write();
    } catch (err) {
      if (!isLocked(err) || attempt >= MAX_TRIES) throw err;
      // 1–2 ms at first, up to ~20 ms: spread the threads apart.
      const wait = Math.min(20, attempt) * (1 + Math.random());
      await delay(wait);
    }
  }
}

function tolerantAtomic(op: Deno.AtomicOperation): Deno.AtomicOperation {
  const proxy: Deno.AtomicOperation = new Proxy(op, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === "commit") return () => retryLocked(() => target.commit());
      if (typeof value !== "function") return value;
      // Builder methods return the operation itself: keep handing out the proxy.
      return (...args: unknown[]) => {
        const result = value.apply(target, args);
        return result === target ? proxy : result;
      };
    },
  });
  return proxy;
}

/**
 * The store, with every write (atomic commits, `set`, `delete`) retried
 * while another thread holds the write lock.
 */
export function tolerateLocks(kv: Deno.Kv): Deno.Kv {
  return new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (prop === "atomic") return () => tolerantAtomic(target.atomic());
      if (prop === "set" || prop === "delete") {
        return (...args: unknown[]) =>
          retryLocked(() =>
            (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)
          );
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

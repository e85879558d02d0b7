/**
 * What the three "Create outfits" islands share: starting a job, and what
 * the shopper sees when it does not start. Signals are made per island
 * instance (this is a hook), never at module scope.
 *
 * - One Idempotency-Key per submission: retrying the same request (after a
 *   dropped connection, a 5xx or a 429) sends the same key, so the server
 *   starts at most one job for it; a changed request gets a new key.
 * - Too many jobs (429): the server's sentence is shown, and the button counts
 *   down ("Try again in 12 s") and comes back when the wait is over.
 */
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { GenerateRequest } from "../schemas.ts";
import {
  type ApiError,
  newIdempotencyKey,
  type PageFlags,
  startGeneration,
} from "./api.ts";

export function useGeneration(flags: PageFlags) {
  const busy = useSignal(false);
  const problem = useSignal<ApiError | null>(null);
  /** Whole seconds until the shopper may ask again; 0 when they may. */
  const waitS = useSignal(0);
  const submission = useRef<{ body: string; key: string } | null>(null);
  const timer = useRef<ReturnType<typeof setInterval>>();
  useEffect(() => () => clearInterval(timer.current), []);

  function countDown(seconds: number) {
    clearInterval(timer.current);
    const until = Date.now() + seconds * 1000;
    const tick = () => {
      waitS.value = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      if (waitS.value === 0) clearInterval(timer.current);
    };
    tick();
    timer.current = setInterval(tick, 250);
  }

  async function start(request: GenerateRequest) {
    if (busy.value || waitS.value > 0) return;
    const body = JSON.stringify(request);
    if (submission.current?.body !== body) {
      submission.current = { body, key: newIdempotencyKey() };
    }
    busy.value = true;
    const result = await startGeneration(
      request,
      flags,
      submission.current.key,
    );
    busy.value = false;
    problem.value = result;
    if (result.retry_after_s) countDown(result.retry_after_s);
  }

  /** The submit button's text: busy, counting down, or `idle`. */
  function label(idle: string): string {
    if (busy.value) return "Starting…";
    return waitS.value > 0 ? `Try again in ${waitS.value} s` : idle;
  }

  return {
    busy,
    problem,
    waitS,
    start,
    label,
    /** True while the button must not be pressed. */
    get blocked() {
      return busy.value || waitS.value > 0;
    },
  };
}

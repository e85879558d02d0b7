/**
 * The reveal island's state and its connection to the job: signals made per
 * island instance, fed by the job's event stream, or by polling the snapshot
 * when streaming is off or the stream fails. Both paths end in the same
 * signals, so the page looks the same whichever one is running.
 */
import { batch, computed, signal } from "@preact/signals";
// job.ts has no runtime imports, so sharing its helper costs the bundle nothing.
import { isTerminal, type JobView } from "../jobs/job.ts";
import type { GenerateRequest, JobEventData, JobStatus } from "../schemas.ts";
import { type PageFlags, sendJson, startGeneration } from "./api.ts";
import type { LookSeed } from "./looks.ts";

/** The snapshot fields the page starts from (a trimmed `jobView`). */
export type RevealSnapshot =
  & Pick<
    JobView,
    | "job_id"
    | "status"
    | "progress"
    | "message"
    | "current_outfit"
    | "outfits"
    | "verdict"
    | "error"
    | "last_event_id"
    | "created_at"
    | "updated_at"
  >
  & { reasoning: string };

export type RevealProps = {
  snapshot: RevealSnapshot;
  /** The request that made the job, for "Try again". */
  request: GenerateRequest;
  flags: PageFlags;
  /** False when `STREAMING=off` or `?stream=off`: poll from the start. */
  streaming: boolean;
  /** The server's clock at render, so elapsed time ignores client skew. */
  server_now: number;
  /** How many outfits a job makes (`OUTFITS_PER_JOB`, which lives beside zod). */
  total: number;
  /** Per outfit of the snapshot: its look, when the shopper kept one. */
  looks: (LookSeed | null)[];
  /** The server's date, until the browser knows the shopper's own. */
  today: string;
  /** The id the candidate goes by in outfits (`CANDIDATE_ID`, beside zod). */
  candidate_id: string;
  /** Labels of the occasions asked for (`OCCASIONS`, which lives beside zod). */
  occasion_labels: Record<string, string>;
};

const POLL_MS = 2_000;
const MAX_POLLS = 90;
export const TOO_LONG =
  "Generation is taking longer than expected. Your outfits may still be on their way.";

export function createRevealModel(props: RevealProps) {
  const { snapshot } = props;
  const jobPath = `/api/jobs/${encodeURIComponent(snapshot.job_id)}`;
  const status = signal<JobStatus>(snapshot.status);
  const progress = signal(snapshot.progress);
  const message = signal(snapshot.message);
  const outfits = signal(snapshot.outfits);
  /** Consider buying: the rules' verdict, usually in the snapshot already. */
  const verdict = signal(snapshot.verdict);
  const reasoning = signal(snapshot.reasoning);
  const error = signal(snapshot.error ?? "");
  /** Set when the page has stopped waiting (too many polls). */
  const gaveUp = signal(false);
  const transport = signal<"idle" | "stream" | "poll">("idle");
  const busy = signal(false);
  const ready = signal(false);
  const running = computed(() => !isTerminal(status.value) && !gaveUp.value);

  const skew = Date.now() - props.server_now;
  const started = Date.parse(snapshot.created_at);
  const seconds = (until: number) =>
    Math.max(0, Math.floor((until - started) / 1000));
  const elapsed = signal(
    isTerminal(snapshot.status)
      ? seconds(Date.parse(snapshot.updated_at))
      : seconds(props.server_now),
  );
  let lastEventId = snapshot.last_event_id;

  type Data = JobEventData;
  function onProgress(d: Data["progress"]) {
    batch(() => {
      if (status.value === "queued") status.value = "running";
      progress.value = Math.max(progress.value, d.progress);
      message.value = d.message;
    });
  }
  function onOutfit(d: Data["outfit"]) {
    // The log numbers outfits 1..n; skip anything already shown.
    if (d.outfit_number === outfits.value.length + 1) {
      outfits.value = [...outfits.value, d.outfit];
    }
  }
  function onComplete(d: Data["complete"]) {
    batch(() => {
      outfits.value = d.result.outfits;
      if (d.result.reasoning !== undefined) {
        reasoning.value = d.result.reasoning;
      }
      progress.value = 100;
      status.value = "complete";
    });
  }
  function onError(d: Data["error"]) {
    batch(() => {
      outfits.value = d.partial.outfits;
      error.value = d.error;
      status.value = d.cancelled ? "cancelled" : "failed";
    });
  }

  /** Folds a polled snapshot (`GET /api/jobs/:id`) into the signals. */
  function applyView(view: JobView) {
    batch(() => {
      progress.value = Math.max(progress.value, view.progress);
      message.value = view.message;
      outfits.value = view.result?.outfits ?? view.outfits;
      verdict.value = view.verdict ?? verdict.value;
      if (view.reasoning !== undefined) reasoning.value = view.reasoning;
      error.value = view.error ?? "";
      status.value = view.status;
      if (isTerminal(view.status)) {
        elapsed.value = seconds(Date.parse(view.updated_at));
      }
      lastEventId = Math.max(lastEventId, view.last_event_id);
    });
  }

  let source: EventSource | null = null;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let polls = 0;
  let polling = false;
  /** Connection errors in a row, reset whenever the stream opens. */
  let errors = 0;
  const streams = props.streaming && typeof EventSource === "function";

  function stopWatching() {
    source?.close();
    source = null;
    polling = false;
    clearTimeout(pollTimer);
  }

  async function poll() {
    polls++;
    const res = await sendJson<JobView>("GET", jobPath);
    // The stream came back while this poll was on its way.
    if (!polling) return;
    if (res.status === 200) applyView(res.body);
    if (!running.value) return stopWatching();
    if (polls >= MAX_POLLS) {
      gaveUp.value = true;
      return stopWatching();
    }
    // Now and then, see whether the stream works again: once it opens, it
    // takes over from polling.
    if (streams && !source && polls % 3 === 0) openStream();
    pollTimer = setTimeout(poll, POLL_MS);
  }

  function startPolling() {
    if (polling) return;
    stopWatching();
    polling = true;
    transport.value = "poll";
    poll();
  }

  function openStream() {
    source?.close();
    // The query carries the position: the snapshot's at first, then the last
    // event's. When EventSource reconnects by itself, its own Last-Event-ID
    // header (which the server prefers) carries it on.
    const es = new EventSource(`${jobPath}/stream?lastEventId=${lastEventId}`);
    source = es;
    es.onopen = () => {
      errors = polls = 0;
      clearTimeout(pollTimer);
      polling = false;
      transport.value = "stream";
    };
    const on = <T extends keyof Data>(type: T, fn: (d: Data[T]) => void) =>
      es.addEventListener(type, (e) => {
        const event = e as MessageEvent<string>;
        lastEventId = Number(event.lastEventId) || lastEventId;
        fn(JSON.parse(event.data));
        // A finished stream must be closed, or EventSource reconnects forever.
        if (!running.value) stopWatching();
      });
    on("progress", onProgress);
    on("verdict", (d) => verdict.value = d.verdict);
    on("outfit", onOutfit);
    on("reasoning", (d) => reasoning.value += d.delta);
    on("complete", onComplete);
    // Our `error` event (the job failed) and EventSource's own (the
    // connection failed) share a name; only ours carries data.
    es.addEventListener("error", (e) => {
      const data = (e as MessageEvent).data;
      if (data) {
        onError(JSON.parse(data));
        stopWatching();
      } else if (
        source === es && (++errors > 1 || es.readyState === es.CLOSED)
      ) {
        // EventSource has had its own go at reconnecting: poll meanwhile
        // (and try a new stream now and then, see `poll`).
        es.close();
        source = null;
        startPolling();
      }
    });
  }

  /**
   * Catches up after the page was hidden or frozen (a phone's browser kills
   * background streams): the snapshot at once, then the stream from there.
   */
  async function resume() {
    if (!running.value) return;
    stopWatching();
    if (!streams) return startPolling();
    const res = await sendJson<JobView>("GET", jobPath);
    if (res.status === 200) applyView(res.body);
    if (running.value && !source) openStream();
  }

  /** Starts watching the job and the clock; returns the cleanup. */
  function start(): () => void {
    if (running.value) {
      if (streams) {
        transport.value = "stream";
        openStream();
      } else startPolling();
    }
    const tick = setInterval(() => {
      if (running.value) elapsed.value = seconds(Date.now() - skew);
    }, 1000);
    // Hidden: let the stream go (the browser may kill it anyway); shown
    // again, or back from the back/forward cache: pick up where it was.
    const wake = (e: Event) => {
      if (e.type === "pagehide" || document.visibilityState === "hidden") {
        stopWatching();
      } else if (
        e.type !== "pageshow" || (e as PageTransitionEvent).persisted
      ) {
        resume();
      }
    };
    document.addEventListener("visibilitychange", wake);
    addEventListener("pagehide", wake);
    addEventListener("pageshow", wake);
    ready.value = true;
    return () => {
      clearInterval(tick);
      stopWatching();
      document.removeEventListener("visibilitychange", wake);
      removeEventListener("pagehide", wake);
      removeEventListener("pageshow", wake);
    };
  }

  async function cancel() {
    busy.value = true;
    const res = await sendJson<JobView>("POST", `${jobPath}/cancel`);
    busy.value = false;
    if (res.status === 200 || res.status === 409) {
      stopWatching();
      applyView(res.body);
    }
  }

  /** Starts the same request again as a new job. */
  async function retry() {
    busy.value = true;
    const failed = await startGeneration(props.request, props.flags);
    busy.value = false;
    error.value = failed.error;
  }

  return {
    status,
    progress,
    message,
    outfits,
    verdict,
    reasoning,
    error,
    gaveUp,
    transport,
    busy,
    ready,
    running,
    elapsed,
    start,
    cancel,
    retry,
  };
}

export type RevealModel = ReturnType<typeof createRevealModel>;

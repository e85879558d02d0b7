/**
 * The reveal island's state and its connection to the job: signals made per
 * island instance, fed by the job's event stream, or by polling the snapshot
 * when streaming is off or the stream fails. Both paths end in the same
 * signals, so the page looks the same whichever one is running.
 */
import { batch, computed, signal } from "@preact/signals";
// job.ts has no runtime imports, so sharing its helper costs the bundle nothing.
import {
  applyEvent,
  isTerminal,
  type JobState,
  type JobView,
} from "../jobs/job.ts";
import type { GenerateRequest, JobEvent, Outfit } from "../schemas.ts";
import { type PageFlags, sendJson, startGeneration } from "./api.ts";
import { localDay } from "./days.ts";
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
    | "context"
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
  /** How many outfits the job makes (its flow's count). */
  total: number;
  /**
   * The flow's words (what a card is called, the button to ask again) and
   * the request's field naming its day, moved to today when it has passed.
   */
  copy: { unit: string; again: string; day_field: string };
  /** What the cards mark: the piece not owned yet, the pieces asked for. */
  highlights: { new_id?: string; anchor_ids?: string[] };
  /** Per outfit of the snapshot: its look, when the shopper kept one. */
  looks: (LookSeed | null)[];
  /** The server's date, until the browser knows the shopper's own. */
  today: string;
  /** Labels of the occasions asked for (`OCCASIONS`, which lives beside zod). */
  occasion_labels: Record<string, string>;
};

const POLL_MS = 2_000;
const MAX_POLLS = 90;
/**
 * The page's job from a snapshot: the server's fold of the same log (the
 * view's other fields ride along unread).
 */
function fromView(view: RevealSnapshot | JobView): PageJob {
  return { ...view, seq: view.last_event_id, reasoning: view.reasoning ?? "" };
}

/**
 * Dispatched on `window` by the reveal island whenever the job changes, for
 * the page's other islands.
 */
export const JOB_EVENT = "stylist:job";
export type JobNews = {
  outfits: Outfit[];
  reasoning: string;
  running: boolean;
};

export const TOO_LONG =
  "Generation is taking longer than expected. Your outfits may still be on their way.";

/** The job as the page knows it: the snapshot, then every event folded in. */
type PageJob = JobState & { updated_at: string };

export function createRevealModel(props: RevealProps) {
  const { snapshot } = props;
  const jobPath = `/api/jobs/${encodeURIComponent(snapshot.job_id)}`;
  const job = signal<PageJob>(fromView(snapshot));
  const status = computed(() => job.value.status);
  const progress = computed(() => job.value.progress);
  const message = computed(() => job.value.message);
  const outfits = computed(() =>
    job.value.result?.outfits ?? job.value.outfits
  );
  /** The day, place and notes, settled before the first outfit. */
  const context = computed(() => job.value.context);
  const reasoning = computed(() => job.value.reasoning);
  /** "Try again" could not start a new job. */
  const retryError = signal("");
  const error = computed(() => retryError.value || (job.value.error ?? ""));
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

  /**
   * Folds one event of the log in with the server's own reducer. An event
   * the page already has (a reconnect's overlap) changes nothing.
   */
  function onEvent(event: JobEvent) {
    const now = job.value;
    if (event.seq <= now.seq) return;
    const next = applyEvent(now, event);
    // The stream does not carry the claim; progress after the events the
    // snapshot held means a worker has the job.
    if (next.status === "queued" && event.type === "progress") {
      next.status = "running";
    }
    batch(() => {
      job.value = next;
      // The end arrives within milliseconds of its commit: stop the clock
      // now, not at the next tick, so the summary matches a reload's.
      if (isTerminal(next.status)) elapsed.value = seconds(Date.now() - skew);
    });
  }

  /** Takes a polled snapshot (`GET /api/jobs/:id`) unless it is older. */
  function applyView(view: JobView) {
    if (view.last_event_id < job.value.seq) return;
    batch(() => {
      job.value = fromView(view);
      if (isTerminal(view.status)) {
        elapsed.value = seconds(Date.parse(view.updated_at));
      }
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
    const es = new EventSource(
      `${jobPath}/stream?lastEventId=${job.value.seq}`,
    );
    source = es;
    es.onopen = () => {
      errors = polls = 0;
      clearTimeout(pollTimer);
      polling = false;
      transport.value = "stream";
    };
    const fold = (e: Event) => {
      const { type, lastEventId, data } = e as MessageEvent<string>;
      onEvent(
        { type, seq: Number(lastEventId), data: JSON.parse(data) } as JobEvent,
      );
      // A finished stream must be closed, or EventSource reconnects forever.
      if (!running.value) stopWatching();
    };
    for (const type of ["progress", "context", "outfit", "reasoning"]) {
      es.addEventListener(type, fold);
    }
    es.addEventListener("complete", fold);
    // Our `error` event (the job failed) and EventSource's own (the
    // connection failed) share a name; only ours carries data.
    es.addEventListener("error", (e) => {
      if ((e as MessageEvent).data) {
        fold(e);
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
    const failed = await startGeneration(
      notInThePast(props.request, props.copy.day_field, localDay()),
      props.flags,
    );
    busy.value = false;
    retryError.value = failed.error;
  }

  return {
    status,
    progress,
    message,
    outfits,
    context,
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

/** The request with its day, now past, moved to today: a past day can no longer be asked for. */
function notInThePast(
  request: GenerateRequest,
  field: string,
  today: string,
): GenerateRequest {
  const day = (request as Record<string, unknown>)[field];
  return typeof day === "string" && day < today
    ? { ...request, [field]: today }
    : request;
}

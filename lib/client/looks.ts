/**
 * A look as a card acts on it: save, wear today, thumbs up or down, share
 * by link. The card
 * changes at once (optimistic); the change then goes to the API, one at a
 * time per card so they land in order, and a failure puts the card back as
 * the server has it and says so in a sentence. Bundled into the browser: no
 * zod, no server imports (types only).
 */
import { signal } from "@preact/signals";
import type { Look, LookRating } from "../looks/look.ts";
import { shareUrl } from "../shares/url.ts";
import { sendJson } from "./api.ts";

/** What a card shows of a look. */
export type LookState = {
  saved: boolean;
  rating: LookRating | null;
  /** Days worn, `YYYY-MM-DD`, oldest first (a reveal card gets the latest few). */
  worn: string[];
  /** Its link (`/s/…`) while shared; "" while the link is being made. */
  shared: string | null;
};

/** A card's starting point: the look's id when it exists already. */
export type LookSeed = LookState & { id: string | null };

/** The outfit of a job a look is made from, for its first change. */
export type LookSource = { job_id: string; outfit_number: number };

/** One thing a shopper does on a card. */
export type LookChange =
  | { saved: boolean }
  | { rating: LookRating | null }
  | { wear: { day: string; worn: boolean } }
  | { share: boolean };

/** Keeps what a card needs; `tail` cuts the days worn to the latest few. */
export function lookSeed(look: Look, tail?: number): LookSeed {
  return {
    id: look.id,
    saved: look.saved_at !== null,
    rating: look.rating,
    worn: tail === undefined ? look.worn : look.worn.slice(-tail),
    shared: look.share ? shareUrl(look.share.token) : null,
  };
}

export function applyLookChange(
  state: LookState,
  change: LookChange,
): LookState {
  if ("saved" in change) return { ...state, saved: change.saved };
  if ("rating" in change) return { ...state, rating: change.rating };
  if ("share" in change) {
    return { ...state, shared: change.share ? state.shared ?? "" : null };
  }
  const { day, worn } = change.wear;
  const days = state.worn.filter((d) => d !== day);
  return { ...state, worn: worn ? [...days, day].sort() : days };
}

/** The change that takes `change` back, given the state before it. */
function inverse(before: LookState, change: LookChange): LookChange {
  if ("saved" in change) return { saved: before.saved };
  if ("rating" in change) return { rating: before.rating };
  if ("share" in change) return { share: before.shared !== null };
  const { day } = change.wear;
  return { wear: { day, worn: before.worn.includes(day) } };
}

/** Saved, worn or shared: what /looks lists. */
export function isKept(state: LookState): boolean {
  return state.saved || state.worn.length > 0 || state.shared !== null;
}

function failure(change: LookChange): string {
  if ("saved" in change) {
    return change.saved
      ? "We couldn't save this look."
      : "We couldn't remove this look from your saved looks.";
  }
  if ("rating" in change) return "We couldn't keep your rating.";
  if ("share" in change) {
    return change.share
      ? "We couldn't share this look."
      : "We couldn't stop sharing this look.";
  }
  return change.wear.worn
    ? "We couldn't mark this look as worn."
    : "We couldn't undo today's wear.";
}

/**
 * Sends one change: by the look's id once it exists, else through the
 * job's outfit (which makes the look). Answers the look, or what to say.
 */
async function send(
  id: string | null,
  source: LookSource | undefined,
  change: LookChange,
): Promise<{ look: Look } | { problem: string }> {
  let res;
  if ("share" in change) {
    if (id === null && source) {
      // A link is to a look: make it first (nothing set on it yet); if
      // that fails, its answer is the one to explain.
      res = await sendJson<{ look: Look }>("POST", "/api/looks", source);
      id = res.body.look?.id ?? null;
    }
    if (id !== null) {
      res = await sendJson<{ look: Look }>(
        change.share ? "POST" : "DELETE",
        `/api/looks/${id}/share`,
      );
    }
  } else if (id === null && source) {
    const body = "wear" in change
      ? { ...source, worn_on: change.wear.day }
      : { ...source, ...change };
    res = await sendJson<{ look: Look }>("POST", "/api/looks", body);
  } else if (id !== null && "wear" in change) {
    const path = `/api/looks/${id}/wears/${change.wear.day}`;
    res = await sendJson<{ look: Look }>(
      change.wear.worn ? "PUT" : "DELETE",
      path,
    );
  } else if (id !== null) {
    res = await sendJson<{ look: Look }>("PATCH", `/api/looks/${id}`, change);
  }
  if (res && (res.status === 200 || res.status === 201) && res.body.look) {
    return { look: res.body.look };
  }
  const status = res?.status;
  const next = status === 0
    ? "Check your connection and try again."
    : status === 404
    ? "This outfit is no longer available. Reload the page to see your looks."
    : status === 409 && res?.body.error
    // The one refusal worth passing on: a full list of looks.
    ? res.body.error
    : "Please try again.";
  return { problem: `${failure(change)} ${next}` };
}

/**
 * The state of one card and what the shopper can do to it. Signals are
 * made per call, so make one per card instance (in `useState`).
 */
export function createLookModel(seed: LookSeed, source?: LookSource) {
  let id = seed.id;
  let confirmed: LookState = {
    saved: seed.saved,
    rating: seed.rating,
    worn: seed.worn,
    shared: seed.shared,
  };
  const pending: LookChange[] = [];
  const state = signal(confirmed);
  const problem = signal("");
  /** What takes the last change back ("Undo"). */
  const undoable = signal<LookChange | null>(null);
  let queue = Promise.resolve();

  function change(next: LookChange): Promise<void> {
    problem.value = "";
    undoable.value = inverse(state.value, next);
    pending.push(next);
    state.value = applyLookChange(state.value, next);
    queue = queue.then(async () => {
      const answer = await send(id, source, next);
      pending.shift();
      if ("look" in answer) {
        id = answer.look.id;
        confirmed = lookSeed(answer.look);
      } else {
        problem.value = answer.problem;
        undoable.value = null;
      }
      state.value = pending.reduce(applyLookChange, confirmed);
    });
    return queue;
  }

  return {
    state,
    problem,
    undoable,
    change,
    toggleSaved: () => change({ saved: !state.value.saved }),
    toggleWorn: (day: string) =>
      change({ wear: { day, worn: !state.value.worn.includes(day) } }),
    /** Thumbs up or down; pressing the rating already given clears it. */
    rate: (rating: LookRating) =>
      change({ rating: state.value.rating === rating ? null : rating }),
    undo: () => undoable.value && change(undoable.value),
  };
}

export type LookModel = ReturnType<typeof createLookModel>;

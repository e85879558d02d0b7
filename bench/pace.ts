/**
 * The scripted model's pace, shared by every benchmark that streams one:
 * 4 characters per delta (about one token), one delta every 12 ms (~80
 * tokens/s), the first delta 150 ms after the request. A three-outfit answer
 * is ~2,000 characters, ~500 deltas, so a sequential job takes ~7 s: a real
 * model's 20–30 s compressed about fourfold, its first-token wait too.
 */
export const PACE = { charsPerDelta: 4, paceMs: 12, firstDeltaMs: 150 };

export const PACE_TEXT =
  `${PACE.charsPerDelta} chars every ${PACE.paceMs} ms, first after ${PACE.firstDeltaMs} ms`;

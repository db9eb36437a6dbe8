/**
 * "Where the bytes go" replayed: both routes of one request on one clock, played in a fixed number of
 * ticks whatever the request's length (a 200 MiB log on a slow link takes minutes), held a moment at
 * the end, then started over. The picture at any moment comes from the timeline model's phases.
 */
import { timeline, type Timeline, type TimelineInput } from './timeline.ts';

/** Ticks from the click to the last byte of the slower route, and ticks the finished picture is held. */
export const REPLAY_TICKS = 40;
export const HOLD_TICKS = 10;

export interface Replay {
  db: Timeline;
  url: Timeline;
  /** The slower route's last byte: the replay's end. */
  endMs: number;
  /** The moment drawn, on the request's own clock (ms since the click); past endMs while held. */
  atMs: number;
}

/**
 * A moment when the log is on its way in both routes (the overlap of their last phases), so the
 * figure shows bytes in flight before it moves; the database route's last phase if they do not overlap.
 */
export function inFlightMoment(db: Timeline, url: Timeline): number {
  const a = db.phases.at(-1)!;
  const b = url.phases.at(-1)!;
  const start = Math.max(a.startMs, b.startMs);
  const end = Math.min(a.endMs, b.endMs);
  return start < end ? (start + end) / 2 : (a.startMs + a.endMs) / 2;
}

export function newReplay(input: Partial<TimelineInput>): Replay {
  const db = timeline('database', input);
  const url = timeline('presigned', input);
  return { db, url, endMs: Math.max(db.totalMs, url.totalMs), atMs: inFlightMoment(db, url) };
}

/** One tick later: a fixed share of the request's length, or back to the click once the hold is over. */
export function advanceReplay(r: Replay): Replay {
  const step = r.endMs / REPLAY_TICKS;
  // Half a step of slack, so floating-point sums cannot add or drop a held tick.
  const next = r.atMs + step > r.endMs + HOLD_TICKS * step + step / 2 ? 0 : r.atMs + step;
  return { ...r, atMs: next };
}

/** The moment to draw: the clock held at the end while the replay pauses there. */
export const shownMs = (r: Replay, atMs = r.atMs): number => Math.min(atMs, r.endMs);

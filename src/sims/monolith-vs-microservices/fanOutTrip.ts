/**
 * One request's fan-out, drawn as it happens: the request calls `n` backends at once, each call
 * goes out and comes back after its own latency, and the response can leave only when the slowest
 * call is back. A trip is drawn from a seed; playback moves its clock on and starts the next
 * request when one has answered. At most LANES calls are drawn, always including the slowest one.
 */
import { mulberry32 } from '../kit/model.ts';
import { sampleLatency, type Latency } from './latency.ts';

export const LANES = 8;
/** Simulated milliseconds per tick of playback. */
export const TICK_SIM_MS = 6;
/** How long an answered request stays on the drawing before the next one starts. */
const PAUSE_MS = 30;

export interface Call {
  /** Which of the n backends (0-based). */
  backend: number;
  ms: number;
  /** Slower than the backend's own p99. */
  slow: boolean;
}

export interface Trip {
  /** The seed this request was drawn from; the next request uses the next one. */
  seed: number;
  n: number;
  /** The drawn calls, in backend order. */
  calls: Call[];
  /** When the slowest call is back: the response time. */
  responseMs: number;
  slowest: number;
  /** Calls beyond their p99 among all n. */
  slowCalls: number;
  /** The trip's clock, in simulated ms since the request went out. */
  t: number;
}

export function tripOf(n: number, work: Latency, p99: number, seed: number): Trip {
  const random = mulberry32(seed);
  const all = Array.from({ length: n }, (_, backend) => ({ backend, ms: sampleLatency(work, random) }));
  let slowest = 0;
  for (const c of all) if (c.ms > all[slowest]!.ms) slowest = c.backend;
  const drawn = all.slice(0, LANES);
  if (slowest >= LANES) drawn[LANES - 1] = all[slowest]!;
  return {
    seed,
    n,
    calls: drawn.map((c) => ({ ...c, slow: c.ms > p99 })),
    responseMs: all[slowest]!.ms,
    slowest,
    slowCalls: all.filter((c) => c.ms > p99).length,
    t: 0,
  };
}

/** One tick: the clock moves on; once the response has been out a moment, the next request goes. */
export function tripTicked(trip: Trip, work: Latency, p99: number): Trip {
  if (trip.t >= trip.responseMs + PAUSE_MS) return tripOf(trip.n, work, p99, trip.seed + 1);
  return { ...trip, t: trip.t + TICK_SIM_MS };
}

/** How far along its round trip a call is: 0 at the caller, 1 at the backend, 0 again when it is back. */
export function callReach(call: Call, t: number): number {
  const phase = Math.min(1, Math.max(0, t / call.ms));
  return phase < 0.5 ? 2 * phase : 2 - 2 * phase;
}

/** How far the response has gone back to the client (0..1) once the slowest call is in. */
export function responseReach(trip: Trip): number {
  return Math.min(1, Math.max(0, (trip.t - trip.responseMs) / PAUSE_MS));
}

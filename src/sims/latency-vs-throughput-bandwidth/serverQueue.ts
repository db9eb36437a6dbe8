/**
 * The server the hockey stick is about, drawn as it works: requests arrive at random (Poisson), wait
 * in one line and are served one at a time, first come first served, with random (exponential)
 * service times: the M/M/1 queue of the curve. A seeded trace is built once per utilisation and
 * sampled as time advances, so each tick costs one pass over a few hundred requests and the drawing
 * only interpolates between two snapshots.
 */
import { exponential, mulberry32 } from '../kit/model.ts';
import { mm1MeanTimeInSystem } from '../engines/queueing/theory.ts';
import { SERVICE_MS } from './hockey.ts';

/** Simulated milliseconds per tick of playback: half a mean service time, so a visit takes a few ticks. */
export const TICK_SIM_MS = 5;
/** Requests in one trace; playback starts over from the beginning when it runs out. */
export const TRACE_REQUESTS = 400;
/** Ticks a served request takes to walk off the drawing. */
const LEAVING_MS = 2 * TICK_SIM_MS;

export interface Visit {
  id: number;
  arrive: number;
  start: number;
  done: number;
}

/** A first-come-first-served single server fed Poisson arrivals at utilisation `rho`. */
export function traceOf(rho: number, seed: number, requests = TRACE_REQUESTS): Visit[] {
  const random = mulberry32(seed);
  const visits: Visit[] = [];
  let clock = 0;
  let free = 0;
  for (let id = 0; id < requests; id++) {
    clock += exponential(random, rho / SERVICE_MS);
    const start = Math.max(clock, free);
    free = start + exponential(random, 1 / SERVICE_MS);
    visits.push({ id, arrive: clock, start, done: free });
  }
  return visits;
}

export interface QueueSnapshot {
  /** Simulated time of the snapshot, in ms. */
  t: number;
  /** Ids of the requests waiting, first in line first. */
  waiting: number[];
  serving: number | null;
  /** Requests served in the last moments, with how far (0..1) they have walked off. */
  leaving: { id: number; gone: number }[];
}

/** Who is where at time `t`. */
export function snapshotAt(trace: readonly Visit[], t: number): QueueSnapshot {
  const waiting: number[] = [];
  const leaving: { id: number; gone: number }[] = [];
  let serving: number | null = null;
  for (const v of trace) {
    if (v.arrive > t) break;
    if (t < v.start) waiting.push(v.id);
    else if (t < v.done) serving = v.id;
    else if (t < v.done + LEAVING_MS) leaving.push({ id: v.id, gone: (t - v.done) / LEAVING_MS });
  }
  return { t, waiting, serving, leaving };
}

export interface ServerQueue {
  rho: number;
  trace: Visit[];
  now: QueueSnapshot;
}

/** Opens a little way in, so the static figure already shows a line at the busier utilisations. */
const OPENING_MS = 300;

export function serverQueue(rho: number, seed: number): ServerQueue {
  const trace = traceOf(rho, seed);
  return { rho, trace, now: snapshotAt(trace, OPENING_MS) };
}

/** One tick: time moves on; at the trace's end the line starts over from the opening moment. */
export function advanceQueue(q: ServerQueue): ServerQueue {
  const last = q.trace[q.trace.length - 1]!;
  const t = q.now.t + TICK_SIM_MS > last.arrive ? OPENING_MS : q.now.t + TICK_SIM_MS;
  return { ...q, now: snapshotAt(q.trace, t) };
}

/** Average time a request spends at the server (waiting and served), in service times: 1 / (1 − ρ). */
export function meanTimeInServiceTimes(rho: number): number {
  return mm1MeanTimeInSystem(rho / SERVICE_MS, 1 / SERVICE_MS) / SERVICE_MS;
}

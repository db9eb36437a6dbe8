/**
 * The water pipe: bandwidth is how wide the pipe is, latency is how long it is. A payload is a slug of
 * water pushed in at the tap at the pipe's full rate; its first drop reaches the bucket after the
 * latency, its last drop after latency + size / bandwidth.
 *
 * Units: bandwidth in Mbit/s, latency (one way) in ms, payload in kB (1 kB = 1,000 bytes, as network
 * rates are decimal). Mbit/s × ms = kbit, so size / bandwidth in ms is kB × 8 / (Mbit/s).
 */
import { clampNumber, pickOne } from '../kit/model.ts';

/** Pipe widths offered to the reader, in Mbit/s: a slow mobile link up to a fast fibre line. */
export const BANDWIDTHS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] as const;
export type Bandwidth = (typeof BANDWIDTHS)[number];

export const PAYLOADS = [
  { kb: 2, label: 'API response (2 kB)' },
  { kb: 500, label: 'Photo (500 kB)' },
  { kb: 25_000, label: 'App download (25 MB)' },
] as const;

export interface Pipe {
  bandwidthMbps: number;
  latencyMs: number;
  payloadKb: number;
}

export const LATENCY_RANGE = { min: 1, max: 300 } as const;

/** A pipe a model can work with, whatever it was given: unknown widths fall back, lengths are clamped. */
export function pipeOf(raw: { bandwidthMbps: unknown; latencyMs: unknown; payloadKb: unknown }): Pipe {
  return {
    bandwidthMbps: pickOne(Number(raw.bandwidthMbps), BANDWIDTHS, 100),
    latencyMs: clampNumber(raw.latencyMs, { ...LATENCY_RANGE, fallback: 40 }),
    payloadKb: pickOne(
      Number(raw.payloadKb),
      PAYLOADS.map((p) => p.kb),
      2,
    ),
  };
}

/** Time to push the whole payload into the pipe (the slug's length in time). */
export function transferMs(pipe: Pipe): number {
  return (pipe.payloadKb * 8) / pipe.bandwidthMbps;
}

/** When the last drop lands in the bucket. */
export function arrivalMs(pipe: Pipe): number {
  return pipe.latencyMs + transferMs(pipe);
}

/** What the reader actually gets for this payload: size over the time it took, in Mbit/s. */
export function effectiveThroughputMbps(pipe: Pipe): number {
  return (pipe.payloadKb * 8) / arrivalMs(pipe);
}

/**
 * Water the pipe holds when it runs full: the bandwidth-delay product, in kB. It is Little's law for a
 * pipe: what is inside = rate in × time inside.
 */
export function pipeHoldsKb(pipe: Pipe): number {
  return (pipe.bandwidthMbps * pipe.latencyMs) / 8;
}

export interface PipeSnapshot {
  /** How far along the pipe (0 tap .. 1 bucket) the first and the last drop are. */
  front: number;
  tail: number;
  /** kB that have left the tap and kB that have reached the bucket. */
  sentKb: number;
  deliveredKb: number;
}

/** The slug of water `t` ms after the tap opened. */
export function snapshotAt(pipe: Pipe, t: number): PipeSnapshot {
  const time = clampNumber(t, { min: 0, max: Number.MAX_VALUE, fallback: 0 });
  const transfer = transferMs(pipe);
  const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
  return {
    front: clamp01(time / pipe.latencyMs),
    tail: clamp01((time - transfer) / pipe.latencyMs),
    sentKb: pipe.payloadKb * clamp01(time / transfer),
    deliveredKb: pipe.payloadKb * clamp01((time - pipe.latencyMs) / transfer),
  };
}

/**
 * The payload drawn as this many parcels, each an equal share of it, pushed in one after another at
 * the pipe's rate: parcel i enters during [i, i + 1) × transfer / PARCELS and needs the latency to cross.
 */
export const PARCELS = 12;

/** Where a parcel is: `along` 0 at the tap, 1 at the bucket (its middle). */
export interface Parcel {
  id: number;
  along: number;
}

/** The parcels inside the pipe `t` ms after the tap opened; those not yet sent or already in the bucket are left out. */
export function parcelsInPipe(pipe: Pipe, t: number): Parcel[] {
  const slot = transferMs(pipe) / PARCELS;
  const inside: Parcel[] = [];
  for (let id = 0; id < PARCELS; id++) {
    const along = (t - (id + 0.5) * slot) / pipe.latencyMs;
    if (along >= 0 && along <= 1) inside.push({ id, along });
  }
  return inside;
}

/** Playback: one tick every TICK_MS of the reader's time. */
export const PLAYBACK = {
  tickMs: 50,
  /** Shown twenty times slower than life, so a 300 ms pipe takes six seconds to the first drop... */
  slowMotion: 20,
  /** ...unless the whole trip would then take longer than this many ticks (eight seconds): then faster. */
  maxTicks: 160,
} as const;

/** Simulated ms one tick moves the clock by: the same for every short trip, so a longer pipe is visibly slower. */
export function tickSimMs(pipe: Pipe): number {
  return Math.max(PLAYBACK.tickMs / PLAYBACK.slowMotion, arrivalMs(pipe) / PLAYBACK.maxTicks);
}

/** A trip through the pipe as the figure plays it: the pipe and the time since the tap opened, in ms. */
export interface PipeRun {
  pipe: Pipe;
  t: number;
}

export const runOf = (pipe: Pipe, t = 0): PipeRun => ({ pipe, t: Math.min(arrivalMs(pipe), Math.max(0, t)) });
/** One tick of playback. */
export const runTicked = (run: PipeRun): PipeRun => runOf(run.pipe, run.t + tickSimMs(run.pipe));
/** One Step: a tenth of the whole trip. */
export const runStepped = (run: PipeRun): PipeRun => runOf(run.pipe, run.t + arrivalMs(run.pipe) / 10);
export const runFinished = (run: PipeRun): boolean => run.t >= arrivalMs(run.pipe);

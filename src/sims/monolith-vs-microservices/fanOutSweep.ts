/**
 * The fan-out figure's simulated dots: at each of a few fan-outs N, the share of requests that met at
 * least one call slower than its p99. Counting them takes hundreds of thousands of draws, so a count
 * advances a bounded number of draws at a time (the page runs it in slices) and gives the same share,
 * draw for draw, as `fanOutSlowShare` run in one go. The opening seed's counts are made at build time.
 */
import { clampNumber, mulberry32, type Random } from '../kit/model.ts';
import { p99Of, sampleLatency } from './latency.ts';

/** Each backend's latency: a 20 ms median with a long tail. */
export const WORK = { kind: 'lognormal', median: 20, sigma: 0.6 } as const;
export const P99 = p99Of(WORK);
/** Requests per dot: within a few points of the curve, few enough to count again for a new seed. */
export const REQUESTS = 1000;
/** Requests at the reader's chosen N: twice as many, for a tighter readout. */
export const CHOSEN_REQUESTS = 2 * REQUESTS;
/** The fan-outs a reader can choose: the view's slider takes this range, and the count clamps to it. */
export const N_RANGE = { min: 1, max: 200 } as const;
export const SAMPLED_N = [1, 2, 5, 10, 20, 50, 100, 150, 200] as const;

/** Requests drawn so far at one fan-out, and how many met a slow call. Advanced in place. */
export interface SlowCount {
  n: number;
  requests: number;
  seed: number;
  drawn: number;
  slow: number;
  random?: Random;
}

export function slowCount(n: number, requests: number, seed: number): SlowCount {
  return { n, requests, seed, drawn: 0, slow: 0 };
}

/** A count already made (at build time): its share, as `requests` requests gave it. */
export function madeCount(n: number, requests: number, seed: number, share: number): SlowCount {
  return { n, requests, seed, drawn: requests, slow: Math.round(share * requests) };
}

/**
 * Draws whole requests until about `maxDraws` latencies are drawn (at least one request) or the count
 * is done; returns whether it is. Every branch is drawn even after a hit, as fanOutSlowShare does, so
 * the draws line up with it.
 */
export function advanceCount(c: SlowCount, maxDraws: number): boolean {
  c.random ??= mulberry32(c.seed);
  const batch = Math.max(1, Math.floor(maxDraws / c.n));
  const until = Math.min(c.requests, c.drawn + batch);
  for (; c.drawn < until; c.drawn++) {
    let hit = false;
    for (let i = 0; i < c.n; i++) if (sampleLatency(WORK, c.random) > P99) hit = true;
    if (hit) c.slow++;
  }
  return c.drawn >= c.requests;
}

/** The share once counted; undefined while counting. */
export function shareOf(c: SlowCount): number | undefined {
  return c.drawn >= c.requests ? c.slow / c.requests : undefined;
}

/** The dots for a seed, to be counted. */
export function sweepOf(seed: number): SlowCount[] {
  return SAMPLED_N.map((n, i) => slowCount(n, REQUESTS, seed * 1000 + i));
}

/** The count at the reader's N for a seed. */
export function chosenOf(n: number, seed: number): SlowCount {
  return slowCount(clampNumber(n, { ...N_RANGE, fallback: 10, integer: true }), CHOSEN_REQUESTS, seed * 1000 + 999);
}

/**
 * The first drawn request's seed for a reader's seed (each next request takes the next seed). The
 * counts take seeds up to 9,999,999 (seed × 1000 + 999); the drawn requests start above 2^30, so no
 * request the drawing plays replays a count's draws.
 */
export function tripSeedOf(seed: number): number {
  return 2 ** 30 + seed * 1000;
}

/** The counts made in one go, for the static figure: only at build time, never on the page. */
export interface MadeCounts {
  seed: number;
  n: number;
  shares: number[];
  chosen: number;
}

export function countedNow(n: number, seed: number): MadeCounts {
  const done = (c: SlowCount) => {
    while (!advanceCount(c, Infinity));
    return shareOf(c)!;
  };
  return { seed, n, shares: sweepOf(seed).map(done), chosen: done(chosenOf(n, seed)) };
}

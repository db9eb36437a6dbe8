import { describe, expect, it } from 'vitest';
import { atLeastOneSlow, fanOutSlowShare } from './callGraph.ts';
import {
  CHOSEN_REQUESTS,
  P99,
  REQUESTS,
  SAMPLED_N,
  WORK,
  advanceCount,
  chosenOf,
  countedNow,
  madeCount,
  shareOf,
  slowCount,
  sweepOf,
  tripSeedOf,
} from './fanOutSweep.ts';

describe('counting the fan-out dots in slices', () => {
  it('gives the same share, draw for draw, as counting in one go', () => {
    for (const [n, perStep] of [
      [5, 7],
      [200, 4000],
      [37, 1000],
    ] as const) {
      const c = slowCount(n, 300, 42);
      let steps = 0;
      while (!advanceCount(c, perStep)) steps++;
      expect(steps).toBeGreaterThan(0);
      expect(shareOf(c)).toBe(fanOutSlowShare(n, WORK, P99, 300, 42));
    }
  });

  it('has no share until every request is drawn, draws at least one request a step and never more than asked for', () => {
    const c = slowCount(200, 10, 1);
    expect(shareOf(c)).toBeUndefined();
    advanceCount(c, 1); // fewer draws than one request needs: still one whole request
    expect(c.drawn).toBe(1);
    advanceCount(c, 1000); // five requests of 200 calls
    expect(c.drawn).toBe(6);
    expect(shareOf(c)).toBeUndefined();
    expect(advanceCount(c, 1e9)).toBe(true);
    expect(c.drawn).toBe(10);
    expect(advanceCount(c, 1e9)).toBe(true);
    expect(c.drawn).toBe(10);
  });

  it('keeps a share made at build time as it was', () => {
    const made = countedNow(10, 1);
    const again = madeCount(10, CHOSEN_REQUESTS, 1999, made.chosen);
    expect(shareOf(again)).toBe(made.chosen);
    expect(made.chosen).toBe(fanOutSlowShare(10, WORK, P99, CHOSEN_REQUESTS, 1999));
  });

  it('puts each dot near 1 − 0.99^N, and uses a fresh stream for each dot and for the chosen N', () => {
    const made = countedNow(100, 3);
    SAMPLED_N.forEach((n, i) => {
      const p = atLeastOneSlow(n);
      expect(Math.abs(made.shares[i]! - p), `N = ${n}`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / REQUESTS) + 1e-9);
    });
    expect(new Set(sweepOf(3).map((c) => c.seed)).size).toBe(SAMPLED_N.length);
    expect(sweepOf(3).map((c) => c.seed)).not.toContain(chosenOf(100, 3).seed);
  });

  it('counts the chosen N only within the slider’s 1 to 200, so a hostile N cannot ask for unbounded work', () => {
    expect(chosenOf(1e9, 1).n).toBe(200);
    expect(chosenOf(0, 1).n).toBe(1);
    expect(chosenOf(37, 1).n).toBe(37);
  });

  it('plays the drawing from streams no count uses, for any reader seed and the first million requests', () => {
    const countSeeds = (seed: number) => [...sweepOf(seed).map((c) => c.seed), chosenOf(10, seed).seed];
    // Every count seed, over every reader seed, lies below every trip seed a reader can reach.
    const highestCount = Math.max(...countSeeds(9999));
    expect(highestCount).toBe(9_999_999);
    expect(tripSeedOf(1)).toBeGreaterThan(highestCount);
    expect(countSeeds(1)).not.toContain(tripSeedOf(1));
    // Seeds stay 32-bit integers, which mulberry32 needs, a million requests on.
    expect(tripSeedOf(9999) + 1_000_000).toBeLessThan(2 ** 31);
  });
});

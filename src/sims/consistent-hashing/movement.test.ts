import { describe, expect, it } from 'vitest';
import { murmur3_32 } from '../engines/hash-ring/murmur3.ts';
import type { Hash } from '../engines/hash-ring/ring.ts';
import { attendants, sampleKeys } from './lockerRoom.ts';
import { modNServer } from './modN.ts';
import { compareResize, expectedModNMoved, expectedRingMoved } from './movement.ts';

/** Independent rings: the same servers and keys, hashed with another Murmur3 seed. */
const seeded =
  (seed: number): Hash =>
  (s) =>
    murmur3_32(s, seed);
const seeds = (count: number, from = 1) => Array.from({ length: count }, (_, i) => from + i);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('adding a server', () => {
  for (const n of [3, 5, 9]) {
    it(`moves about 1/(N+1) of the keys on the ring and about N/(N+1) under mod-N, N = ${n} (40 seeds)`, () => {
      const keys = sampleKeys(5000);
      const ring: number[] = [];
      const modN: number[] = [];
      for (const seed of seeds(40)) {
        const r = compareResize(keys, n, n + 1, 100, seeded(seed));
        ring.push(r.ringMoved / r.keys);
        modN.push(r.modNMoved / r.keys);
      }
      // The newcomer's share is Beta(V, NV): relative sd about 1/sqrt(V) = 0.1 per ring, so about
      // 0.017 over 40 rings with key sampling; 10% is about six standard deviations.
      expect(Math.abs(mean(ring) * (n + 1) - 1)).toBeLessThan(0.1);
      // A key stays under mod-N only when h mod N = h mod (N+1): probability 1/(N+1).
      expect(Math.abs(mean(modN) - n / (n + 1))).toBeLessThan(0.01);
    });
  }

  it('moves about 1/(N+1) of the keys on average even with one virtual node per server (400 seeds)', () => {
    const keys = sampleKeys(1000);
    const moved = seeds(400).map((seed) => compareResize(keys, 4, 5, 1, seeded(seed)).ringMoved / keys.length);
    // With one node the newcomer's share is Beta(1, 4): mean 1/5, sd 0.16 per ring, 0.008 over 400.
    expect(Math.abs(mean(moved) - 1 / 5)).toBeLessThan(0.035);
  });
});

describe('resizing by more than one server', () => {
  it('moves min/lcm-predicted keys under mod-N and |M-N|/max(M,N) on the ring (30 seeds)', () => {
    const keys = sampleKeys(3000);
    // Pairs chosen to exercise the formula: coprime, a multiple, a shared factor, shrinking.
    for (const [from, to, modN, ring] of [
      [4, 5, 4 / 5, 1 / 5],
      [4, 8, 1 / 2, 1 / 2],
      [6, 9, 1 - 6 / 18, 1 / 3],
      [10, 7, 1 - 7 / 70, 3 / 10],
    ] as const) {
      expect(expectedModNMoved(from, to)).toBeCloseTo(modN, 12);
      expect(expectedRingMoved(from, to)).toBeCloseTo(ring, 12);
      const runs = seeds(30).map((seed) => compareResize(keys, from, to, 100, seeded(seed)));
      expect(Math.abs(mean(runs.map((r) => r.modNMoved / r.keys)) - modN), `mod-N ${from}→${to}`).toBeLessThan(0.01);
      expect(Math.abs(mean(runs.map((r) => r.ringMoved / r.keys)) / ring - 1), `ring ${from}→${to}`).toBeLessThan(0.1);
    }
  });
});

describe('the cast and the coats', () => {
  it('rejects key and server counts out of range', () => {
    for (const c of [0, 100_001, 2.5, Number.NaN]) expect(() => sampleKeys(c)).toThrow(RangeError);
    for (const c of [0, 21, 1.5]) expect(() => attendants(c)).toThrow(RangeError);
    expect(() => modNServer('k', [])).toThrow(RangeError);
  });
});

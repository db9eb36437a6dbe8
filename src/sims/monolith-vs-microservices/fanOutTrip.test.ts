import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../kit/model.ts';
import { atLeastOneSlow } from './callGraph.ts';
import { cdfOf, p99Of, sampleLatency } from './latency.ts';
import { LANES, callReach, responseReach, tripOf, tripTicked } from './fanOutTrip.ts';

const WORK = { kind: 'lognormal', median: 20, sigma: 0.6 } as const;
const P99 = p99Of(WORK);

describe('one request fanning out', () => {
  it('waits for the slowest of all n calls, and draws that call even when it is not among the first', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const trip = tripOf(40, WORK, P99, seed);
      // The same draws, made again here in order.
      const random = mulberry32(seed);
      const all = Array.from({ length: 40 }, () => sampleLatency(WORK, random));
      expect(trip.responseMs).toBe(Math.max(...all));
      expect(trip.calls).toHaveLength(LANES);
      expect(trip.calls.some((c) => c.backend === trip.slowest && c.ms === trip.responseMs)).toBe(true);
      expect(trip.slowCalls).toBe(all.filter((ms) => ms > P99).length);
    }
  });

  it('answers after the largest of n independent calls: its CDF is F(x)^n (order statistics)', () => {
    const n = 10;
    const trips = 20_000;
    const response = Array.from({ length: trips }, (_, i) => tripOf(n, WORK, P99, 100_000 + i).responseMs).sort((a, b) => a - b);
    // Kolmogorov–Smirnov distance from the maximum's CDF; 1.95/√trips is the critical value at 0.001.
    const ks = (cdf: (x: number) => number) => response.reduce((d, x, i) => Math.max(d, Math.abs((i + 1) / trips - cdf(x)), Math.abs(cdf(x) - i / trips)), 0);
    expect(ks((x) => cdfOf(WORK, x) ** n)).toBeLessThan(1.95 / Math.sqrt(trips));
    // One call's latency alone is far off: the response is not a typical call.
    expect(ks((x) => cdfOf(WORK, x))).toBeGreaterThan(0.3);
  });

  it('meets a slow call as often as 1 − 0.99^n says', () => {
    const trips = 4000;
    let slow = 0;
    for (let seed = 0; seed < trips; seed++) if (tripOf(100, WORK, P99, seed).slowCalls > 0) slow++;
    const theory = atLeastOneSlow(100);
    expect(Math.abs(slow / trips - theory)).toBeLessThan(4 * Math.sqrt((theory * (1 - theory)) / trips));
  });

  it('sends each call out and back over its own latency, and the response only after the slowest', () => {
    const call = { backend: 0, ms: 40, slow: false };
    expect(callReach(call, 0)).toBe(0);
    expect(callReach(call, 20)).toBe(1);
    expect(callReach(call, 40)).toBe(0);
    let trip = tripOf(5, WORK, P99, 3);
    const seed = trip.seed;
    while (trip.t < trip.responseMs) {
      expect(responseReach(trip)).toBe(0);
      trip = tripTicked(trip, WORK, P99);
    }
    while (trip.seed === seed) trip = tripTicked(trip, WORK, P99);
    expect(trip.t).toBe(0);
    expect(trip.seed).toBe(seed + 1);
  });
});

import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../kit/model.ts';
import { IN_PROCESS, callsIn, networkTransport, sampleBatch } from './callGraph.ts';
import { CHECKOUT, CHECKOUT_CHAIN } from './checkout.ts';
import { meanOf, varianceOf } from './latency.ts';
import {
  MAX_REQUESTS,
  OPENING_REQUESTS,
  buildSome,
  cdfPoints,
  mergeSorted,
  requestsIn,
  shownOf,
  summaryOf,
  taxRunOf,
  taxSampleOf,
  withMore,
  withMoreRequests,
  type TaxSettings,
} from './latencyTax.ts';

const SETTINGS: TaxSettings = { shape: 'fan-out', hopMs: 1, loss: 0.001, seed: 1 };

describe('the latency tax sample', () => {
  it('merges two ascending lists into one', () => {
    expect(mergeSorted([1, 4, 9], [2, 3, 10])).toEqual([1, 2, 3, 4, 9, 10]);
    expect(mergeSorted([], [5, 6])).toEqual([5, 6]);
    expect(mergeSorted([2, 2], [2])).toEqual([2, 2, 2]);
  });

  it('grown a batch at a time, holds exactly the requests one long run from the same seed draws', () => {
    let s = taxSampleOf(SETTINGS);
    for (const batch of [1000, 250, 250, 37]) s = withMoreRequests(s, batch);
    const total = OPENING_REQUESTS + 1537;
    expect(requestsIn(s)).toBe(total);
    const once = sampleBatch(CHECKOUT, IN_PROCESS, total, mulberry32(SETTINGS.seed));
    expect(s.mansion.sorted).toEqual([...once.latencies].sort((a, b) => a - b));
    expect(s.mansion.ok).toBe(once.ok);
    const network = sampleBatch(CHECKOUT, networkTransport(1, 0.001), total, mulberry32(SETTINGS.seed + 7919));
    expect(s.village.sorted).toEqual([...network.latencies].sort((a, b) => a - b));
  });

  it('repeats exactly under a seed and differs under another', () => {
    const a = withMoreRequests(taxSampleOf(SETTINGS), 500);
    const b = withMoreRequests(taxSampleOf(SETTINGS), 500);
    expect(a.village.sorted).toEqual(b.village.sorted);
    expect(taxSampleOf({ ...SETTINGS, seed: 2 }).village.sorted).not.toEqual(taxSampleOf(SETTINGS).village.sorted);
  });

  it('never holds more than the cap, and ignores a nonsense batch or setting', () => {
    let s = taxSampleOf(SETTINGS, 100);
    s = withMoreRequests(s, 1e9);
    expect(requestsIn(s)).toBe(MAX_REQUESTS);
    expect(withMoreRequests(s, 1000)).toBe(s);
    const small = taxSampleOf(SETTINGS, 10);
    expect(requestsIn(withMoreRequests(small, -5))).toBe(10);
    expect(requestsIn(withMoreRequests(small, Number.NaN))).toBe(10);
    const hostile = summaryOf(taxSampleOf({ ...SETTINGS, hopMs: Number.NaN, loss: Infinity }, 200).village);
    expect(Number.isFinite(hostile.p99)).toBe(true);
    expect(hostile.successRate).toBeGreaterThanOrEqual(0);
  });

  it('holds a setting to the range the controls offer: a hop of 0.1 to 10 ms, at most 1 % lost', () => {
    const median = (hopMs: number) => {
      const hop = taxSampleOf({ ...SETTINGS, hopMs }, 0).network.hop;
      return hop.kind === 'lognormal' ? hop.median : NaN;
    };
    expect(median(1000)).toBe(10);
    expect(median(0.001)).toBe(0.1);
    expect(median(2.5)).toBe(2.5);
    expect(taxSampleOf({ ...SETTINGS, loss: 0.5 }, 0).network.failure).toBe(0.01);
  });

  it('matches the checkout in theory: the chain’s mean is the sum of its calls’ means, success the product of theirs', () => {
    const s = withMoreRequests(taxSampleOf({ shape: 'chain', hopMs: 1, loss: 0.01, seed: 3 }), MAX_REQUESTS);
    const calls = callsIn(CHECKOUT_CHAIN);
    const n = requestsIn(s);
    // In one process each call costs its work plus 100 ns; in a row the means and variances add up.
    const mean = calls.reduce((sum, c) => sum + meanOf(c.work) + 0.0001, 0);
    const variance = calls.reduce((sum, c) => sum + varianceOf(c.work), 0);
    const sampleMean = s.mansion.sorted.reduce((a, b) => a + b, 0) / n;
    expect(Math.abs(sampleMean - mean)).toBeLessThan(4 * Math.sqrt(variance / n));
    // A request succeeds when every call does, and across the network when every hop does too.
    const inProcess = calls.reduce((p, c) => p * (1 - c.failure), 1);
    const overNetwork = inProcess * 0.99 ** calls.length;
    const within = (share: number, p: number) => expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    within(summaryOf(s.mansion).successRate, inProcess);
    within(summaryOf(s.village).successRate, overNetwork);
  });

  it('reads p50 and p99 off the sorted run: the nearest ranks', () => {
    const s = taxSampleOf(SETTINGS, 1000);
    const { p50, p99 } = summaryOf(s.village);
    const atOrBelow = (x: number) => s.village.sorted.filter((v) => v <= x).length;
    expect(atOrBelow(p50)).toBeGreaterThanOrEqual(500);
    expect(atOrBelow(p50) - 1).toBeLessThan(500);
    expect(atOrBelow(p99)).toBeGreaterThanOrEqual(990);
    expect(atOrBelow(p99) - 1).toBeLessThan(990);
  });

  it('draws the CDF from the fastest request (1/n finished) to the slowest (all finished), never falling', () => {
    const s = taxSampleOf(SETTINGS, 400);
    const points = cdfPoints(s.mansion.sorted);
    expect(points).toHaveLength(101);
    expect(points[0]).toEqual([s.mansion.sorted[0], 1 / 400]);
    expect(points.at(-1)).toEqual([s.mansion.sorted[399], 1]);
    for (let i = 1; i < points.length; i++) {
      expect(points[i]![0]).toBeGreaterThanOrEqual(points[i - 1]![0]);
      expect(points[i]![1]).toBeGreaterThanOrEqual(points[i - 1]![1]);
    }
    expect(cdfPoints([])).toEqual([]);
  });

  it('builds the opening on the page in slices, to the same figure the build computed', () => {
    const atBuild = shownOf(taxSampleOf(SETTINGS));
    const run = taxRunOf(SETTINGS, atBuild);
    expect(run.shown).toBe(atBuild);
    let slices = 0;
    while (!buildSome(run, 250)) {
      slices++;
      // Until the page has drawn the same requests, the figure keeps what the build showed.
      expect(run.shown).toBe(atBuild);
    }
    expect(slices).toBe(OPENING_REQUESTS / 250 - 1);
    expect(run.shown).toEqual(atBuild);
    expect(requestsIn(run.sample)).toBe(OPENING_REQUESTS);
  });

  it('shows a run without a build-time figure as it grows', () => {
    const run = taxRunOf(SETTINGS);
    expect(run.shown.requests).toBe(0);
    buildSome(run, 300);
    expect(run.shown.requests).toBe(300);
    expect(run.shown.mansion.fastest).toBe(run.sample.mansion.sorted[0]);
  });

  it('lets a Step during a half-built opening join the slices, drawing nothing in its own event, while a tick waits', () => {
    const atBuild = shownOf(taxSampleOf(SETTINGS));
    const run = taxRunOf(SETTINGS, atBuild);
    buildSome(run, 1000);
    expect(withMore(run, 500, 'tick')).toBe(run);
    expect(run.pending).toBe(OPENING_REQUESTS - 1000);
    const stepped = withMore(run, 1000, 'step');
    // The same run, its slices still to draw the Step's requests: none drawn in the Step's own event.
    expect(stepped).toBe(run);
    expect(requestsIn(run.sample)).toBe(1000);
    expect(run.pending).toBe(OPENING_REQUESTS);
    while (!buildSome(run, 250)) expect(run.shown).toBe(atBuild);
    expect(run.shown.requests).toBe(OPENING_REQUESTS + 1000);
    // The same requests as a sample drawn straight to 6 000.
    expect(run.sample.village.sorted).toEqual(taxSampleOf(SETTINGS, OPENING_REQUESTS + 1000).village.sorted);
    expect(withMore(run, 500, 'tick').shown.requests).toBe(OPENING_REQUESTS + 1500);
  });

  it('never lets Steps during the opening ask for more than the cap', () => {
    const run = taxRunOf(SETTINGS);
    for (let i = 0; i < 40; i++) withMore(run, 1000, 'step');
    expect(run.pending).toBe(MAX_REQUESTS);
    while (!buildSome(run, 5000));
    expect(requestsIn(run.sample)).toBe(MAX_REQUESTS);
  });
});

import { describe, expect, it } from 'vitest';
import { AveragesExperiment, BASE_MS, MAX_REQUESTS, isOverloaded, serviceTime, slowRequestsEffect, utilisation } from './averages.ts';
import { meanServiceTime } from '../engines/queueing/engine.ts';

describe('averages lie', () => {
  it('a slow 1% at 200 ms moves the mean by little and multiplies p99', () => {
    const e = new AveragesExperiment({ sharePercent: 1, slowMs: 200 }, 1);
    while (!e.finished) e.advance(50_000);
    const { baseline, withSlow } = e.summary();
    expect(baseline.requests).toBeGreaterThan(0.98 * MAX_REQUESTS);
    // The mixture's mean service time rises by share x (slow - usual) = 1.8 ms; waiting adds a little.
    const serviceShift = meanServiceTime(serviceTime({ sharePercent: 1, slowMs: 200 })) - BASE_MS;
    expect(serviceShift).toBeCloseTo(1.8, 6);
    expect(withSlow.mean - baseline.mean).toBeGreaterThan(serviceShift * 0.9);
    expect(withSlow.mean / baseline.mean).toBeLessThan(1.2);
    expect(Math.abs(withSlow.p50 / baseline.p50 - 1)).toBeLessThan(0.05);
    expect(withSlow.p99 / baseline.p99).toBeGreaterThan(2);
    expect(withSlow.p999).toBeGreaterThan(180);
  });

  it('stops at its cap however often it is advanced, and clamps nonsense', () => {
    const e = new AveragesExperiment({ sharePercent: 99, slowMs: Number.NaN }, 2);
    e.advance(Number.POSITIVE_INFINITY); // not a number of requests: ignored
    expect(e.requests).toBe(0);
    for (let i = 0; i < 20; i++) e.advance(1e12);
    expect(e.finished).toBe(true);
    const after = e.requests;
    e.advance(1000);
    expect(e.requests).toBe(after);
    expect(serviceTime({ sharePercent: 0, slowMs: 200 }).kind).toBe('lognormal');
  });

  it('runs with and without slow requests on the same arrivals', () => {
    const e = new AveragesExperiment({ sharePercent: 2, slowMs: 500 }, 3);
    e.advance(5000);
    const { baseline, withSlow } = e.summary();
    expect(withSlow.requests).toBeGreaterThan(4000);
    // Same arrivals; only the requests still in flight at the cut differ.
    expect(Math.abs(withSlow.requests - baseline.requests) / baseline.requests).toBeLessThan(0.01);
  });

  it('utilisation is arrival rate × mean service time / workers: 50% without slow requests, 99% at 2% × 1000 ms, 123.5% at 3%', () => {
    // 100 requests/s on four workers: 0.1/ms × 20 ms / 4 = 0.5; a slow share s adds s × (slow − 20) ms.
    expect(utilisation({ sharePercent: 0, slowMs: 1000 })).toBeCloseTo(0.5, 12);
    expect(utilisation({ sharePercent: 2, slowMs: 1000 })).toBeCloseTo((0.1 * (0.98 * 20 + 0.02 * 1000)) / 4, 12);
    expect(utilisation({ sharePercent: 3, slowMs: 1000 })).toBeCloseTo(1.235, 12);
    expect(isOverloaded({ sharePercent: 2, slowMs: 1000 })).toBe(false);
    expect(isOverloaded({ sharePercent: 3, slowMs: 1000 })).toBe(true);
    expect(isOverloaded({ sharePercent: 5, slowMs: 400 })).toBe(false); // 20 + 0.05 × 380 = 39 ms: 97.5%
    expect(isOverloaded({ sharePercent: 5, slowMs: 450 })).toBe(true); // 41.5 ms: 103.75%
  });

  it('the frame says "the mean a little" only where the run shows it: not at 2% × 1000 ms, where the mean grows many times over', () => {
    const e = new AveragesExperiment({ sharePercent: 2, slowMs: 1000 }, 1);
    e.advance(100_000);
    const summary = e.summary();
    // The old caption promised a small move of the mean for every setting; here it is not small.
    expect(summary.withSlow.mean / summary.baseline.mean).toBeGreaterThan(5);
    const sentence = slowRequestsEffect({ sharePercent: 2, slowMs: 1000 }, summary);
    expect(sentence).not.toContain('a little');
    expect(sentence).toContain('99% busy');
  });

  it("at 5% × 100 ms (60% busy) the frame says the rise is mostly the slow requests' own time, not queueing behind them", () => {
    const slow = { sharePercent: 5, slowMs: 100 };
    const e = new AveragesExperiment(slow, 1);
    e.advance(100_000);
    const summary = e.summary();
    // The old caption said the others "queue behind them, so the mean rises steeply": the mean rises by
    // about a quarter, and 5% × (100 − 20) ms = 4 ms of that is the slow requests' own work.
    const rise = summary.withSlow.mean - summary.baseline.mean;
    expect(rise).toBeGreaterThan(4);
    expect(rise).toBeLessThan(8);
    const sentence = slowRequestsEffect(slow, summary);
    expect(sentence).not.toMatch(/steep/);
    expect(sentence).toContain("the slow requests' own time adds 4.00 ms");
    expect(sentence).toContain(`waiting behind them ${(rise - 4).toFixed(2)} ms (the workers are 60% busy)`);
  });

  it('past 100% load the frame says overloaded, and the mean indeed keeps climbing with the length of the run', () => {
    const slow = { sharePercent: 3, slowMs: 1000 };
    const e = new AveragesExperiment(slow, 1);
    e.advance(50_000);
    const half = e.summary().withSlow.mean;
    e.advance(50_000);
    const full = e.summary();
    // A growing line: twice the run, roughly twice the mean wait. A stable queue would barely change.
    expect(full.withSlow.mean / half).toBeGreaterThan(1.6);
    expect(slowRequestsEffect(slow, full)).toMatch(/^Overloaded: .* 124% of their time/);
  });

  it("at the article's default (1% at 200 ms) the frame says the mean moves a little and the p99 a lot, in the static figure and once settled", () => {
    const e = new AveragesExperiment({ sharePercent: 1, slowMs: 200 }, 1);
    for (const requests of [5_000, 95_000]) {
      e.advance(requests);
      expect(slowRequestsEffect({ sharePercent: 1, slowMs: 200 }, e.summary())).toBe('They move the mean a little and the p99 a lot.');
    }
  });
});

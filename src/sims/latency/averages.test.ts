import { describe, expect, it } from 'vitest';
import { AveragesExperiment, BASE_MS, MAX_REQUESTS, serviceTime } from './averages.ts';
import { meanServiceTime } from '../queueing/engine.ts';

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
});

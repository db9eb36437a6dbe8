import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './histogram.ts';
import { mulberry32 } from '../../kit/model.ts';

describe('LatencyHistogram', () => {
  it('buckets tile the range without gaps or overlaps', () => {
    const h = new LatencyHistogram({ lowest: 0.01, highest: 1e4, subBuckets: 32 });
    const last = h.indexOf(1e4);
    for (let i = 0; i < last; i++) {
      const a = h.bucketRange(i);
      const b = h.bucketRange(i + 1);
      expect(b.from).toBeCloseTo(a.to, 9);
      expect(h.indexOf(a.from * 1.0000001 + 1e-12)).toBe(i);
    }
  });

  it('every bucket is narrower than 2/subBuckets of the values it holds', () => {
    const h = new LatencyHistogram({ lowest: 0.001, highest: 1e6, subBuckets: 128 });
    for (let i = 128; i <= h.indexOf(1e6); i++) {
      const { from, to } = h.bucketRange(i);
      expect((to - from) / from).toBeLessThanOrEqual(2 / 128 + 1e-12);
    }
  });

  it('percentiles of a wide log-normal sample agree with the exact sorted values within 1%', () => {
    const random = mulberry32(7);
    const h = new LatencyHistogram({ lowest: 0.001, highest: 1e6 });
    const values: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const u = 1 - random();
      const v = random();
      const x = Math.exp(1 + 1.5 * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
      values.push(x);
      h.record(x);
    }
    values.sort((a, b) => a - b);
    for (const p of [0.01, 0.5, 0.9, 0.99, 0.999]) {
      const exact = values[Math.ceil(p * values.length) - 1]!;
      expect(Math.abs(h.quantile(p) - exact) / exact).toBeLessThan(0.01);
    }
    expect(h.count).toBe(100_000);
    expect(h.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 9);
    expect(h.min).toBe(values[0]);
    expect(h.max).toBe(values[values.length - 1]);
  });

  it('log bins keep every count and span the requested range', () => {
    const h = new LatencyHistogram();
    for (const v of [0.5, 1, 2, 4, 8, 16, 1000, 5000]) h.record(v, 3);
    const bins = h.logBins(10, 1, 1000);
    expect(bins).toHaveLength(10);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(24);
    expect(bins[0]!.from).toBeCloseTo(1, 9);
    expect(bins[9]!.to).toBeCloseTo(1000, 6);
    expect(bins[0]!.count).toBe(6); // 0.5 is below the range and lands in the first bin with 1
    expect(bins[9]!.count).toBe(6); // 1000 and 5000 land in the last
  });

  it('ignores values that are not latencies and adds histograms of the same layout', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    a.record(Number.NaN);
    a.record(-1);
    a.record(Infinity);
    expect(a.count).toBe(0);
    expect(a.quantile(0.5)).toBeNaN();
    a.record(1);
    b.record(3);
    a.add(b);
    expect(a.count).toBe(2);
    expect(a.mean).toBe(2);
    expect(() => a.add(new LatencyHistogram({ subBuckets: 64 }))).toThrow(RangeError);
    expect(() => new LatencyHistogram({ lowest: 0 })).toThrow(RangeError);
    expect(() => new LatencyHistogram({ lowest: 2, highest: 1 })).toThrow(RangeError);
  });
});

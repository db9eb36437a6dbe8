import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../kit/model.ts';
import { cdfOf, meanOf, normalCdf, percentile, sampleLatency, varianceOf, type Latency } from './latency.ts';

describe('latency distributions', () => {
  it('have the textbook means and variances', () => {
    expect(meanOf({ kind: 'uniform', min: 2, max: 6 })).toBe(4);
    expect(varianceOf({ kind: 'uniform', min: 2, max: 6 })).toBeCloseTo(16 / 12, 12);
    expect(meanOf({ kind: 'exponential', mean: 5 })).toBe(5);
    expect(varianceOf({ kind: 'exponential', mean: 5 })).toBe(25);
    // Log-normal with μ = 0, σ = 1: mean e^(1/2) = 1.648721, variance (e − 1)·e = 4.670774.
    expect(meanOf({ kind: 'lognormal', median: 1, sigma: 1 })).toBeCloseTo(1.648721, 6);
    expect(varianceOf({ kind: 'lognormal', median: 1, sigma: 1 })).toBeCloseTo(4.670774, 6);
  });

  it('are sampled with those means (100 000 draws each)', () => {
    const random = mulberry32(3);
    const cases: [Latency, number, number][] = [
      [{ kind: 'uniform', min: 2, max: 6 }, 4, 16 / 12],
      [{ kind: 'exponential', mean: 5 }, 5, 25],
      [{ kind: 'lognormal', median: 1, sigma: 1 }, 1.648721, 4.670774],
    ];
    for (const [d, mean, variance] of cases) {
      let sum = 0;
      for (let i = 0; i < 100_000; i++) sum += sampleLatency(d, random);
      expect(Math.abs(sum / 100_000 - mean), d.kind).toBeLessThan(5 * Math.sqrt(variance / 100_000));
    }
  });

  it('have the right CDF at known points', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-2.326348)).toBeCloseTo(0.01, 6);
    expect(cdfOf({ kind: 'exponential', mean: 5 }, 5)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(cdfOf({ kind: 'uniform', min: 2, max: 6 }, 3)).toBe(0.25);
    expect(cdfOf({ kind: 'lognormal', median: 7, sigma: 0.5 }, 7)).toBeCloseTo(0.5, 7);
    expect(cdfOf({ kind: 'constant', ms: 3 }, 2.9)).toBe(0);
  });

  it('nearest-rank percentiles: p50 and p99 of 1..100 are 50 and 99', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 0.5)).toBe(50);
    expect(percentile(xs, 0.99)).toBe(99);
    expect(percentile(xs, 1)).toBe(100);
    expect(percentile([7], 0.99)).toBe(7);
  });
});

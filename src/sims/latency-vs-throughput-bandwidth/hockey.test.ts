import { describe, expect, it } from 'vitest';
import { Simulation } from '../engines/queueing/engine.ts';
import { HockeySweep, SERVICE_MS, UTILISATIONS, analyticCurve, analyticLatency, requestsFor, runSweep, serviceFor, type ServiceShape } from './hockey.ts';

function sweep(shape: ServiceShape) {
  const s = new HockeySweep(shape, 1);
  let slices = 0;
  while (!s.advance(50_000)) slices++;
  expect(slices).toBeGreaterThan(10); // it really ran in slices
  return s.points;
}

describe('the hockey stick', () => {
  it('the analytic M/M/1 curve: p50 = S ln 2 / (1 - rho), p99 = S ln 100 / (1 - rho)', () => {
    expect(analyticLatency(0.5, 0.5)).toBeCloseTo((10 * Math.log(2)) / 0.5, 9);
    expect(analyticLatency(0.9, 0.99)).toBeCloseTo((10 * Math.log(100)) / 0.1, 9);
    const curve = analyticCurve(0.99);
    expect(curve[0]![0]).toBeCloseTo(10, 9);
    expect(curve.at(-1)![0]).toBeCloseTo(99, 9);
  });

  it('simulated exponential service sits on the M/M/1 curve up to 80% and measures the utilisation it was given', () => {
    const points = sweep('exponential');
    expect(points.map((p) => p.utilisation)).toEqual([...UTILISATIONS]);
    for (const p of points.filter((q) => q.utilisation <= 0.8)) {
      expect(Math.abs(p.p50 / analyticLatency(p.utilisation, 0.5) - 1)).toBeLessThan(0.1);
      expect(Math.abs(p.p99 / analyticLatency(p.utilisation, 0.99) - 1)).toBeLessThan(0.1);
      expect(Math.abs(p.measuredUtilisation - p.utilisation)).toBeLessThan(0.02);
    }
    // The stick: p99 at 95% is several times p99 at 50%.
    const at = (u: number) => points.find((p) => p.utilisation === u)!;
    expect(at(0.95).p99 / at(0.5).p99).toBeGreaterThan(4);
  });

  it('steadier service queues less and a heavier tail more (Pollaczek–Khinchine: waiting grows with variance)', () => {
    const exp = sweep('exponential');
    const det = sweep('deterministic');
    const heavy = sweep('heavy');
    for (let i = 0; i < UTILISATIONS.length; i++) {
      if (UTILISATIONS[i]! < 0.3) continue;
      expect(det[i]!.p99).toBeLessThan(exp[i]!.p99);
      expect(heavy[i]!.p99).toBeGreaterThan(exp[i]!.p99);
    }
  });
});

describe('the opening sweep, run at build time', () => {
  it('is the same sweep the browser would run in slices, for the same service times and seed', () => {
    const known = runSweep('deterministic', 4);
    const sliced = new HockeySweep('deterministic', 4);
    while (!sliced.advance(7_000));
    expect(known.points).toEqual(sliced.points);
    expect(known).toMatchObject({ shape: 'deterministic', seed: 4 });
  });
});

describe('the percentiles the sweep reports', () => {
  it('are read from a histogram within 1/128 of the exact nearest-rank values of the same run', () => {
    // A bucket of the engine's histogram above 0.128 ms spans at most 2/128 of its lower edge, and the
    // sweep reports the bucket's midpoint: at most 1/128 (0.8%) from any value in it.
    const sweep = new HockeySweep('heavy', 3);
    while (!sweep.advance(1_000_000));
    for (const index of [0, 6, 9]) {
      const rho = UTILISATIONS[index]!;
      const requests = requestsFor(rho);
      // The run the sweep made for this point, again, keeping every latency and sorting them.
      const exact = new Simulation({
        seed: 3 * 1000 + index,
        arrivals: { kind: 'poisson', rate: rho / SERVICE_MS },
        service: serviceFor('heavy'),
        requests,
        warmup: Math.floor(requests / 10),
        recordLatencies: true,
      });
      exact.runFor(Number.MAX_SAFE_INTEGER);
      const sorted = [...exact.results().latencies].sort((a, b) => a - b);
      const rank = (p: number) => sorted[Math.ceil(p * sorted.length) - 1]!;
      const point = sweep.points[index]!;
      expect(Math.abs(point.p50 / rank(0.5) - 1)).toBeLessThanOrEqual(1 / 128);
      expect(Math.abs(point.p99 / rank(0.99) - 1)).toBeLessThanOrEqual(1 / 128);
    }
  });
});

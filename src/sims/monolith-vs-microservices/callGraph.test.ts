import { describe, expect, it } from 'vitest';
import { CHECKOUT } from './checkout.ts';
import { IN_PROCESS, NETWORK, atLeastOneSlow, callsIn, fanOutSlowShare, simulate, type CallNode, type Transport } from './callGraph.ts';
import { p99Of, type Latency } from './latency.ts';

/** Costs nothing and never fails, so a test sees the calls' own behaviour. */
const FREE: Transport = { name: 'free', hop: { kind: 'constant', ms: 0 }, failure: 0 };
const call = (name: string, work: Latency, failure = 0): CallNode => ({ kind: 'call', name, work, failure });

/** Largest gap between the empirical CDF of ascending samples and a model CDF (the KS statistic). */
function ksDistance(sorted: number[], cdf: (x: number) => number): number {
  let d = 0;
  for (let i = 0; i < sorted.length; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, Math.abs((i + 1) / sorted.length - f), Math.abs(f - i / sorted.length));
  }
  return d;
}
/** KS critical value at significance 0.001 for n samples. */
const ksCritical = (n: number) => 1.95 / Math.sqrt(n);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
};

describe('availability tax', () => {
  it('a chain succeeds with the product of its parts’ success rates', () => {
    const chain: CallNode = {
      kind: 'sequence',
      steps: [
        call('a', { kind: 'constant', ms: 1 }, 0.01),
        call('b', { kind: 'constant', ms: 1 }, 0.02),
        call('c', { kind: 'constant', ms: 1 }, 0.005),
        call('d', { kind: 'constant', ms: 1 }, 0.03),
      ],
    };
    const n = 200_000;
    const expected = 0.99 * 0.98 * 0.995 * 0.97;
    const sd = Math.sqrt((expected * (1 - expected)) / n);
    expect(Math.abs(simulate(chain, FREE, n, 11).successRate - expected)).toBeLessThan(5 * sd);
    // Over the network every call also pays the hop's failure rate (one in a thousand).
    const overNetwork = expected * 0.999 ** 4;
    expect(Math.abs(simulate(chain, NETWORK, n, 12).successRate - overNetwork)).toBeLessThan(5 * sd);
  });

  it('parallel calls must all succeed too: fanning out does not buy availability', () => {
    const fan: CallNode = { kind: 'parallel', branches: [0.01, 0.01, 0.01, 0.01, 0.01].map((f, i) => call(`s${i}`, { kind: 'constant', ms: 1 }, f)) };
    const n = 200_000;
    const expected = 0.99 ** 5;
    expect(Math.abs(simulate(fan, FREE, n, 13).successRate - expected)).toBeLessThan(5 * Math.sqrt((expected * (1 - expected)) / n));
  });

  it('a never-failing chain always succeeds, a certain failure always fails', () => {
    expect(simulate(call('a', { kind: 'constant', ms: 1 }), FREE, 1000, 1).successRate).toBe(1);
    expect(simulate(call('a', { kind: 'constant', ms: 1 }, 1), FREE, 1000, 1).successRate).toBe(0);
  });
});

describe('latency of sequential calls', () => {
  it('means and variances add (the distribution is the convolution of the parts)', () => {
    const steps: Latency[] = [
      { kind: 'exponential', mean: 5 },
      { kind: 'uniform', min: 2, max: 6 },
      { kind: 'lognormal', median: 3, sigma: 0.4 },
    ];
    const { latencies } = simulate({ kind: 'sequence', steps: steps.map((w, i) => call(`s${i}`, w)) }, FREE, 200_000, 21);
    const lognormalMean = 3 * Math.exp(0.08);
    const lognormalVar = (Math.exp(0.16) - 1) * 9 * Math.exp(0.16);
    const expectedMean = 5 + 4 + lognormalMean;
    const expectedVar = 25 + 16 / 12 + lognormalVar;
    expect(Math.abs(mean(latencies) - expectedMean)).toBeLessThan(5 * Math.sqrt(expectedVar / latencies.length));
    expect(Math.abs(variance(latencies) / expectedVar - 1)).toBeLessThan(0.03);
  });

  it('two exponential steps in a row follow the Gamma(2) distribution', () => {
    const { latencies } = simulate(
      { kind: 'sequence', steps: [call('a', { kind: 'exponential', mean: 1 }), call('b', { kind: 'exponential', mean: 1 })] },
      FREE,
      50_000,
      22,
    );
    const gamma2 = (x: number) => 1 - Math.exp(-x) * (1 + x);
    expect(ksDistance(latencies, gamma2)).toBeLessThan(ksCritical(latencies.length));
    // The same samples are clearly not a single exponential of mean 2: the test can tell them apart.
    expect(ksDistance(latencies, (x) => 1 - Math.exp(-x / 2))).toBeGreaterThan(5 * ksCritical(latencies.length));
  });
});

describe('latency of parallel calls', () => {
  it('the slowest branch sets the pace: the CDF of the maximum is the product of the CDFs', () => {
    const { latencies } = simulate(
      {
        kind: 'parallel',
        branches: [call('u', { kind: 'uniform', min: 0, max: 10 }), call('e', { kind: 'exponential', mean: 4 }), call('f', { kind: 'exponential', mean: 2 })],
      },
      FREE,
      50_000,
      31,
    );
    const product = (x: number) => Math.min(1, Math.max(0, x / 10)) * (1 - Math.exp(-x / 4)) * (1 - Math.exp(-x / 2));
    expect(ksDistance(latencies, product)).toBeLessThan(ksCritical(latencies.length));
    // The mean of one branch would be far off: parallel is not "average of the branches".
    expect(ksDistance(latencies, (x) => 1 - Math.exp(-x / 4))).toBeGreaterThan(5 * ksCritical(latencies.length));
  });
});

describe('fan-out and the tail', () => {
  it('the share of requests hitting a slow call follows 1 − 0.99^N', () => {
    const work = { kind: 'lognormal', median: 10, sigma: 0.5 } as const;
    const requests = 20_000;
    for (const n of [1, 5, 20, 100]) {
      const expected = 1 - 0.99 ** n;
      const sd = Math.sqrt((expected * (1 - expected)) / requests);
      expect(Math.abs(fanOutSlowShare(n, work, p99Of(work), requests, 40 + n) - expected), `N = ${n}`).toBeLessThan(5 * sd);
    }
  });

  it('at least one slow call in N: 9.56% at N = 10, 39.5% at 50, 63.4% at 100 (1 − 0.99^N)', () => {
    expect(atLeastOneSlow(1)).toBeCloseTo(0.01, 12);
    expect(atLeastOneSlow(10)).toBeCloseTo(0.0956179, 6);
    expect(atLeastOneSlow(50)).toBeCloseTo(0.3949939, 6);
    expect(atLeastOneSlow(100)).toBeCloseTo(0.6339677, 6);
    expect(atLeastOneSlow(7, 0.001)).toBeCloseTo(0.006979, 6);
  });

  it('p99 of a log-normal is where 99 % of draws fall below (N = 1 hits it 1 % of the time)', () => {
    const work = { kind: 'lognormal', median: 20, sigma: 0.8 } as const;
    expect(p99Of(work)).toBeCloseTo(20 * Math.exp(0.8 * 2.326348), 3);
    const share = fanOutSlowShare(1, work, p99Of(work), 100_000, 7);
    expect(Math.abs(share - 0.01)).toBeLessThan(5 * Math.sqrt(0.0099 / 100_000));
  });
});

describe('monolith against services', () => {
  it('the same checkout is slower and fails more often when every call crosses the network', () => {
    const mansion = simulate(CHECKOUT, IN_PROCESS, 50_000, 5);
    const village = simulate(CHECKOUT, NETWORK, 50_000, 5);
    // Four sequential levels each pay at least one hop; a hop's mean is e^(0.18) ≈ 1.197 ms.
    expect(mean(village.latencies) - mean(mansion.latencies)).toBeGreaterThan(4 * 1.197);
    expect(village.p50).toBeGreaterThan(mansion.p50);
    expect(village.p99).toBeGreaterThan(mansion.p99);
    const calls = callsIn(CHECKOUT).length;
    expect(calls).toBe(7);
    const ratio = village.successRate / mansion.successRate;
    expect(Math.abs(ratio - 0.999 ** calls)).toBeLessThan(0.002);
  });

  it('is deterministic under a seed', () => {
    expect(simulate(CHECKOUT, NETWORK, 1000, 99)).toEqual(simulate(CHECKOUT, NETWORK, 1000, 99));
    expect(simulate(CHECKOUT, NETWORK, 1000, 99).p50).not.toBe(simulate(CHECKOUT, NETWORK, 1000, 100).p50);
  });
});

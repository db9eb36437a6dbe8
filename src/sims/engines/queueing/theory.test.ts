import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, md1MeanTimeInSystem, mm1kBlocking, mm1MeanTimeInSystem, mm1TimeInSystemQuantile, mmcMeanWait } from './theory.ts';

describe('queueing theory formulas', () => {
  it('Erlang C matches the published value ErlangC[3, 2] = 4/9 (Wolfram Language documentation)', () => {
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
  });

  it('Erlang C reduces to textbook closed forms for one and two servers', () => {
    // c = 1: an arrival waits exactly when the server is busy, probability rho = a.
    for (const a of [0.1, 0.5, 0.9]) expect(erlangC(1, a)).toBeCloseTo(a, 12);
    // c = 2: P(wait) = 2 rho^2 / (1 + rho) with rho = a / 2.
    for (const a of [0.4, 1, 1.8]) {
      const rho = a / 2;
      expect(erlangC(2, a)).toBeCloseTo((2 * rho * rho) / (1 + rho), 12);
    }
  });

  it('Erlang B matches its factorial definition a^c/c! / sum a^k/k!', () => {
    const factorialForm = (c: number, a: number) => {
      let term = 1;
      let sum = 1;
      for (let k = 1; k <= c; k++) {
        term *= a / k;
        sum += term;
      }
      return term / sum;
    };
    for (const [c, a] of [
      [1, 0.5],
      [5, 3],
      [10, 7.5],
      [30, 25],
    ] as const)
      expect(erlangB(c, a)).toBeCloseTo(factorialForm(c, a), 12);
  });

  it('M/M/c mean wait agrees with M/M/1 when c = 1: Wq = rho / (mu - lambda)', () => {
    expect(mmcMeanWait(0.8, 1, 1)).toBeCloseTo(0.8 / 0.2, 12);
  });

  it('M/M/1 figures: W = 1/(mu - lambda), p99 = ln(100) W', () => {
    expect(mm1MeanTimeInSystem(0.9, 1)).toBeCloseTo(10, 12);
    expect(mm1TimeInSystemQuantile(0.9, 1, 0.99)).toBeCloseTo(10 * Math.log(100), 10);
  });

  it('M/D/1 waits half as long in line as M/M/1 (Pollaczek–Khinchine)', () => {
    const lambda = 0.7;
    expect(md1MeanTimeInSystem(lambda, 1) - 1).toBeCloseTo((mm1MeanTimeInSystem(lambda, 1) - 1) / 2, 12);
  });

  it('M/M/1/K blocking is 1/(K+1) at rho = 1 and small at light load', () => {
    expect(mm1kBlocking(1, 1, 4)).toBeCloseTo(0.2, 12);
    expect(mm1kBlocking(0.5, 1, 3)).toBeCloseTo((0.5 * 0.125) / (1 - 0.0625), 12);
  });

  it('rejects unstable or nonsensical inputs', () => {
    expect(() => mm1MeanTimeInSystem(1, 1)).toThrow(RangeError);
    expect(() => erlangC(3, 3)).toThrow(RangeError);
    expect(() => mmcMeanWait(5, 1, 4)).toThrow(RangeError);
    expect(() => erlangB(2.5, 1)).toThrow(RangeError);
    expect(() => mm1TimeInSystemQuantile(0.5, 1, 1)).toThrow(RangeError);
  });
});

import { normal, type Random } from '../kit/model.ts';

/**
 * How long one call takes, in milliseconds. Service latencies are skewed to the right (most calls are
 * quick, a few are very slow), which a log-normal captures with two numbers a dashboard shows: the
 * median and the spread.
 */
export type Latency =
  | { kind: 'constant'; ms: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'lognormal'; median: number; sigma: number };

/** z such that P(Z <= z) = 0.99 for a standard normal. */
export const Z99 = 2.3263478740408408;

export function sampleLatency(d: Latency, random: Random): number {
  switch (d.kind) {
    case 'constant':
      return d.ms;
    case 'uniform':
      return d.min + (d.max - d.min) * random();
    case 'exponential':
      return -d.mean * Math.log(1 - random());
    case 'lognormal':
      return d.median * Math.exp(d.sigma * normal(random));
  }
}

export function meanOf(d: Latency): number {
  switch (d.kind) {
    case 'constant':
      return d.ms;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'exponential':
      return d.mean;
    case 'lognormal':
      return d.median * Math.exp((d.sigma * d.sigma) / 2);
  }
}

export function varianceOf(d: Latency): number {
  switch (d.kind) {
    case 'constant':
      return 0;
    case 'uniform':
      return (d.max - d.min) ** 2 / 12;
    case 'exponential':
      return d.mean ** 2;
    case 'lognormal': {
      const s2 = d.sigma * d.sigma;
      return (Math.exp(s2) - 1) * d.median ** 2 * Math.exp(s2);
    }
  }
}

/** P(latency <= x). */
export function cdfOf(d: Latency, x: number): number {
  switch (d.kind) {
    case 'constant':
      return x >= d.ms ? 1 : 0;
    case 'uniform':
      return Math.min(1, Math.max(0, (x - d.min) / (d.max - d.min)));
    case 'exponential':
      return x <= 0 ? 0 : 1 - Math.exp(-x / d.mean);
    case 'lognormal':
      return x <= 0 ? 0 : normalCdf(Math.log(x / d.median) / d.sigma);
  }
}

/** The 99th percentile of a log-normal: the number a "p99" dashboard tile shows. */
export function p99Of(d: Extract<Latency, { kind: 'lognormal' }>): number {
  return d.median * Math.exp(Z99 * d.sigma);
}

/** Standard normal CDF via erf (Abramowitz and Stegun 7.1.26, absolute error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Nearest-rank percentile of an ascending array (q in [0, 1]). */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1]!;
}

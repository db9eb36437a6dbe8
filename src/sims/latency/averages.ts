/**
 * "Averages lie": a small service (four workers sharing one line, half busy) whose requests usually
 * take about 20 ms, run twice on the same arrivals and the same work: once as it is, once with a slow
 * share of requests (a cache miss, a lock, a garbage-collection pause) that take much longer. The mean
 * barely notices; the 99th percentile does.
 */
import { clampNumber } from '../kit/validate.ts';
import { Simulation, type ServiceTime, type SimulationConfig } from '../queueing/engine.ts';

export const BASE_MS = 20;
export const WORKERS = 4;
/** Arrivals per ms that keep four 20 ms workers half busy: 100 requests per second. */
export const ARRIVAL_RATE = (0.5 * WORKERS) / BASE_MS;
export const SLOW_SHARE = { min: 0.5, max: 5, fallback: 1 } as const;
export const SLOW_MS = { min: 100, max: 1000, fallback: 200 } as const;
/** A run stops growing here: enough for a steady p99.9, small enough for any phone. */
export const MAX_REQUESTS = 200_000;
const HORIZON_MS = MAX_REQUESTS / ARRIVAL_RATE;

export interface SlowRequests {
  /** Percentage of requests that are slow, 0 for none. */
  sharePercent: number;
  slowMs: number;
}

/** Service time of one request: log-normal around 20 ms, plus an optional slow share. */
export function serviceTime({ sharePercent, slowMs }: SlowRequests): ServiceTime {
  const usual: ServiceTime = { kind: 'lognormal', mean: BASE_MS, sigma: 0.5 };
  const share = clampNumber(sharePercent, { min: 0, max: SLOW_SHARE.max, fallback: 0 });
  if (share === 0) return usual;
  const slow: ServiceTime = { kind: 'lognormal', mean: clampNumber(slowMs, { ...SLOW_MS }), sigma: 0.1 };
  return { kind: 'mixture', parts: [{ weight: 100 - share, time: usual }, { weight: share, time: slow }] };
}

function config(slow: SlowRequests, seed: number): SimulationConfig {
  return {
    seed,
    arrivals: { kind: 'poisson', rate: ARRIVAL_RATE },
    service: serviceTime(slow),
    servers: WORKERS,
    queue: 'shared',
    recordLatencies: false,
    histogram: { lowest: 0.01, highest: 60_000, subBuckets: 128 },
  };
}

export interface LatencySummary {
  requests: number;
  mean: number;
  p50: number;
  p99: number;
  p999: number;
}

function summarise(sim: Simulation): LatencySummary {
  const h = sim.results().histogram;
  return { requests: h.count, mean: h.mean, p50: h.quantile(0.5), p99: h.quantile(0.99), p999: h.quantile(0.999) };
}

/** The same service with and without slow requests, advanced together. */
export class AveragesExperiment {
  private readonly baseline: Simulation;
  private readonly withSlow: Simulation;

  constructor(slow: SlowRequests, seed = 1) {
    this.baseline = new Simulation(config({ sharePercent: 0, slowMs: slow.slowMs }, seed));
    this.withSlow = new Simulation(config(slow, seed));
  }

  /** Requests arrived so far (both runs share their arrivals). */
  get requests(): number {
    return this.baseline.results().arrived;
  }

  /** A run lasts as long as MAX_REQUESTS arrivals take on average, so it always ends. */
  get finished(): boolean {
    return this.baseline.now >= HORIZON_MS;
  }

  /**
   * Runs both for as long as about `requests` more arrivals take (never past the end). Work is bounded:
   * a few events per request.
   */
  advance(requests: number): void {
    const more = clampNumber(requests, { min: 0, max: MAX_REQUESTS, fallback: 0, integer: true });
    const until = Math.min(HORIZON_MS, this.baseline.now + more / ARRIVAL_RATE);
    const budget = 8 * more + 1000;
    this.baseline.runUntil(until, budget);
    this.withSlow.runUntil(until, budget);
  }

  summary(): { baseline: LatencySummary; withSlow: LatencySummary } {
    return { baseline: summarise(this.baseline), withSlow: summarise(this.withSlow) };
  }

  /** One run's latencies in `bins` log-spaced bins between 1 ms and 2 s. */
  histogram(run: 'baseline' | 'withSlow', bins = 36) {
    return (run === 'baseline' ? this.baseline : this.withSlow).results().histogram.logBins(bins, 1, 2000);
  }
}

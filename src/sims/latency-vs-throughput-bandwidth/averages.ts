/**
 * "Averages lie": a small service (four workers sharing one line, half busy) whose requests usually
 * take about 20 ms, run twice on the same arrivals and the same work: once as it is, once with a slow
 * share of requests (a cache miss, a lock, a garbage-collection pause) that take much longer. A small
 * slow share barely moves the mean and multiplies the 99th percentile; a larger one adds its own time
 * to the mean and, as the workers fill up, everyone's waiting; past full load the line never drains.
 */
import { Simulation, type ServiceTime, type SimulationConfig } from '../engines/queueing/engine.ts';
import { meanServiceTime } from '../engines/queueing/distributions.ts';
import { clampNumber, formatMs } from '../kit/model.ts';

export const BASE_MS = 20;
export const WORKERS = 4;
/** Arrivals per ms that keep four 20 ms workers half busy: 100 requests per second. */
export const ARRIVAL_RATE = (0.5 * WORKERS) / BASE_MS;
export const SLOW_SHARE = { min: 0.5, max: 5, fallback: 1 } as const;
export const SLOW_MS = { min: 100, max: 1000, fallback: 200 } as const;
/** A run stops growing here: enough for a steady p99.9, small enough for any phone. */
export const MAX_REQUESTS = 200_000;
const HORIZON_MS = MAX_REQUESTS / ARRIVAL_RATE;
/** The histograms count latencies up to a minute; anything slower lands in the last bucket. */
export const HISTOGRAM_MAX_MS = 60_000;

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
  return {
    kind: 'mixture',
    parts: [
      { weight: 100 - share, time: usual },
      { weight: share, time: slow },
    ],
  };
}

/**
 * Share of the four workers' time the traffic needs: utilisation rho = lambda E[S] / c, arrival rate
 * times mean service time over the number of workers. Without slow requests it is 50%; each slow
 * request adds (slowMs - 20) ms of work.
 */
export function utilisation(slow: SlowRequests): number {
  return (ARRIVAL_RATE * meanServiceTime(serviceTime(slow))) / WORKERS;
}

/**
 * At a utilisation of 1 or more, work arrives faster than the workers can finish it: the line grows for
 * as long as the run lasts (no queue of any kind is stable there), so no mean or percentile settles.
 */
export function isOverloaded(slow: SlowRequests): boolean {
  return utilisation(slow) >= 1;
}

function config(slow: SlowRequests, seed: number): SimulationConfig {
  return {
    seed,
    arrivals: { kind: 'poisson', rate: ARRIVAL_RATE },
    service: serviceTime(slow),
    servers: WORKERS,
    queue: 'shared',
    recordLatencies: false,
    histogram: { lowest: 0.01, highest: HISTOGRAM_MAX_MS, subBuckets: 128 },
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

/** "A little" for the mean, "a lot" for the p99: the ratios the frame's sentence is held to. */
export const MEAN_MOVES_A_LITTLE = 1.25;
export const P99_MOVES_A_LOT = 1.5;

/**
 * What the slow requests did to this run, in one sentence the frame can show: the overload verdict
 * from the utilisation formula, otherwise the measured ratios put into words. The sentence never
 * claims more than the numbers beside it show.
 */
export function slowRequestsEffect(slow: SlowRequests, summary: { baseline: LatencySummary; withSlow: LatencySummary }): string {
  const load = Math.round(utilisation(slow) * 100);
  const { baseline, withSlow } = summary;
  if (baseline.requests === 0) return '';
  if (isOverloaded(slow)) {
    return `Overloaded: with them the four workers would need ${load}% of their time, more than they have, so the line grows for as long as the run lasts and the mean and percentiles keep climbing instead of settling (the histogram stops at ${HISTOGRAM_MAX_MS / 1000} s).`;
  }
  const meanRatio = withSlow.mean / baseline.mean;
  const p99Ratio = withSlow.p99 / baseline.p99;
  if (meanRatio < MEAN_MOVES_A_LITTLE) {
    return p99Ratio >= P99_MOVES_A_LOT ? 'They move the mean a little and the p99 a lot.' : 'Too few or too mild to move the mean or the p99 far.';
  }
  // The rise has two parts: the slow requests' own extra work (share × (slowMs − usual), from the
  // distribution) and everyone's extra waiting (the rest, measured). At a few % of 100 ms the first
  // dominates; near full load the second does, so the frame says which.
  const ownMs = meanServiceTime(serviceTime(slow)) - meanServiceTime(serviceTime({ sharePercent: 0, slowMs: slow.slowMs }));
  const waitingMs = Math.max(0, withSlow.mean - baseline.mean - ownMs);
  return `The mean goes from ${formatMs(baseline.mean)} to ${formatMs(withSlow.mean)}: the slow requests' own time adds ${formatMs(ownMs)}, waiting behind them ${formatMs(waitingMs)} (the workers are ${load}% busy).`;
}

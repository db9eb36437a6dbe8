/**
 * The hockey stick: one server, random arrivals, requests that take 10 ms on average, and the load
 * turned up from 10% to 99%. Each utilisation is a separate seeded run of the queueing engine; the
 * analytic M/M/1 curves are the theory the exponential runs should sit on.
 */
import { Simulation, type ServiceTime } from '../engines/queueing/engine.ts';
import { mm1TimeInSystemQuantile } from '../engines/queueing/theory.ts';

export const SERVICE_MS = 10;
export const UTILISATIONS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.99] as const;

export const SHAPES = ['exponential', 'deterministic', 'heavy'] as const;
export type ServiceShape = (typeof SHAPES)[number];
export const SHAPE_LABELS: Record<ServiceShape, string> = {
  exponential: 'Random (exponential, as in M/M/1)',
  deterministic: 'Always 10 ms (deterministic)',
  heavy: 'Heavy tail (log-normal)',
};

export function serviceFor(shape: ServiceShape): ServiceTime {
  if (shape === 'deterministic') return { kind: 'deterministic', value: SERVICE_MS };
  if (shape === 'heavy') return { kind: 'lognormal', mean: SERVICE_MS, sigma: 1.2 };
  return { kind: 'exponential', mean: SERVICE_MS };
}

/**
 * M/M/1 time in system is exponential with rate mu - lambda, so the p-quantile at utilisation rho is
 * S (-ln(1 - p)) / (1 - rho) for mean service time S.
 */
export function analyticLatency(rho: number, p: number): number {
  return mm1TimeInSystemQuantile(rho / SERVICE_MS, 1 / SERVICE_MS, p);
}

/** Points of the analytic curve from 10% to 99% utilisation. */
export function analyticCurve(p: number, steps = 90): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const rho = 0.1 + (0.89 * i) / steps;
    points.push([rho * 100, analyticLatency(rho, p)]);
  }
  return points;
}

/**
 * Requests simulated per utilisation. Near 100% a queue takes very long to settle (its relaxation time
 * grows like 1/(1 - sqrt(rho))^2), so the busiest points get more requests and still scatter most.
 */
export function requestsFor(rho: number): number {
  if (rho >= 0.99) return 400_000;
  if (rho >= 0.95) return 200_000;
  return 60_000;
}

export interface SweepPoint {
  utilisation: number;
  p50: number;
  p99: number;
  mean: number;
  measuredUtilisation: number;
}

/** A sweep over UTILISATIONS that runs in bounded slices: call advance() until it returns true. */
export class HockeySweep {
  readonly points: SweepPoint[] = [];
  private index = 0;
  private current: Simulation | null = null;
  private readonly shape: ServiceShape;
  private readonly seed: number;

  constructor(shape: ServiceShape, seed: number) {
    this.shape = shape;
    this.seed = seed;
  }

  /**
   * The sweep for `shape` and `seed`, already finished when `known` is that sweep's result (worked out
   * at build time, so the opening figure runs nothing in the reader's browser); otherwise one to run.
   */
  static resume(shape: ServiceShape, seed: number, known?: KnownSweep): HockeySweep {
    const sweep = new HockeySweep(shape, seed);
    if (known && known.shape === shape && known.seed === seed && known.points.length === UTILISATIONS.length) {
      sweep.points.push(...known.points);
      sweep.index = UTILISATIONS.length;
    }
    return sweep;
  }

  get done(): boolean {
    return this.index >= UTILISATIONS.length;
  }

  /** Processes at most `maxEvents` simulation events; returns `done`. */
  advance(maxEvents: number): boolean {
    let budget = Math.max(1, Math.floor(maxEvents));
    while (!this.done && budget > 0) {
      const rho = UTILISATIONS[this.index]!;
      if (!this.current) {
        const requests = requestsFor(rho);
        this.current = new Simulation({
          seed: this.seed * 1000 + this.index,
          arrivals: { kind: 'poisson', rate: rho / SERVICE_MS },
          service: serviceFor(this.shape),
          requests,
          warmup: Math.floor(requests / 10),
          // Percentiles from the histogram (its bucket's midpoint, within 1/128 of the exact value; see
          // hockey.test.ts): sorting 400,000 kept latencies when a point finishes took one task of about
          // 300 ms on a phone's CPU.
          recordLatencies: false,
        });
      }
      const slice = Math.min(budget, 20_000);
      budget -= slice;
      if (this.current.runFor(slice)) {
        const r = this.current.results();
        this.points.push({ utilisation: rho, p50: r.p50, p99: r.p99, mean: r.mean, measuredUtilisation: r.utilisation });
        this.current = null;
        this.index++;
      }
    }
    return this.done;
  }
}

/** A finished sweep and what it was run with: a prop from the page to the figure. */
export interface KnownSweep {
  shape: ServiceShape;
  seed: number;
  points: SweepPoint[];
}

/** The sweep the figure opens with (its schema's defaults). */
export const OPENING_SWEEP = { shape: 'exponential', seed: 1 } as const satisfies { shape: ServiceShape; seed: number };

/** Runs the whole sweep at once: at build time, for the figure's opening parameters. */
export function runSweep(shape: ServiceShape, seed: number): KnownSweep {
  const sweep = new HockeySweep(shape, seed);
  while (!sweep.advance(1_000_000));
  return { shape, seed, points: sweep.points };
}

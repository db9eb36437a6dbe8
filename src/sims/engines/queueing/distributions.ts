/**
 * How long a request keeps a server busy, and how requests arrive. Plain data (so a view can put them in
 * a URL and a test can name them) with samplers compiled once per simulation.
 */
import { exponential, normal, type Random } from '../../kit/model.ts';

/** Service time of a request on a server of speed 1 (a server of speed 2 takes half as long). */
export type ServiceTime =
  | { kind: 'exponential'; mean: number }
  | { kind: 'deterministic'; value: number }
  /** Log-normal with the given mean; sigma is the standard deviation of ln(time) (0.5 moderate, 1.5 wild). */
  | { kind: 'lognormal'; mean: number; sigma: number }
  /** Pareto (type I) with the given mean; shape > 1, and the smaller the shape the heavier the tail. */
  | { kind: 'pareto'; mean: number; shape: number }
  /** A mix: each request draws its part with probability weight / sum of weights (e.g. a slow 1%). */
  | { kind: 'mixture'; parts: readonly { weight: number; time: ServiceTime }[] };

export type ArrivalProcess =
  /** Independent arrivals at `rate` per unit of time. */
  | { kind: 'poisson'; rate: number }
  /**
   * A Markov-modulated Poisson process with a long-run average of `rate`: calm periods alternate with
   * bursts during which arrivals come `burstFactor` times faster. `burstShare` is the fraction of time
   * spent in bursts and `burstLength` the mean length of one burst (both phases last exponential times).
   */
  | { kind: 'bursty'; rate: number; burstFactor: number; burstShare: number; burstLength: number };

/** The mean of a service-time distribution (Pareto with shape <= 1 has none: Infinity). */
export function meanServiceTime(time: ServiceTime): number {
  switch (time.kind) {
    case 'exponential':
    case 'lognormal':
      return time.mean;
    case 'deterministic':
      return time.value;
    case 'pareto':
      return time.shape > 1 ? time.mean : Infinity;
    case 'mixture': {
      const total = time.parts.reduce((s, p) => s + p.weight, 0);
      return time.parts.reduce((s, p) => s + (p.weight / total) * meanServiceTime(p.time), 0);
    }
  }
}

/** Throws a RangeError naming the first nonsensical parameter (negative mean, shape <= 1, no parts...). */
export function validateServiceTime(time: ServiceTime): void {
  const positive = (name: string, v: number) => {
    if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`${time.kind} service time: ${name} must be a positive number, got ${v}`);
  };
  switch (time.kind) {
    case 'exponential':
      return positive('mean', time.mean);
    case 'deterministic':
      if (!(time.value >= 0) || !Number.isFinite(time.value)) throw new RangeError(`deterministic service time must be >= 0, got ${time.value}`);
      return;
    case 'lognormal':
      positive('mean', time.mean);
      if (!(time.sigma >= 0) || time.sigma > 5) throw new RangeError(`lognormal sigma must be in [0, 5], got ${time.sigma}`);
      return;
    case 'pareto':
      positive('mean', time.mean);
      if (!(time.shape > 1) || !Number.isFinite(time.shape)) throw new RangeError(`pareto shape must be > 1 (a finite mean), got ${time.shape}`);
      return;
    case 'mixture':
      if (time.parts.length === 0) throw new RangeError('mixture needs at least one part');
      for (const part of time.parts) {
        if (!(part.weight >= 0) || !Number.isFinite(part.weight)) throw new RangeError(`mixture weight must be >= 0, got ${part.weight}`);
        validateServiceTime(part.time);
      }
      if (!(time.parts.reduce((s, p) => s + p.weight, 0) > 0)) throw new RangeError('mixture weights must not all be zero');
      return;
  }
}

/** A sampler for the distribution: call it with a Random to get one service time. */
export function serviceSampler(time: ServiceTime): (random: Random) => number {
  validateServiceTime(time);
  switch (time.kind) {
    case 'exponential': {
      const mean = time.mean;
      const rate = 1 / mean;
      return (random) => exponential(random, rate);
    }
    case 'deterministic': {
      const value = time.value;
      return () => value;
    }
    case 'lognormal': {
      // E[exp(N(mu, s^2))] = exp(mu + s^2 / 2), so mu = ln(mean) - s^2 / 2 gives the requested mean.
      const sigma = time.sigma;
      const mu = Math.log(time.mean) - (sigma * sigma) / 2;
      return (random) => Math.exp(mu + sigma * normal(random));
    }
    case 'pareto': {
      // Pareto(xm, a) has mean a xm / (a - 1); inverse transform: xm / U^(1/a).
      const shape = time.shape;
      const scale = (time.mean * (shape - 1)) / shape;
      const inverse = -1 / shape;
      return (random) => scale * Math.pow(1 - random(), inverse);
    }
    case 'mixture': {
      const total = time.parts.reduce((s, p) => s + p.weight, 0);
      let acc = 0;
      const thresholds = time.parts.map((p) => (acc += p.weight / total));
      const samplers = time.parts.map((p) => serviceSampler(p.time));
      const last = samplers.length - 1;
      return (random) => {
        const u = random();
        let i = 0;
        while (i < last && u >= thresholds[i]!) i++;
        return samplers[i]!(random);
      };
    }
  }
}

export function validateArrivals(arrivals: ArrivalProcess): void {
  if (!(arrivals.rate > 0) || !Number.isFinite(arrivals.rate)) throw new RangeError(`arrival rate must be a positive number, got ${arrivals.rate}`);
  if (arrivals.kind === 'bursty') {
    if (!(arrivals.burstFactor >= 1) || !Number.isFinite(arrivals.burstFactor)) throw new RangeError(`burstFactor must be >= 1, got ${arrivals.burstFactor}`);
    if (!(arrivals.burstShare > 0 && arrivals.burstShare < 1)) throw new RangeError(`burstShare must be in (0, 1), got ${arrivals.burstShare}`);
    if (!(arrivals.burstLength > 0) || !Number.isFinite(arrivals.burstLength))
      throw new RangeError(`burstLength must be positive, got ${arrivals.burstLength}`);
  }
}

/**
 * A source of arrival times: each call returns the time of the next arrival after the previous one.
 * Stateful (the bursty process remembers its phase), so make one per simulation.
 */
export function arrivalClock(arrivals: ArrivalProcess, random: Random): () => number {
  validateArrivals(arrivals);
  let now = 0;
  if (arrivals.kind === 'poisson') {
    const rate = arrivals.rate;
    return () => (now += exponential(random, rate));
  }
  const { rate, burstFactor, burstShare, burstLength } = arrivals;
  // Calm rate r and burst rate k r with time shares (1 - p) and p average to `rate`.
  const calmRate = rate / (1 - burstShare + burstFactor * burstShare);
  const burstRate = burstFactor * calmRate;
  const calmLength = (burstLength * (1 - burstShare)) / burstShare;
  // Start in the stationary phase distribution so that the long-run average holds from time zero.
  let bursting = random() < burstShare;
  let phaseEnds = exponential(random, 1 / (bursting ? burstLength : calmLength));
  return () => {
    for (;;) {
      const next = now + exponential(random, bursting ? burstRate : calmRate);
      if (next < phaseEnds) return (now = next);
      // Memorylessness: an arrival that would fall after the phase change is redrawn from there.
      now = phaseEnds;
      bursting = !bursting;
      phaseEnds = now + exponential(random, 1 / (bursting ? burstLength : calmLength));
    }
  };
}

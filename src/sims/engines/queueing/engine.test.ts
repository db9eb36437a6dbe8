import { describe, expect, it } from 'vitest';
import { Simulation, simulate, type DispatchPolicy, type SimulationConfig } from './engine.ts';
import { md1MeanTimeInSystem, mm1kBlocking, mm1MeanTimeInSystem, mmcMeanWait } from './theory.ts';

/**
 * A 99.9% confidence interval for the long-run mean by the method of batch means: successive latencies
 * are correlated (a long queue delays many requests in a row), so the sample is cut into 40 long batches
 * whose means are nearly independent. 3.56 is Student's t at 99.9% two-sided with 39 degrees of freedom.
 */
function batchMeansInterval(values: Float64Array, batches = 40): { mean: number; halfWidth: number } {
  const size = Math.floor(values.length / batches);
  const means: number[] = [];
  for (let b = 0; b < batches; b++) {
    let sum = 0;
    for (let i = b * size; i < (b + 1) * size; i++) sum += values[i]!;
    means.push(sum / size);
  }
  const mean = means.reduce((a, m) => a + m, 0) / batches;
  const variance = means.reduce((a, m) => a + (m - mean) ** 2, 0) / (batches - 1);
  return { mean, halfWidth: 3.56 * Math.sqrt(variance / batches) };
}

/**
 * The simplest dispatch for the engine's own tests: each server in turn, skipping failed ones. The
 * policies the articles compare live in ../loadbalancer/policies.ts and are tested there.
 */
function inTurn(): DispatchPolicy {
  let next = 0;
  return (_request, servers) => {
    for (let tried = 0; tried < servers.length; tried++) {
      const i = next;
      next = (next + 1) % servers.length;
      if (servers[i]!.up) return i;
    }
    return -1;
  };
}

const mm1 = (lambda: number, seed: number, requests = 1_000_000): SimulationConfig => ({
  seed,
  arrivals: { kind: 'poisson', rate: lambda },
  service: { kind: 'exponential', mean: 1 },
  requests,
  warmup: 20_000,
});

describe('the engine against queueing theory', () => {
  it.each([0.5, 0.8])('M/M/1 at rho = %s: mean time in system is 1/(mu - lambda), inside a tight 99.9 percent interval', (lambda) => {
    const results = simulate(mm1(lambda, 11));
    const expected = mm1MeanTimeInSystem(lambda, 1);
    const { mean, halfWidth } = batchMeansInterval(results.latencies);
    expect(Math.abs(mean - expected)).toBeLessThan(halfWidth);
    expect(halfWidth / expected).toBeLessThan(0.03); // and the interval is tight
    expect(results.mean).toBeCloseTo(mean, 9);
  });

  it('M/M/1: utilisation is rho and throughput is lambda', () => {
    const results = simulate(mm1(0.7, 3, 400_000));
    expect(results.utilisation).toBeGreaterThan(0.69);
    expect(results.utilisation).toBeLessThan(0.71);
    expect(results.throughput).toBeGreaterThan(0.69);
    expect(results.throughput).toBeLessThan(0.71);
  });

  it('M/M/4 with one shared line: mean wait follows the Erlang C formula', () => {
    const lambda = 3.2;
    const results = simulate({
      seed: 5,
      arrivals: { kind: 'poisson', rate: lambda },
      service: { kind: 'exponential', mean: 1 },
      servers: 4,
      queue: 'shared',
      requests: 1_000_000,
      warmup: 20_000,
    });
    const expectedWait = mmcMeanWait(lambda, 1, 4); // about 1.49
    const { mean, halfWidth } = batchMeansInterval(results.latencies);
    expect(Math.abs(mean - (expectedWait + 1))).toBeLessThan(halfWidth);
    expect(halfWidth / (expectedWait + 1)).toBeLessThan(0.03);
    expect(Math.abs(results.meanWait - expectedWait) / expectedWait).toBeLessThan(0.04);
  });

  it('M/D/1: deterministic service waits as Pollaczek–Khinchine says', () => {
    const lambda = 0.8;
    const results = simulate({ ...mm1(lambda, 9), service: { kind: 'deterministic', value: 1 } });
    const { mean, halfWidth } = batchMeansInterval(results.latencies);
    expect(Math.abs(mean - md1MeanTimeInSystem(lambda, 1))).toBeLessThan(halfWidth);
    expect(halfWidth / mean).toBeLessThan(0.03);
  });

  it("Little's law: time-average number in system equals lambda x mean time in system", () => {
    const configs: SimulationConfig[] = [
      { seed: 21, arrivals: { kind: 'poisson', rate: 0.9 }, service: { kind: 'lognormal', mean: 1, sigma: 1 }, warmup: 5_000 },
      {
        seed: 22,
        arrivals: { kind: 'bursty', rate: 2.4, burstFactor: 3, burstShare: 0.2, burstLength: 20 },
        service: { kind: 'exponential', mean: 1 },
        servers: 3,
        queue: 'shared',
      },
      { seed: 23, arrivals: { kind: 'poisson', rate: 7 }, service: { kind: 'pareto', mean: 1, shape: 2.5 }, servers: 8, dispatch: inTurn() },
    ];
    for (const config of configs) {
      // Open-ended run stopped mid-flight: the window is neither empty at its start nor at its end.
      const sim = new Simulation(config);
      sim.runUntil(250_000 / config.arrivals.rate);
      const r = sim.results();
      const lambda = r.arrived / r.duration;
      expect(r.completed).toBeGreaterThan(200_000);
      expect(Math.abs(r.meanInSystem - lambda * r.mean) / r.meanInSystem).toBeLessThan(0.01);
      // The same law for the line alone: Lq = lambda Wq.
      expect(Math.abs(r.meanQueueLength - lambda * r.meanWait) / r.meanQueueLength).toBeLessThan(0.02);
    }
  });

  it('M/M/1/K: a full waiting room turns away the fraction of arrivals theory predicts', () => {
    const lambda = 0.9;
    const waitingRoom = 4; // K = 5 in system
    const r = simulate({ ...mm1(lambda, 13, 500_000), queueCapacity: waitingRoom });
    const expected = mm1kBlocking(lambda, 1, waitingRoom + 1);
    const observed = r.drops['queue-full'] / r.arrived;
    expect(Math.abs(observed - expected) / expected).toBeLessThan(0.03);
    expect(r.maxQueueLength).toBe(waitingRoom);
  });
});

describe('latency percentiles match the quantile function of a known distribution', () => {
  // With far more servers than work, nobody waits: latency is exactly the service time.
  const noQueue = (service: SimulationConfig['service']): SimulationConfig => ({
    seed: 17,
    arrivals: { kind: 'poisson', rate: 1 },
    service,
    servers: 60, // offered load is at most 10 erlangs: the chance that all 60 are busy is negligible
    queue: 'shared',
    requests: 300_000,
  });

  it('deterministic service: every percentile is the service time', () => {
    const r = simulate(noQueue({ kind: 'deterministic', value: 2.5 }));
    for (const p of [r.p50, r.p95, r.p99, r.p999, r.mean]) expect(p).toBe(2.5);
  });

  it('exponential service: p-quantile is -mean ln(1 - p)', () => {
    const mean = 3;
    const r = simulate(noQueue({ kind: 'exponential', mean }));
    const q = (p: number) => -mean * Math.log(1 - p);
    expect(r.p50 / q(0.5)).toBeCloseTo(1, 1);
    expect(Math.abs(r.p50 / q(0.5) - 1)).toBeLessThan(0.01);
    expect(Math.abs(r.p95 / q(0.95) - 1)).toBeLessThan(0.015);
    expect(Math.abs(r.p99 / q(0.99) - 1)).toBeLessThan(0.02);
    expect(Math.abs(r.p999 / q(0.999) - 1)).toBeLessThan(0.05);
  });

  it('Pareto service: p-quantile is xm (1 - p)^(-1/shape) with xm = mean (shape - 1) / shape', () => {
    const shape = 2.2;
    const xm = (1 * (shape - 1)) / shape;
    const r = simulate(noQueue({ kind: 'pareto', mean: 1, shape }));
    const q = (p: number) => xm * (1 - p) ** (-1 / shape);
    expect(Math.abs(r.p50 / q(0.5) - 1)).toBeLessThan(0.01);
    expect(Math.abs(r.p99 / q(0.99) - 1)).toBeLessThan(0.03);
    expect(r.min).toBeGreaterThanOrEqual(xm);
  });

  it('log-normal service: the median is mean e^(-sigma^2/2)', () => {
    const sigma = 0.8;
    const r = simulate(noQueue({ kind: 'lognormal', mean: 10, sigma }));
    expect(Math.abs(r.p50 / (10 * Math.exp((-sigma * sigma) / 2)) - 1)).toBeLessThan(0.01);
    expect(Math.abs(r.mean / 10 - 1)).toBeLessThan(0.01);
  });

  it('M/M/1 time in system is exponential with rate mu - lambda, so p99 = ln(100) / (mu - lambda)', () => {
    const r = simulate(mm1(0.5, 19));
    expect(Math.abs(r.p50 / (Math.log(2) / 0.5) - 1)).toBeLessThan(0.03);
    expect(Math.abs(r.p99 / (Math.log(100) / 0.5) - 1)).toBeLessThan(0.03);
  });

  it('a slow 1% mixture moves the mean by its weight but puts p99.9 among the slow requests', () => {
    const r = simulate(
      noQueue({
        kind: 'mixture',
        parts: [
          { weight: 99, time: { kind: 'deterministic', value: 1 } },
          { weight: 1, time: { kind: 'deterministic', value: 50 } },
        ],
      }),
    );
    expect(r.p50).toBe(1);
    expect(r.p999).toBe(50);
    expect(Math.abs(r.mean - (0.99 + 0.5)) / 1.49).toBeLessThan(0.02);
  });
});

describe('the histogram behind the results', () => {
  it('without recorded latencies, percentiles come from the histogram within 1% of the exact ones', () => {
    const config = { ...mm1(0.8, 41, 200_000), service: { kind: 'lognormal', mean: 1, sigma: 1 } } as const;
    const exact = simulate(config);
    const approx = simulate({ ...config, recordLatencies: false });
    expect(approx.latencies).toHaveLength(0);
    expect(approx.completed).toBe(exact.completed);
    for (const key of ['p50', 'p95', 'p99', 'p999'] as const) {
      expect(Math.abs(approx[key] / exact[key] - 1)).toBeLessThan(0.01);
    }
    expect(approx.mean).toBeCloseTo(exact.mean, 9);
  });
});

describe('arrivals', () => {
  it('bursty arrivals keep the long-run rate but are more variable than Poisson', () => {
    const dispersion = (config: Pick<SimulationConfig, 'seed' | 'arrivals'>) => {
      // Count arrivals in windows of 10 time units: Poisson has variance = mean; bursts inflate it.
      const sim = new Simulation({ ...config, service: { kind: 'deterministic', value: 0 }, servers: 1, queue: 'shared', recordLatencies: false });
      const counts: number[] = [];
      let previous = 0;
      for (let w = 1; w <= 20_000; w++) {
        sim.runUntil(w * 10);
        const arrived = sim.results().arrived;
        counts.push(arrived - previous);
        previous = arrived;
      }
      const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
      const variance = counts.reduce((a, c) => a + (c - mean) ** 2, 0) / (counts.length - 1);
      return { rate: mean / 10, ratio: variance / mean };
    };
    const poisson = dispersion({ seed: 3, arrivals: { kind: 'poisson', rate: 2 } });
    const bursty = dispersion({ seed: 3, arrivals: { kind: 'bursty', rate: 2, burstFactor: 5, burstShare: 0.1, burstLength: 20 } });
    expect(Math.abs(poisson.rate / 2 - 1)).toBeLessThan(0.01);
    expect(Math.abs(bursty.rate / 2 - 1)).toBeLessThan(0.03);
    expect(Math.abs(poisson.ratio - 1)).toBeLessThan(0.05);
    expect(bursty.ratio).toBeGreaterThan(3);
  });
});

describe('dispatch, failures, timeouts', () => {
  const farm = (dispatch: DispatchPolicy, seed: number): SimulationConfig => ({
    seed,
    arrivals: { kind: 'poisson', rate: 18 },
    service: { kind: 'exponential', mean: 1 },
    servers: 20,
    dispatch,
    requests: 200_000,
  });

  it('runs that differ only in policy see the same arrivals and work (common random numbers)', () => {
    // One server: every policy must send everything to it, so the runs must be identical.
    const a = simulate({ ...farm(() => 0, 4), arrivals: { kind: 'poisson', rate: 0.9 }, servers: 1, requests: 10_000 });
    const b = simulate({ ...farm(inTurn(), 4), arrivals: { kind: 'poisson', rate: 0.9 }, servers: 1, requests: 10_000 });
    expect(a.latencies).toHaveLength(10_000);
    expect(Array.from(b.latencies)).toEqual(Array.from(a.latencies));
  });

  it('the same seed gives the same run; another seed gives another', () => {
    const run = (seed: number) => simulate({ ...mm1(0.8, seed, 20_000), warmup: 0 });
    const a = run(1);
    expect(a.latencies).toHaveLength(20_000);
    expect(Array.from(run(1).latencies)).toEqual(Array.from(a.latencies));
    expect(run(2).mean).not.toBe(a.mean);
  });

  it('round robin spreads requests evenly; a faster server finishes its share sooner', () => {
    const r = simulate({
      seed: 8,
      arrivals: { kind: 'poisson', rate: 2 },
      service: { kind: 'exponential', mean: 1 },
      servers: [{ speed: 1 }, { speed: 1 }, { speed: 2 }],
      dispatch: inTurn(),
      requests: 90_000,
    });
    for (const s of r.servers) expect(Math.abs(s.served - 30_000)).toBeLessThanOrEqual(1);
    // Each gets 2/3 per unit time: utilisation 2/3 at speed 1, 1/3 at speed 2.
    expect(r.servers[0]!.utilisation).toBeCloseTo(2 / 3, 1);
    expect(r.servers[2]!.utilisation).toBeCloseTo(1 / 3, 1);
    expect(r.servers[2]!.mean).toBeLessThan(r.servers[0]!.mean / 2);
  });

  it('a failed server loses what it held, gets no traffic while down, and serves again after recovery', () => {
    const config: SimulationConfig = {
      seed: 12,
      arrivals: { kind: 'poisson', rate: 1.5 },
      service: { kind: 'exponential', mean: 1 },
      servers: 2,
      dispatch: inTurn(),
      outages: [{ server: 1, from: 1000, to: 2000 }],
      requests: 6000,
    };
    const sim = new Simulation(config);
    sim.runUntil(999.999);
    const held = sim.servers[1]!.inSystem;
    sim.runUntil(1000.001);
    expect(sim.servers[1]!.up).toBe(false);
    expect(sim.results().drops['server-failed']).toBe(held);
    const servedAtFailure = sim.servers[1]!.served;
    sim.runUntil(1999.999);
    expect(sim.servers[1]!.served).toBe(servedAtFailure);
    const r = sim.run();
    expect(sim.servers[1]!.up).toBe(true);
    expect(sim.servers[1]!.served).toBeGreaterThan(servedAtFailure + 1000);
    expect(r.drops['no-server']).toBe(0); // round robin skipped the failed server
    expect(r.completed + r.dropped).toBe(r.arrived);
  });

  it('with every server down, arrivals are dropped as no-server; setServerUp recovers live', () => {
    const sim = new Simulation({ seed: 1, arrivals: { kind: 'poisson', rate: 1 }, service: { kind: 'exponential', mean: 0.5 }, servers: 1 });
    sim.setServerUp(0, false);
    sim.runUntil(100);
    const down = sim.results();
    expect(down.completed).toBe(0);
    expect(down.drops['no-server']).toBe(down.arrived);
    sim.setServerUp(0, true);
    sim.runUntil(200);
    expect(sim.results().completed).toBeGreaterThan(50);
  });

  it('timeouts: nobody waits longer than the timeout, and the overload is shed', () => {
    const r = simulate({
      seed: 2,
      arrivals: { kind: 'poisson', rate: 1 },
      service: { kind: 'deterministic', value: 2 }, // twice as much work as the server can do
      timeout: 5,
      requests: 50_000,
    });
    expect(r.max).toBeLessThanOrEqual(5 + 2 + 1e-9);
    expect(r.drops.timeout).toBeGreaterThan(20_000);
    expect(r.completed + r.dropped).toBe(r.arrived);
    expect(r.utilisation).toBeGreaterThan(0.99);
    expect(r.throughput).toBeCloseTo(0.5, 2);
  });

  it('a shared line survives a server failure; the survivors serve it', () => {
    const r = simulate({
      seed: 6,
      arrivals: { kind: 'poisson', rate: 1.5 },
      service: { kind: 'exponential', mean: 1 },
      servers: 3,
      queue: 'shared',
      outages: [{ server: 0, from: 100, to: 5000 }],
      requests: 20_000,
    });
    expect(r.completed + r.dropped).toBe(r.arrived);
    expect(r.drops['server-failed']).toBeLessThanOrEqual(1);
    expect(r.drops['no-server']).toBe(0);
  });
});

describe('slices and bad input', () => {
  it('running in slices gives exactly the same results as running at once', () => {
    const whole = simulate(mm1(0.9, 31, 50_000));
    const sim = new Simulation(mm1(0.9, 31, 50_000));
    let slices = 0;
    while (!sim.runFor(997)) slices++;
    expect(slices).toBeGreaterThan(50);
    expect(Array.from(sim.results().latencies)).toEqual(Array.from(whole.latencies));
  });

  it('runUntil with an event budget stops early and resumes', () => {
    const sim = new Simulation({ seed: 1, arrivals: { kind: 'poisson', rate: 1 }, service: { kind: 'exponential', mean: 0.5 } });
    expect(sim.runUntil(10_000, 100)).toBe(false);
    expect(sim.now).toBeLessThan(10_000);
    while (!sim.runUntil(10_000, 1000));
    expect(sim.now).toBe(10_000);
  });

  it('rejects nonsense configurations with a RangeError', () => {
    const base = mm1(0.5, 1, 10);
    const bad: Partial<SimulationConfig>[] = [
      { servers: 0 },
      { servers: 2.5 },
      { servers: [{ speed: -1 }] },
      { arrivals: { kind: 'poisson', rate: Number.NaN } },
      { arrivals: { kind: 'bursty', rate: 1, burstFactor: 0.5, burstShare: 0.1, burstLength: 1 } },
      { service: { kind: 'exponential', mean: -1 } },
      { service: { kind: 'pareto', mean: 1, shape: 1 } },
      { service: { kind: 'mixture', parts: [] } },
      { timeout: 0 },
      { queueCapacity: -1 },
      { outages: [{ server: 5, from: 1 }] },
      { servers: 3 }, // several servers with their own lines, and nobody to choose between them
      { seed: Number.NaN },
    ];
    for (const patch of bad) expect(() => new Simulation({ ...base, ...patch })).toThrow(RangeError);
    expect(() => new Simulation({ ...base, requests: Infinity }).run()).toThrow(RangeError);
  });

  it('a dispatch policy that returns nonsense drops the request instead of crashing', () => {
    const r = simulate({ ...mm1(0.5, 1, 1000), warmup: 0, servers: 2, dispatch: () => Number.NaN });
    expect(r.drops['no-server']).toBe(1000);
  });
});

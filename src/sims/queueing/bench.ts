/**
 * How fast is the engine? `npx node src/sims/queueing/bench.ts [requests]` simulates an M/M/4 system
 * at 90% load with power-of-two dispatch, then the same with one shared line, and prints requests per
 * second of wall-clock time (best of three, after a warm-up run so the JIT has compiled the hot loop).
 */
import { performance } from 'node:perf_hooks';
import { simulate, powerOfTwoChoices, type SimulationConfig } from './engine.ts';

const requests = Math.max(1000, Math.min(50_000_000, Number(process.argv[2]) || 1_000_000));

const scenarios: Record<string, SimulationConfig> = {
  'M/M/4 per-server queues, power of two choices': {
    seed: 1,
    arrivals: { kind: 'poisson', rate: 3.6 },
    service: { kind: 'exponential', mean: 1 },
    servers: 4,
    dispatch: powerOfTwoChoices,
    requests,
  },
  'M/M/4 shared queue': {
    seed: 1,
    arrivals: { kind: 'poisson', rate: 3.6 },
    service: { kind: 'exponential', mean: 1 },
    servers: 4,
    queue: 'shared',
    requests,
  },
  'M/G/1 log-normal, bursty arrivals, timeout 20': {
    seed: 1,
    arrivals: { kind: 'bursty', rate: 0.8, burstFactor: 4, burstShare: 0.1, burstLength: 50 },
    service: { kind: 'lognormal', mean: 1, sigma: 1 },
    servers: 1,
    timeout: 20,
    requests,
  },
};

simulate({ ...scenarios['M/M/4 shared queue']!, requests: 200_000 });
for (const [name, config] of Object.entries(scenarios)) {
  let best = Infinity;
  let p99 = 0;
  for (let round = 0; round < 3; round++) {
    const start = performance.now();
    const results = simulate(config);
    best = Math.min(best, performance.now() - start);
    p99 = results.p99;
  }
  const rate = requests / (best / 1000);
  console.log(`${name}: ${requests.toLocaleString('en')} requests in ${best.toFixed(0)} ms = ${Math.round(rate).toLocaleString('en')} requests/s (p99 ${p99.toFixed(2)})`);
}

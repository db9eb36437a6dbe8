/**
 * How fast is the engine? `npx node scripts/bench/engines/queueing.ts [requests]` prints requests simulated per
 * second of wall-clock time for three scenarios (best of three, after a warm-up run so the JIT has
 * compiled the hot loop). `npm run bench` imports `benchmarks()` from here (see scripts/bench/engines.ts).
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { simulate, type SimulationConfig } from '../../../src/sims/engines/queueing/engine.ts';
import { formatNumber } from '../../../src/sims/kit/model.ts';
import { dispatchWith } from '../../../src/sims/loadbalancer-reverseproxy-apigateway/balancing.ts';

function scenarios(requests: number): Record<string, SimulationConfig> {
  return {
    'M/M/4 per-server queues, power of two choices, 90% busy': {
      seed: 1,
      arrivals: { kind: 'poisson', rate: 3.6 },
      service: { kind: 'exponential', mean: 1 },
      servers: 4,
      dispatch: dispatchWith('two-choices', [1, 1, 1, 1]),
      requests,
    },
    'M/M/4 one shared queue, 90% busy': {
      seed: 1,
      arrivals: { kind: 'poisson', rate: 3.6 },
      service: { kind: 'exponential', mean: 1 },
      servers: 4,
      queue: 'shared',
      requests,
    },
    'M/G/1 log-normal service, bursty arrivals, timeout': {
      seed: 1,
      arrivals: { kind: 'bursty', rate: 0.8, burstFactor: 4, burstShare: 0.1, burstLength: 50 },
      service: { kind: 'lognormal', mean: 1, sigma: 1 },
      timeout: 20,
      requests,
    },
  };
}

export interface EngineBenchmark {
  model: string;
  work: string;
  perSecond: number;
  /** Wall-clock milliseconds of the best run. */
  bestMs: number;
}

/** Each scenario, best of `rounds` runs of `requests` requests (all latencies kept, percentiles sorted). */
export function benchmarks(requests = 1_000_000, rounds = 3): EngineBenchmark[] {
  simulate({ ...scenarios(200_000)['M/M/4 one shared queue, 90% busy']!, requests: 200_000 });
  return Object.entries(scenarios(requests)).map(([name, config]) => {
    let best = Infinity;
    for (let round = 0; round < rounds; round++) {
      const start = performance.now();
      simulate(config);
      best = Math.min(best, performance.now() - start);
    }
    return { model: `queueing engine: ${name}`, work: `${formatNumber(requests)} requests simulated`, perSecond: requests / (best / 1000), bestMs: best };
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const requests = Math.max(1000, Math.min(50_000_000, Number(process.argv[2]) || 1_000_000));
  for (const b of benchmarks(requests)) {
    console.log(`${b.model}: ${formatNumber(requests)} requests in ${b.bestMs.toFixed(0)} ms = ${formatNumber(Math.round(b.perSecond))} requests/s`);
  }
}

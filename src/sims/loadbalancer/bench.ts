/**
 * What one change in the balancing simulation costs the reader's main thread. `benchmarks()` runs
 * runBalancing at the view's 12 000 guests for every policy (with the outage, which adds the most
 * work), one warm-up run then the median of five, and reports guests balanced per second; it also
 * times building nginx's ketama ring for four servers (median of 20). `npm run bench` imports it (see
 * scripts/bench/engines.ts); importing this module does nothing else. Run directly to print the rows:
 * npx node src/sims/loadbalancer/bench.ts
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { EngineResult } from '../../../scripts/bench/engines.ts';
import { SIM_POLICIES, runBalancing } from './balancing.ts';
import { ketamaPoints } from './policies.ts';

const GUESTS = 12_000;

/** Median wall-clock milliseconds of one call of `fn`, after one warm-up call. */
function medianMs(fn: () => unknown, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

/** Guests balanced per second for each policy, and ketama rings built per second. */
export function benchmarks(): EngineResult[] {
  const results: EngineResult[] = SIM_POLICIES.map((policy) => {
    const ms = medianMs(() => runBalancing({ policy, load: 0.9, outage: true, seed: 1, requests: GUESTS }));
    return { model: `load balancer: ${policy}`, work: `guests balanced (${GUESTS.toLocaleString('en')} per run, outage on)`, perSecond: GUESTS / (ms / 1000) };
  });
  const servers = [1, 2, 3, 4].map((i) => ({ name: `10.0.0.${i}:8080`, weight: 1 }));
  const ms = medianMs(() => ketamaPoints(servers), 20);
  results.push({ model: 'load balancer: ketama ring, 4 servers x 160 points', work: 'rings built', perSecond: 1000 / ms });
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const b of benchmarks()) {
    console.log(`${b.model.padEnd(52)} ${Math.round(b.perSecond).toLocaleString('en').padStart(9)}/s  ${b.work}`);
  }
}

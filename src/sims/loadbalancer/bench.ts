/**
 * What one change in the balancing simulation costs the reader's main thread:
 * `npx node src/sims/loadbalancer/bench.ts` runs runBalancing at the view's 12 000 guests for every
 * policy (with the outage, which adds the most work) and prints the median of five runs after a
 * warm-up, plus the cost of building nginx's ketama ring for four servers.
 */
import { performance } from 'node:perf_hooks';
import { SIM_POLICIES, runBalancing } from './balancing.ts';
import { ketamaPoints } from './policies.ts';

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => unknown, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

for (const policy of SIM_POLICIES) {
  const ms = time(() => runBalancing({ policy, load: 0.9, outage: true, seed: 1, requests: 12_000 }));
  console.log(`${policy.padEnd(22)} 12 000 guests: ${ms.toFixed(1)} ms`);
}
const servers = [1, 2, 3, 4].map((i) => ({ name: `10.0.0.${i}:8080`, weight: 1 }));
console.log(`ketama ring, 4 servers x 160 points: ${time(() => ketamaPoints(servers), 20).toFixed(2)} ms`);

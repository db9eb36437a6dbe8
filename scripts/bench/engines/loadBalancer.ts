/**
 * What one change in the balancing simulation costs the reader's main thread. `benchmarks()` runs
 * runBalancing at the view's 12 000 guests for every policy (with the outage, which adds the most
 * work), one warm-up run then the median of five, and reports guests balanced per second; it also
 * times building nginx's ketama ring for four servers (median of 20). `npm run bench` imports it (see
 * scripts/bench/engines.ts); importing this module does nothing else. Run directly to print the rows:
 * npx node scripts/bench/engines/loadBalancer.ts
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { EngineResult } from '../engines.ts';
import { medianMs } from '../medianMs.ts';
import { BALANCING_POLICIES, runBalancing } from '../../../src/sims/loadbalancer-reverseproxy-apigateway/balancing.ts';
import { formatNumber } from '../../../src/sims/kit/model.ts';
import { ketamaPoints } from '../../../src/sims/loadbalancer-reverseproxy-apigateway/policies.ts';

const GUESTS = 12_000;

/** Guests balanced per second for each policy, and ketama rings built per second. */
export function benchmarks(): EngineResult[] {
  const results: EngineResult[] = BALANCING_POLICIES.map((policy) => {
    const ms = medianMs(() => runBalancing({ policy, load: 0.9, outage: true, seed: 1, requests: GUESTS }), { runs: 5, warmUp: 1 });
    return { model: `load balancer: ${policy}`, work: `guests balanced (${formatNumber(GUESTS)} per run, outage on)`, perSecond: GUESTS / (ms / 1000) };
  });
  const servers = [1, 2, 3, 4].map((i) => ({ name: `10.0.0.${i}:8080`, weight: 1 }));
  const ms = medianMs(() => ketamaPoints(servers), { runs: 20, warmUp: 1 });
  results.push({ model: 'load balancer: ketama ring, 4 servers x 160 points', work: 'rings built', perSecond: 1000 / ms });
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const b of benchmarks()) {
    console.log(`${b.model.padEnd(52)} ${formatNumber(Math.round(b.perSecond)).padStart(9)}/s  ${b.work}`);
  }
}

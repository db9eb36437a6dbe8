/**
 * What a click costs in the Kubernetes figures at their heaviest: reconciling a cluster of 12 pods
 * until it converges, a whole rolling update of 10 pods, and the back-off timeline of 12 restarts.
 * `benchmarks()` times each (20 warm-up runs, then the median of 200) and reports how many of them fit
 * in a second; `npm run bench` imports it (see scripts/bench/engines.ts). Importing this module does
 * nothing else. Run directly to print the rows: npx node scripts/bench/engines/kubernetes.ts
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { EngineResult } from '../engines.ts';
import { medianMs } from '../medianMs.ts';
import { mulberry32 } from '../../../src/sims/kit/random.ts';
import { crashLoop } from '../../../src/sims/docker-vs-kubernetes/crashLoop.ts';
import { converged, newCluster, step } from '../../../src/sims/docker-vs-kubernetes/replicaSet.ts';
import { resolveFenceposts, startRollout, status, stepRollout } from '../../../src/sims/docker-vs-kubernetes/rollingUpdate.ts';

/** Each figure's heaviest click, as whole runs per second (median of repeated runs). */
export function benchmarks(): EngineResult[] {
  const scenarios: { model: string; work: string; run: () => void }[] = [
    {
      model: 'kubernetes: reconcile 12 replicas on 4 nodes',
      work: 'reconciliations to convergence',
      run: () => {
        const random = mulberry32(1);
        let c = newCluster(4, 12);
        while (!converged(c)) c = step(c, random).cluster;
      },
    },
    {
      model: 'kubernetes: rolling update, surge 25 %, unavailable 25 %',
      work: 'rolling updates of 10 pods',
      run: () => {
        let r = startRollout(10, resolveFenceposts('25%', '25%', 10));
        while (status(r) === 'progressing') r = stepRollout(r).rollout;
      },
    },
    {
      model: 'kubernetes: CrashLoopBackOff',
      work: 'back-off timelines of 12 restarts',
      run: () => crashLoop(Array(12).fill(5)),
    },
  ];
  return scenarios.map(({ model, work, run }) => ({ model, work, perSecond: 1000 / medianMs(run, { runs: 200, warmUp: 20 }) }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const b of benchmarks()) {
    console.log(
      `${b.model.padEnd(58)} ${Math.round(b.perSecond).toLocaleString('en').padStart(9)}/s ${(1e6 / b.perSecond).toFixed(0).padStart(4)} µs each  ${b.work}`,
    );
  }
}

/**
 * What a click costs in the Kubernetes figures at their heaviest: one reconciliation step on a
 * cluster of 12 pods, a whole rolling update of 10 pods, and the back-off timeline. Prints the median
 * of repeated runs. Run: npx node src/sims/kubernetes/bench.ts
 */
import { mulberry32 } from '../kit/random.ts';
import { crashLoop } from './crashLoop.ts';
import { converged, newCluster, step } from './replicaSet.ts';
import { resolveFenceposts, startRollout, status, stepRollout } from './rollingUpdate.ts';

function median(label: string, fn: () => void, runs = 200): void {
  for (let i = 0; i < 20; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(52)} ${(times[runs >> 1]! * 1000).toFixed(0).padStart(7)} µs`);
}

median('reconcile: 12 replicas on 4 nodes until converged', () => {
  const random = mulberry32(1);
  let c = newCluster(4, 12);
  while (!converged(c)) c = step(c, random).cluster;
});
median('rolling update: 10 replicas, surge 25 %, unavailable 25 %', () => {
  let r = startRollout(10, resolveFenceposts('25%', '25%', 10));
  while (status(r) === 'progressing') r = stepRollout(r).rollout;
});
median('CrashLoopBackOff: 12 restarts', () => crashLoop(Array(12).fill(5)));

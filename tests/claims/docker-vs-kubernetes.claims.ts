/**
 * The Docker/Kubernetes article's numbers: the node-failure waits and the version whose defaults they are
 * come from the reconciliation model's constants, the crash-loop waits from the back-off model, the
 * termination grace period from the Kubernetes API schema (kubernetes-models), and the exit codes from a
 * real process measured by tests/integration/kubernetes/pid1.test.ts.
 */
import { readFileSync } from 'node:fs';
import { defineArticleClaims } from './claims.ts';
import { DEFAULT_TOLERATION_S, KUBERNETES_VERSION, NODE_MONITOR_GRACE_PERIOD_S } from '../../src/sims/kubernetes/replicaSet.ts';
import { crashLoop } from '../../src/sims/kubernetes/crashLoop.ts';

/** The default in the PodSpec field's description, as the Kubernetes OpenAPI document states it. */
function terminationGracePeriodDefault(): string {
  const podSpec = readFileSync(new URL('../../node_modules/kubernetes-models/v1/PodSpec.d.ts', import.meta.url), 'utf8');
  const described = /Defaults to (\d+) seconds\.\s*\*\/\s*"terminationGracePeriodSeconds"/.exec(podSpec);
  if (!described) throw new Error('terminationGracePeriodSeconds has no documented default in kubernetes-models');
  return `${described[1]} s`;
}

export default defineArticleClaims('docker-vs-kubernetes', {
  claims: [
    { quote: '(Kubernetes waits 30 s)', numbers: () => [terminationGracePeriodDefault()] },
    { quote: 'After 50 s without a heartbeat', numbers: () => [`${NODE_MONITOR_GRACE_PERIOD_S} s`] },
    { quote: 'its pods tolerate that taint for 300 s by default', numbers: () => [`${DEFAULT_TOLERATION_S} s`] },
    { quote: 'those of Kubernetes 1.32 and later', numbers: () => [KUBERNETES_VERSION] },
    {
      // A container that exits at once, again and again: the first restart is immediate, then the waits double.
      quote: 'then waits 10 s, 20 s, 40 s, doubling up to five minutes',
      numbers: () => crashLoop([0, 0, 0, 0]).slice(1).map((r) => `${r.wait} s`),
    },
    { quote: '137 means killed, often for memory; 1 is the app\'s own error', measuredBy: 'tests/integration/kubernetes/pid1.test.ts' },
  ],
  exempt: ['web:1.4.2', 'process 1'],
});

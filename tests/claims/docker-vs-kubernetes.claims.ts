/**
 * The Docker/Kubernetes article's numbers. The crash-loop waits are recomputed by the back-off model, the
 * termination grace period is read from the Kubernetes API schema (kubernetes-models), and the exit codes are
 * measured on a real process by tests/integration/kubernetes/pid1.test.ts. The node-failure waits and the
 * version are Kubernetes defaults, cited in the article's footnote; a simulation step cannot recompute a
 * duration, so these claims hold the article to what the reconciliation simulation's caption tells the reader.
 */
import { readFileSync } from 'node:fs';
import { defineArticleClaims, numbersIn } from './claims.ts';
import { KUBERNETES_VERSION, evictionTimeline } from '../../src/sims/docker-vs-kubernetes/replicaSet.ts';
import { crashLoop } from '../../src/sims/docker-vs-kubernetes/crashLoop.ts';

/** The default in the PodSpec field's description, as the Kubernetes OpenAPI document states it. */
function terminationGracePeriodDefault(): string {
  const podSpec = readFileSync(new URL('../../node_modules/kubernetes-models/v1/PodSpec.d.ts', import.meta.url), 'utf8');
  const described = /Defaults to (\d+) seconds\.\s*\*\/\s*"terminationGracePeriodSeconds"/.exec(podSpec);
  if (!described) throw new Error('terminationGracePeriodSeconds has no documented default in kubernetes-models');
  return `${described[1]} s`;
}

/** The two waits, as the reconciliation simulation's caption states them. */
const captionWaits = () => numbersIn(evictionTimeline()).map((n) => n.text);

export default defineArticleClaims('docker-vs-kubernetes', {
  claims: [
    { quote: '(Kubernetes waits 30 s)', numbers: () => [terminationGracePeriodDefault()] },
    // The simulation's caption: "... marked NotReady after 50 s without heartbeats, ... evicted 300 s after that".
    { quote: 'After 50 s without a heartbeat', numbers: () => [captionWaits()[0]!] },
    { quote: 'its pods tolerate that taint for 300 s by default', numbers: () => [captionWaits()[1]!] },
    { quote: 'The defaults here are those of Kubernetes 1.32.', numbers: () => [KUBERNETES_VERSION] },
    {
      // A container that exits at once, again and again: the first restart is immediate, then the waits double.
      quote: 'then waits 10 s, 20 s, 40 s, doubling up to five minutes',
      numbers: () =>
        crashLoop([0, 0, 0, 0])
          .slice(1)
          .map((r) => `${r.wait} s`),
    },
    { quote: "137 means killed, often for memory; 1 is the app's own error", measuredBy: 'tests/integration/kubernetes/pid1.test.ts' },
  ],
  exempt: ['web:1.4.2', 'process 1'],
});

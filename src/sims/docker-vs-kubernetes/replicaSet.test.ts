import { describe, expect, it } from 'vitest';
import { mulberry32, type Random } from '../kit/model.ts';
import {
  CLUSTER_RANGES,
  MAX_REPLICAS,
  converged,
  counted,
  DEFAULT_TOLERATION_S,
  deletePod,
  evictionTimeline,
  failNode,
  NODE_MONITOR_GRACE_PERIOD_S,
  newCluster,
  recoverNode,
  scale,
  step,
  type Cluster,
  type Pod,
} from './replicaSet.ts';

function runUntilConverged(c: Cluster, random: Random, limit = 10): { cluster: Cluster; steps: number; reasons: string[] } {
  const reasons: string[] = [];
  let steps = 0;
  while (!converged(c) && steps < limit) {
    const out = step(c, random);
    c = out.cluster;
    reasons.push(...out.events.map((e) => e.reason));
    steps++;
  }
  return { cluster: c, steps, reasons };
}

/** Any state a real cluster can be in: pods in every phase, bound or not, on live or dead nodes. */
function randomCluster(random: Random): Cluster {
  const { min, max } = CLUSTER_RANGES.nodes;
  const nodes = min + Math.floor(random() * (max - min + 1));
  const c = newCluster(nodes, Math.floor(random() * 13));
  // Every combination of kubelet and API status: up, silent within the grace period, marked NotReady
  // (just now or long ago), and back but not yet marked Ready.
  for (const n of c.nodes) {
    n.reporting = random() < 0.7;
    n.ready = random() < 0.7 ? n.reporting : !n.reporting;
    if (!n.ready) n.notReadySince = -Math.floor(random() * 3);
  }
  if (!c.nodes.some((n) => n.reporting)) Object.assign(c.nodes[Math.floor(random() * nodes)]!, { reporting: true, ready: true });
  const pods = Math.floor(random() * 16);
  for (let i = 0; i < pods; i++) {
    const bound = random() < 0.8;
    const node = bound ? c.nodes[Math.floor(random() * nodes)]!.name : null;
    const p: Pod = {
      name: `web-7d4b9c6f8-p${i}`,
      node,
      phase: bound && random() < 0.7 ? 'Running' : 'Pending',
      terminating: random() < 0.2,
      created: -Math.floor(random() * 10),
    };
    c.pods.push(p);
  }
  return c;
}

describe('ReplicaSet reconciliation', () => {
  it('creates, schedules and starts pods up to the desired count', () => {
    const random = mulberry32(1);
    const { cluster, steps, reasons } = runUntilConverged(newCluster(3, 3), random);
    expect(steps).toBe(3);
    expect(cluster.pods.filter((p) => p.phase === 'Running')).toHaveLength(3);
    expect(reasons).toEqual([
      'SuccessfulCreate',
      'SuccessfulCreate',
      'SuccessfulCreate',
      'Scheduled',
      'Scheduled',
      'Scheduled',
      'Started',
      'Started',
      'Started',
    ]);
    // Spread across the three nodes, one each.
    expect(new Set(cluster.pods.map((p) => p.node)).size).toBe(3);
  });

  it('names pods after their ReplicaSet with a 5-character suffix from Kubernetes’ alphabet', () => {
    const { cluster } = runUntilConverged(newCluster(2, 6), mulberry32(2));
    for (const p of cluster.pods) expect(p.name).toMatch(/^web-7d4b9c6f8-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('replaces a killed pod and logs what the real controllers log', () => {
    const random = mulberry32(3);
    let c = runUntilConverged(newCluster(3, 3), random).cluster;
    const victim = c.pods[0]!.name;
    const killed = deletePod(c, victim);
    expect(killed.events[0]).toMatchObject({ reason: 'Killing', object: `pod/${victim}`, message: 'Stopping container web' });
    const out = step(killed.cluster, random);
    expect(out.cluster.pods.some((p) => p.name === victim)).toBe(false);
    const created = out.events.find((e) => e.reason === 'SuccessfulCreate')!;
    expect(created.object).toBe('replicaset/web-7d4b9c6f8');
    expect(created.message).toMatch(/^Created pod: web-7d4b9c6f8-[a-z0-9]{5}$/);
    c = runUntilConverged(out.cluster, random).cluster;
    expect(converged(c)).toBe(true);
  });

  it('marks a failed node NotReady only on the next pass, and evicts its pods only on the pass after', () => {
    const random = mulberry32(7);
    const c = runUntilConverged(newCluster(3, 6), random).cluster;
    const onA = c.pods.filter((p) => p.node === 'node-a').map((p) => p.name);
    const failed = failNode(c, 'node-a');
    // The kubelet goes silent; the API still says Ready until the grace period has passed.
    expect(failed.events).toEqual([]);
    expect(failed.cluster.nodes.find((n) => n.name === 'node-a')?.ready).toBe(true);
    expect(converged(failed.cluster)).toBe(false);
    const graceOver = step(failed.cluster, random);
    expect(graceOver.events.map((e) => `${e.reason} ${e.object}`)).toEqual(['NodeNotReady node/node-a']);
    expect(graceOver.cluster.pods.filter((p) => p.terminating)).toEqual([]);
    const tolerationOver = step(graceOver.cluster, random);
    const evicted = tolerationOver.events.filter((e) => e.reason === 'TaintManagerEviction').map((e) => e.object);
    expect(evicted.sort()).toEqual(onA.map((name) => `pod/${name}`).sort());
  });

  it('names the real waits each step stands for: the grace period, then the default toleration', () => {
    expect(evictionTimeline()).toBe(
      `In a real cluster a failed node is marked NotReady after ${NODE_MONITOR_GRACE_PERIOD_S} s without heartbeats, and its pods are evicted ${DEFAULT_TOLERATION_S} s after that; here each wait is one step.`,
    );
    // Upstream defaults (kube-controller-manager and the DefaultTolerationSeconds admission plugin, 1.32+).
    expect([NODE_MONITOR_GRACE_PERIOD_S, DEFAULT_TOLERATION_S]).toEqual([50, 300]);
  });

  it('moves the pods of a failed node elsewhere; they stay Terminating until the node returns', () => {
    const random = mulberry32(4);
    let c = runUntilConverged(newCluster(3, 6), random).cluster;
    const onA = c.pods.filter((p) => p.node === 'node-a').map((p) => p.name);
    expect(onA.length).toBeGreaterThan(0);
    c = failNode(c, 'node-a').cluster;
    const after = runUntilConverged(c, random);
    expect(after.reasons.filter((r) => r === 'TaintManagerEviction')).toHaveLength(onA.length);
    c = after.cluster;
    expect(converged(c)).toBe(true);
    expect(c.pods.filter((p) => !p.terminating).every((p) => p.node !== 'node-a')).toBe(true);
    expect(
      c.pods
        .filter((p) => p.terminating)
        .map((p) => p.name)
        .sort(),
    ).toEqual(onA.sort());
    c = step(recoverNode(c, 'node-a').cluster, random).cluster;
    expect(c.pods.some((p) => p.terminating)).toBe(false);
  });

  it('scales down by deleting unscheduled, then pending, then the youngest pods', () => {
    const random = mulberry32(5);
    let c = runUntilConverged(newCluster(2, 3), random).cluster;
    c = scale(c, 5).cluster;
    c = step(c, random).cluster; // two new pods exist, not yet scheduled
    const fresh = c.pods.filter((p) => p.node === null).map((p) => p.name);
    expect(fresh).toHaveLength(2);
    const down = scale(c, 3);
    expect(down.events[0]!.message).toBe('Scaled down replica set web-7d4b9c6f8 to 3');
    const out = step(down.cluster, random);
    expect(
      out.events
        .filter((e) => e.reason === 'SuccessfulDelete')
        .map((e) => e.message)
        .sort(),
    ).toEqual(fresh.map((n) => `Deleted pod: ${n}`).sort());
  });

  it('scales down on the node holding most of the set first, even when a younger pod runs elsewhere', () => {
    // node-a holds two pods, node-b and node-c one each; the youngest of all is the one on node-b.
    const pod = (name: string, node: string, created: number): Pod => ({ name, node, phase: 'Running', terminating: false, created });
    const c: Cluster = {
      ...newCluster(3, 3),
      step: 10,
      pods: [pod('web-a-old', 'node-a', 1), pod('web-a-new', 'node-a', 4), pod('web-c', 'node-c', 1), pod('web-b', 'node-b', 9)],
    };
    const out = step(c, mulberry32(1));
    // ActivePodsWithRanks: doubled-up pods go before younger ones; between the two on node-a, the younger.
    expect(out.events.filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message)).toEqual(['Deleted pod: web-a-new']);
  });

  it('reports FailedScheduling once while no node is ready, and keeps the count', () => {
    const random = mulberry32(6);
    let c = newCluster(2, 2);
    c = failNode(failNode(c, 'node-a').cluster, 'node-b').cluster;
    const reasons: string[] = [];
    for (let i = 0; i < 4; i++) {
      const out = step(c, random);
      c = out.cluster;
      reasons.push(...out.events.map((e) => e.reason));
    }
    expect(reasons.filter((r) => r === 'FailedScheduling')).toHaveLength(2);
    expect(c.pods.filter((p) => !p.terminating)).toHaveLength(2);
    expect(converged(c)).toBe(false);
    c = runUntilConverged(recoverNode(c, 'node-b').cluster, random).cluster;
    expect(converged(c)).toBe(true);
  });

  it('clamps nonsense replica counts', () => {
    const c = newCluster();
    expect(scale(c, -4).cluster.desired).toBe(0);
    expect(scale(c, 1e9).cluster.desired).toBe(12);
    expect(scale(c, Number.NaN).cluster.desired).toBe(3);
  });

  it('converges to the desired count from any state within four steps, then stays put (1 000 random clusters)', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const random = mulberry32(seed);
      const start = randomCluster(random);
      const { cluster, steps } = runUntilConverged(start, random, 4);
      expect(converged(cluster), `seed ${seed}`).toBe(true);
      expect(steps).toBeLessThanOrEqual(4);
      expect(cluster.pods.filter((p) => !p.terminating)).toHaveLength(start.desired);
      // A fixed point: another pass changes nothing and logs nothing.
      const again = step(cluster, random);
      expect(again.events, `seed ${seed}`).toEqual([]);
      expect(again.cluster.pods).toEqual(cluster.pods);
    }
  });
});

describe('the predict step: deleting one pod of a converged ReplicaSet', () => {
  function convergedCluster(nodes: number, desired: number, random: Random): Cluster {
    const { cluster } = runUntilConverged(newCluster(nodes, desired), random);
    expect(converged(cluster)).toBe(true);
    return cluster;
  }

  it('is one short right after the delete, and counts the desired number again one pass later', () => {
    for (const desired of [1, 3, 5]) {
      const cluster = convergedCluster(3, desired, mulberry32(desired));
      const victim = cluster.pods.find((p) => p.phase === 'Running')!;
      const deleted = deletePod(cluster, victim.name).cluster;
      expect(counted(deleted)).toHaveLength(desired - 1);
      expect(counted(step(deleted, mulberry32(9)).cluster)).toHaveLength(desired);
    }
  });

  it('the replacement is counted before it runs: one pass later only the others are Running', () => {
    const cluster = convergedCluster(3, 3, mulberry32(1));
    const victim = cluster.pods[0]!;
    const next = step(deletePod(cluster, victim.name).cluster, mulberry32(2)).cluster;
    expect(next.pods.filter((p) => !p.terminating && p.phase === 'Running')).toHaveLength(2);
    expect(next.pods.filter((p) => !p.terminating && p.phase === 'Pending')).toHaveLength(1);
  });
});

describe('input at the model edge', () => {
  it('clamps a cluster built from nonsense to the ranges the figure offers', () => {
    // The figure offers 2 to 4 nodes and 0 to 12 replicas; nonsense falls back to 3 and 3.
    const shapes: [number, number, number, number][] = [
      [Number.NaN, Number.NaN, 3, 3],
      [-5, -5, 2, 0],
      [1e9, 1e9, 4, 12],
      [Infinity, -Infinity, 3, 3],
      [2.6, 4.4, 3, 4],
    ];
    for (const [nodeCount, desired, nodes, replicas] of shapes) {
      const c = newCluster(nodeCount, desired);
      expect(c.nodes.map((n) => n.name)).toEqual(['node-a', 'node-b', 'node-c', 'node-d'].slice(0, nodes));
      expect(c.desired).toBe(replicas);
    }
  });

  it('settles a clamped cluster like any other: a huge request converges on 12 pods, never hangs', () => {
    const { cluster, steps } = runUntilConverged(newCluster(1e9, 1e9), mulberry32(3));
    expect(steps).toBeLessThan(10);
    expect(counted(cluster)).toHaveLength(12);
    expect(MAX_REPLICAS).toBe(12);
  });

  it('scales to a clamped count, and keeps the roster when the count is not a number', () => {
    const c = newCluster(3, 3);
    expect(scale(c, 1e6).cluster.desired).toBe(12);
    expect(scale(c, -1).cluster.desired).toBe(0);
    expect(scale(c, Number.NaN)).toEqual({ cluster: c, events: [] });
  });
});

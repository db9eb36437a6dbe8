import { describe, expect, it } from 'vitest';
import { afterDeletingOldest, EVENT_LOG_LIMIT, pass, reshape, settled, summarisePass, withChange, type Shape } from './reconcileLoop.ts';
import { converged, counted, deletePod, failNode } from './replicaSet.ts';

const opening: Shape = { nodes: 3, replicas: 3, seed: 1 };

describe('the figure’s reconciliation loop', () => {
  it('opens on a settled cluster: the desired pods running, one per node, with the history that got there', () => {
    const w = settled(opening);
    expect(converged(w.cluster)).toBe(true);
    expect(w.cluster.pods.filter((p) => p.phase === 'Running').map((p) => p.node)).toEqual(['node-a', 'node-b', 'node-c']);
    const reasons = w.events.map((e) => e.reason);
    expect(reasons.filter((r) => r === 'SuccessfulCreate')).toHaveLength(3);
    expect(reasons.filter((r) => r === 'Scheduled')).toHaveLength(3);
    expect(reasons.filter((r) => r === 'Started')).toHaveLength(3);
  });

  it('is the same cluster for the same seed, and names pods differently for another', () => {
    const names = (s: Shape) => settled(s).cluster.pods.map((p) => p.name);
    expect(names(opening)).toEqual(names(opening));
    expect(names({ ...opening, seed: 2 })).not.toEqual(names(opening));
  });

  it('settles a shape from nonsense within the ranges, never hanging', () => {
    for (const shape of [
      { nodes: Number.NaN, replicas: Number.NaN, seed: Number.NaN },
      { nodes: -1, replicas: -1, seed: -1 },
      { nodes: 1e12, replicas: 1e12, seed: 1e12 },
    ]) {
      const w = settled(shape);
      expect(converged(w.cluster)).toBe(true);
      expect(w.cluster.nodes.length).toBeGreaterThanOrEqual(2);
      expect(w.cluster.nodes.length).toBeLessThanOrEqual(4);
      expect(counted(w.cluster).length).toBeLessThanOrEqual(12);
    }
    // NaN falls back to the defaults: the same cluster as the opening one.
    expect(settled({ nodes: Number.NaN, replicas: Number.NaN, seed: Number.NaN }).cluster).toEqual(settled(opening).cluster);
  });

  it('a new replica count scales the running cluster; a new node count or seed starts a new one', () => {
    const w = withChange(settled(opening), failNode(settled(opening).cluster, 'node-a'));
    const scaled = reshape(w, { ...opening, replicas: 5 }, opening);
    expect(scaled.cluster.desired).toBe(5);
    // The failed node is still failed: the cluster carried on.
    expect(scaled.cluster.nodes.find((n) => n.name === 'node-a')!.reporting).toBe(false);
    expect(scaled.events.at(-1)!.message).toBe('Scaled up replica set web-7d4b9c6f8 to 5');
    const fresh = reshape(w, { ...opening, nodes: 4 }, opening);
    expect(fresh.cluster.nodes.every((n) => n.reporting)).toBe(true);
    expect(fresh.cluster.nodes).toHaveLength(4);
    expect(reshape(w, opening, opening)).toBe(w);
  });

  it('keeps the log bounded however long the loop runs', () => {
    let w = settled({ nodes: 2, replicas: 12, seed: 4 });
    for (let i = 0; i < 60; i++) {
      // Delete every pod each time: a dozen events per pass, well past the limit.
      for (const p of counted(w.cluster)) w = withChange(w, deletePod(w.cluster, p.name));
      w = pass(w);
    }
    expect(w.events).toHaveLength(EVENT_LOG_LIMIT);
    expect(w.events.at(-1)!.step).toBe(w.cluster.step);
  });

  it('the predict scenario deletes the oldest running pod of the opening cluster', () => {
    const before = settled(opening).cluster;
    const after = afterDeletingOldest(opening);
    const oldest = [...before.pods].sort((a, b) => a.created - b.created)[0]!;
    expect(after.cluster.pods.find((p) => p.name === oldest.name)!.terminating).toBe(true);
    expect(counted(after.cluster)).toHaveLength(2);
    expect(after.events.at(-1)!.reason).toBe('Killing');
  });
});

describe('a pass read as observe, compare, act', () => {
  it('after a delete: observes 2, is 1 short, creates 1', () => {
    const deleted = afterDeletingOldest(opening);
    const next = pass(deleted);
    expect(summarisePass(deleted.cluster, next)).toEqual({ observed: 2, desired: 3, short: 1, acts: 'created 1' });
  });

  it('after scaling down: observes too many and deletes the difference', () => {
    const w = settled(opening);
    const down = reshape(w, { ...opening, replicas: 1 }, opening);
    expect(summarisePass(down.cluster, pass(down))).toEqual({ observed: 3, desired: 1, short: -2, acts: 'deleted 2' });
  });

  it('when a pass evicts pods, compares what the ReplicaSet controller counted after the eviction', () => {
    let w = settled(opening);
    w = withChange(w, failNode(w.cluster, 'node-a'));
    w = pass(w); // the node controller marks node-a NotReady
    const before = w;
    w = pass(w); // and now evicts its pod; the ReplicaSet controller sees 2 of 3
    expect(summarisePass(before.cluster, w)).toEqual({ observed: 2, desired: 3, short: 1, acts: 'evicted 1, created 1' });
  });

  it('a settled cluster has nothing to do, and a reader’s own action is no pass at all', () => {
    const w = settled(opening);
    expect(summarisePass(w.cluster, pass(w))).toEqual({ observed: 3, desired: 3, short: 0, acts: 'nothing to do' });
    expect(summarisePass(w.cluster, afterDeletingOldest(opening))).toBeNull();
  });
});

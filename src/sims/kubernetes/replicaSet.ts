import { podSuffix, type KubeEvent } from './events.ts';
import type { Random } from '../kit/random.ts';

/**
 * The hotel: nodes are floors, pods are the robots on them, and the ReplicaSet controller is the
 * manager who keeps comparing the headcount on the roster (desired) with the robots actually at work.
 */
export interface ClusterNode {
  name: string;
  ready: boolean;
}

export interface Pod {
  name: string;
  /** null until the scheduler binds it to a node. */
  node: string | null;
  phase: 'Pending' | 'Running';
  /** Marked for deletion: no longer counted, waiting for its kubelet to stop it. */
  terminating: boolean;
  /** Step at which it was created; the controller deletes the youngest first. */
  created: number;
  /** A FailedScheduling event has already been reported for it. */
  unschedulable?: boolean;
}

export interface Cluster {
  step: number;
  replicaSet: string;
  container: string;
  desired: number;
  nodes: ClusterNode[];
  pods: Pod[];
}

export interface Change {
  cluster: Cluster;
  events: KubeEvent[];
}

export const MAX_REPLICAS = 12;

export function newCluster(nodeCount = 3, desired = 3): Cluster {
  return {
    step: 0,
    replicaSet: 'web-7d4b9c6f8',
    container: 'web',
    desired,
    nodes: Array.from({ length: nodeCount }, (_, i) => ({ name: `node-${String.fromCharCode(97 + i)}`, ready: true })),
    pods: [],
  };
}

const clone = (c: Cluster): Cluster => ({ ...c, nodes: c.nodes.map((n) => ({ ...n })), pods: c.pods.map((p) => ({ ...p })) });
const isReady = (c: Cluster, node: string | null) => node !== null && c.nodes.some((n) => n.name === node && n.ready);

/** `kubectl scale --replicas=n`: only the roster changes; the controller does the rest on its next pass. */
export function scale(cluster: Cluster, replicas: number): Change {
  const next = clone(cluster);
  const target = Math.max(0, Math.min(MAX_REPLICAS, Math.round(Number.isFinite(replicas) ? replicas : cluster.desired)));
  if (target === cluster.desired) return { cluster: next, events: [] };
  next.desired = target;
  const verb = target > cluster.desired ? 'up' : 'down';
  return {
    cluster: next,
    events: [{ step: next.step, type: 'Normal', reason: 'ScalingReplicaSet', object: 'deployment/web', message: `Scaled ${verb} replica set ${cluster.replicaSet} to ${target}` }],
  };
}

/** `kubectl delete pod`: the pod is marked for deletion and its container is told to stop. */
export function deletePod(cluster: Cluster, name: string): Change {
  const next = clone(cluster);
  const pod = next.pods.find((p) => p.name === name && !p.terminating);
  if (!pod) return { cluster: next, events: [] };
  pod.terminating = true;
  return { cluster: next, events: [{ step: next.step, type: 'Normal', reason: 'Killing', object: `pod/${name}`, message: `Stopping container ${next.container}` }] };
}

/** A floor goes dark: the node stops reporting, and the node controller marks it NotReady. */
export function failNode(cluster: Cluster, name: string): Change {
  const next = clone(cluster);
  const node = next.nodes.find((n) => n.name === name);
  if (!node || !node.ready) return { cluster: next, events: [] };
  node.ready = false;
  return { cluster: next, events: [{ step: next.step, type: 'Normal', reason: 'NodeNotReady', object: `node/${name}`, message: `Node ${name} status is now: NodeNotReady` }] };
}

export function recoverNode(cluster: Cluster, name: string): Change {
  const next = clone(cluster);
  const node = next.nodes.find((n) => n.name === name);
  if (!node || node.ready) return { cluster: next, events: [] };
  node.ready = true;
  return { cluster: next, events: [{ step: next.step, type: 'Normal', reason: 'NodeReady', object: `node/${name}`, message: `Node ${name} status is now: NodeReady` }] };
}

/**
 * One pass of every control loop, in the order their effects show up: kubelets act on what is bound
 * to their node, the node controller evicts pods from dead nodes, the scheduler binds new pods, and the
 * ReplicaSet controller compares the count with the roster. Each loop only looks at the current state,
 * never at what happened before, which is why any mess converges.
 */
export function step(cluster: Cluster, random: Random): Change {
  const next = clone(cluster);
  next.step += 1;
  const events: KubeEvent[] = [];
  const at = next.step;
  const log = (type: KubeEvent['type'], reason: string, object: string, message: string) => events.push({ step: at, type, reason, object, message });

  // Kubelets on live nodes: finish stopping deleted pods, start the ones bound to them.
  next.pods = next.pods.filter((p) => !(p.terminating && (p.node === null || isReady(next, p.node))));
  for (const p of next.pods) {
    if (!p.terminating && p.phase === 'Pending' && isReady(next, p.node)) {
      p.phase = 'Running';
      log('Normal', 'Started', `pod/${p.name}`, `Started container ${next.container}`);
    }
  }

  // Node controller: pods on an unreachable node are evicted (after a 5-minute toleration in a real
  // cluster; one step here). Their kubelet cannot confirm, so they stay Terminating until it returns.
  for (const p of next.pods) {
    if (!p.terminating && p.node !== null && !isReady(next, p.node)) {
      p.terminating = true;
      log('Normal', 'TaintManagerEviction', `pod/${p.name}`, `Marking for deletion Pod default/${p.name}`);
    }
  }

  // Scheduler: bind each waiting pod to the live node with the fewest pods.
  const live = next.nodes.filter((n) => n.ready);
  for (const p of next.pods) {
    if (p.terminating || p.node !== null) continue;
    if (live.length === 0) {
      if (!p.unschedulable) {
        const n = next.nodes.length;
        log('Warning', 'FailedScheduling', `pod/${p.name}`, `0/${n} nodes are available: ${n} node(s) had untolerated taint {node.kubernetes.io/unreachable: }.`);
        p.unschedulable = true;
      }
      continue;
    }
    const load = (name: string) => next.pods.filter((q) => q.node === name && !q.terminating).length;
    const target = live.reduce((best, n) => (load(n.name) < load(best.name) ? n : best));
    p.node = target.name;
    delete p.unschedulable;
    log('Normal', 'Scheduled', `pod/${p.name}`, `Successfully assigned default/${p.name} to ${target.name}`);
  }

  // ReplicaSet controller: count what is not being deleted, then create or delete the difference.
  const active = next.pods.filter((p) => !p.terminating);
  const diff = active.length - next.desired;
  if (diff < 0) {
    for (let i = 0; i < -diff; i++) {
      let name: string;
      do name = `${next.replicaSet}-${podSuffix(random)}`;
      while (next.pods.some((p) => p.name === name));
      next.pods.push({ name, node: null, phase: 'Pending', terminating: false, created: at });
      log('Normal', 'SuccessfulCreate', `replicaset/${next.replicaSet}`, `Created pod: ${name}`);
    }
  } else if (diff > 0) {
    for (const p of deletionOrder(active).slice(0, diff)) {
      p.terminating = true;
      log('Normal', 'SuccessfulDelete', `replicaset/${next.replicaSet}`, `Deleted pod: ${p.name}`);
      if (p.phase === 'Running') log('Normal', 'Killing', `pod/${p.name}`, `Stopping container ${next.container}`);
    }
  }
  return { cluster: next, events };
}

/**
 * Which pods go first when there are too many: the ones that cost least to lose. The real controller
 * ranks unscheduled before scheduled, pending before running, and younger before older.
 */
export function deletionOrder(pods: Pod[]): Pod[] {
  const rank = (p: Pod) => (p.node === null ? 0 : p.phase === 'Pending' ? 1 : 2);
  return [...pods].sort((a, b) => rank(a) - rank(b) || b.created - a.created);
}

/**
 * The roster is met: exactly `desired` pods at work on live nodes, nothing left to create, bind or
 * stop (except pods stranded on a dead node, which only that node's kubelet can finish off).
 */
export function converged(cluster: Cluster): boolean {
  const active = cluster.pods.filter((p) => !p.terminating);
  return (
    active.length === cluster.desired &&
    active.every((p) => p.phase === 'Running' && isReady(cluster, p.node)) &&
    cluster.pods.every((p) => !p.terminating || (p.node !== null && !isReady(cluster, p.node)))
  );
}

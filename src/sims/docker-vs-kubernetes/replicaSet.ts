import { podSuffix, type KubeEvent } from './events.ts';
import { clampNumber, type Random } from '../kit/model.ts';

/**
 * The hotel: nodes are floors, pods are the robots on them, and the ReplicaSet controller is the
 * manager who keeps comparing the headcount on the roster (desired) with the robots actually at work.
 */
export interface ClusterNode {
  name: string;
  /** The kubelet is posting its status (heartbeats). A failed node stops at once. */
  reporting: boolean;
  /**
   * What the API says: the node controller's verdict. It turns false only once heartbeats have been
   * missing for node-monitor-grace-period, so a node that just failed still reads Ready for a while.
   */
  ready: boolean;
  /** Step at which the node controller marked it NotReady (and tainted it); eviction waits for a later pass. */
  notReadySince?: number;
}

export interface Pod {
  name: string;
  /** null until the scheduler binds it to a node. */
  node: string | null;
  phase: 'Pending' | 'Running';
  /** Marked for deletion: no longer counted, waiting for its kubelet to stop it. */
  terminating: boolean;
  /** Step at which it was created; among equals, the controller deletes the youngest first. */
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

/**
 * What a cluster may be built with, stated once: the model clamps to these and the figure's sliders
 * offer them. Four nodes is as many columns as the figure fits beside the unscheduled one.
 */
export const CLUSTER_RANGES = {
  nodes: { min: 2, max: 4, fallback: 3, integer: true },
  replicas: { min: 0, max: 12, fallback: 3, integer: true },
} as const;

export const MAX_REPLICAS = CLUSTER_RANGES.replicas.max;

/**
 * The real durations that the simulation's steps stand for, as defaulted by Kubernetes 1.32.
 * - node-monitor-grace-period: kube-controller-manager, pkg/controller/nodelifecycle/config/v1alpha1/defaults.go
 *   (40 s until 1.31; 50 s since kubernetes/kubernetes#126287, released in 1.32).
 * - tolerationSeconds of the not-ready and unreachable NoExecute tolerations that the DefaultTolerationSeconds
 *   admission plugin adds to every pod: plugin/pkg/admission/defaulttolerationseconds/admission.go.
 */
export const KUBERNETES_VERSION = '1.32';
export const NODE_MONITOR_GRACE_PERIOD_S = 50;
export const DEFAULT_TOLERATION_S = 300;

/** What one step of the node controller stands for, in words the captions use. */
export function evictionTimeline(): string {
  return `In a real cluster a failed node is marked NotReady after ${NODE_MONITOR_GRACE_PERIOD_S} s without heartbeats, and its pods are evicted ${DEFAULT_TOLERATION_S} s after that; here each wait is one step.`;
}

export function newCluster(nodeCount: number = CLUSTER_RANGES.nodes.fallback, desired: number = CLUSTER_RANGES.replicas.fallback): Cluster {
  return {
    step: 0,
    replicaSet: 'web-7d4b9c6f8',
    container: 'web',
    desired: clampNumber(desired, CLUSTER_RANGES.replicas),
    nodes: Array.from({ length: clampNumber(nodeCount, CLUSTER_RANGES.nodes) }, (_, i) => ({
      name: `node-${String.fromCharCode(97 + i)}`,
      reporting: true,
      ready: true,
    })),
    pods: [],
  };
}

const clone = (c: Cluster): Cluster => ({ ...c, nodes: c.nodes.map((n) => ({ ...n })), pods: c.pods.map((p) => ({ ...p })) });
const isReady = (c: Cluster, node: string | null) => node !== null && c.nodes.some((n) => n.name === node && n.ready);
const isReporting = (c: Cluster, node: string | null) => node !== null && c.nodes.some((n) => n.name === node && n.reporting);

/** `kubectl scale --replicas=n`: only the roster changes; the controller does the rest on its next pass. */
export function scale(cluster: Cluster, replicas: number): Change {
  const next = clone(cluster);
  const target = clampNumber(replicas, { ...CLUSTER_RANGES.replicas, fallback: cluster.desired });
  if (target === cluster.desired) return { cluster: next, events: [] };
  next.desired = target;
  const verb = target > cluster.desired ? 'up' : 'down';
  return {
    cluster: next,
    events: [
      {
        step: next.step,
        type: 'Normal',
        reason: 'ScalingReplicaSet',
        object: 'deployment/web',
        message: `Scaled ${verb} replica set ${cluster.replicaSet} to ${target}`,
      },
    ],
  };
}

/** `kubectl delete pod`: the pod is marked for deletion and its container is told to stop. */
export function deletePod(cluster: Cluster, name: string): Change {
  const next = clone(cluster);
  const pod = next.pods.find((p) => p.name === name && !p.terminating);
  if (!pod) return { cluster: next, events: [] };
  pod.terminating = true;
  return {
    cluster: next,
    events: [{ step: next.step, type: 'Normal', reason: 'Killing', object: `pod/${name}`, message: `Stopping container ${next.container}` }],
  };
}

/**
 * A floor goes dark: its kubelet stops posting status. Nothing is logged and the API still says Ready;
 * only the node controller's next pass, after the grace period, notices (see `step`).
 */
export function failNode(cluster: Cluster, name: string): Change {
  const next = clone(cluster);
  const node = next.nodes.find((n) => n.name === name);
  if (!node || !node.reporting) return { cluster: next, events: [] };
  node.reporting = false;
  return { cluster: next, events: [] };
}

/** The kubelet comes back and posts a Ready status itself, so the API sees it at once. */
export function recoverNode(cluster: Cluster, name: string): Change {
  const next = clone(cluster);
  const node = next.nodes.find((n) => n.name === name);
  if (!node || node.reporting) return { cluster: next, events: [] };
  node.reporting = true;
  delete node.notReadySince;
  if (node.ready) return { cluster: next, events: [] };
  node.ready = true;
  return {
    cluster: next,
    events: [{ step: next.step, type: 'Normal', reason: 'NodeReady', object: `node/${name}`, message: `Node ${name} status is now: NodeReady` }],
  };
}

/**
 * One pass of every control loop, in the order their effects show up: kubelets act on what is bound
 * to their node, the node controller marks silent nodes NotReady and evicts pods from nodes marked
 * earlier, the scheduler binds new pods, and the ReplicaSet controller compares the count with the
 * roster. Each loop only looks at the current state, which is why any mess converges.
 */
export function step(cluster: Cluster, random: Random): Change {
  const next = clone(cluster);
  next.step += 1;
  const events: KubeEvent[] = [];
  const at = next.step;
  const log = (type: KubeEvent['type'], reason: string, object: string, message: string) => events.push({ step: at, type, reason, object, message });

  // Kubelets that are up: finish stopping deleted pods, start the ones bound to them.
  next.pods = next.pods.filter((p) => !(p.terminating && (p.node === null || isReporting(next, p.node))));
  for (const p of next.pods) {
    if (!p.terminating && p.phase === 'Pending' && isReporting(next, p.node)) {
      p.phase = 'Running';
      log('Normal', 'Started', `pod/${p.name}`, `Started container ${next.container}`);
    }
  }

  // Node controller: a node marked NotReady on an earlier pass has outlived its pods' toleration
  // (DEFAULT_TOLERATION_S), so they are evicted; their kubelet cannot confirm, so they stay Terminating
  // until it returns. A node silent for the grace period (NODE_MONITOR_GRACE_PERIOD_S) is marked now.
  const expired = (name: string | null) => next.nodes.some((n) => n.name === name && !n.ready && (n.notReadySince ?? -Infinity) < at);
  for (const p of next.pods) {
    if (!p.terminating && p.node !== null && expired(p.node)) {
      p.terminating = true;
      log('Normal', 'TaintManagerEviction', `pod/${p.name}`, `Marking for deletion Pod default/${p.name}`);
    }
  }
  for (const n of next.nodes) {
    if (n.ready && !n.reporting) {
      n.ready = false;
      n.notReadySince = at;
      log('Normal', 'NodeNotReady', `node/${n.name}`, `Node ${n.name} status is now: NodeNotReady`);
    } else if (!n.ready && n.reporting) {
      // A kubelet that is back posts a Ready status of its own.
      n.ready = true;
      delete n.notReadySince;
      log('Normal', 'NodeReady', `node/${n.name}`, `Node ${n.name} status is now: NodeReady`);
    }
  }

  // Scheduler: bind each waiting pod to the live node with the fewest pods.
  const live = next.nodes.filter((n) => n.ready);
  for (const p of next.pods) {
    if (p.terminating || p.node !== null) continue;
    if (live.length === 0) {
      if (!p.unschedulable) {
        const n = next.nodes.length;
        log(
          'Warning',
          'FailedScheduling',
          `pod/${p.name}`,
          `0/${n} nodes are available: ${n} node(s) had untolerated taint {node.kubernetes.io/unreachable: }.`,
        );
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
 * (ActivePodsWithRanks in pkg/controller/controller_utils.go) ranks unscheduled before scheduled,
 * pending before running, then pods on the node crowded with most of this set's pods before the
 * others, then younger before older (it compares ages on a log scale; a pass here is one step apart).
 */
export function deletionOrder(pods: Pod[]): Pod[] {
  const rank = (p: Pod) => (p.node === null ? 0 : p.phase === 'Pending' ? 1 : 2);
  const onNode = new Map<string | null, number>();
  for (const p of pods) onNode.set(p.node, (onNode.get(p.node) ?? 0) + 1);
  const crowd = (p: Pod) => onNode.get(p.node) ?? 0;
  return [...pods].sort((a, b) => rank(a) - rank(b) || crowd(b) - crowd(a) || b.created - a.created);
}

/**
 * The roster is met: every node's status is what its kubelet is doing, exactly `desired` pods at work
 * on live nodes, nothing left to create, bind or stop (except pods stranded on a dead node, which only
 * that node's kubelet can finish off).
 */
export function converged(cluster: Cluster): boolean {
  const active = cluster.pods.filter((p) => !p.terminating);
  return (
    cluster.nodes.every((n) => n.ready === n.reporting) &&
    active.length === cluster.desired &&
    active.every((p) => p.phase === 'Running' && isReady(cluster, p.node)) &&
    cluster.pods.every((p) => !p.terminating || (p.node !== null && !isReporting(cluster, p.node)))
  );
}

/** The pods the ReplicaSet controller counts: every pod not marked for deletion. */
export const counted = (cluster: Cluster): Pod[] => cluster.pods.filter((p) => !p.terminating);

/** The oldest running pod, the one the figure's Delete button takes. */
export function oldestRunning(cluster: Cluster): Pod | undefined {
  return counted(cluster)
    .filter((p) => p.phase === 'Running')
    .sort((a, b) => a.created - b.created)[0];
}

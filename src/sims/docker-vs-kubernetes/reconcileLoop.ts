/**
 * The reconciliation loop as the figure runs it: a cluster, the events its controllers have logged,
 * and the random stream that names new pods. Every change the reader makes, and every pass of the
 * loop, maps one of these to the next.
 */
import { clampNumber, mulberry32, type Random } from '../kit/model.ts';
import type { KubeEvent } from './events.ts';
import { CLUSTER_RANGES, converged, counted, deletePod, newCluster, oldestRunning, scale, step, type Change, type Cluster } from './replicaSet.ts';

export interface World {
  cluster: Cluster;
  events: KubeEvent[];
  random: Random;
}

/** The cluster's shape: what the reader picks, and what a shared link carries. */
export interface Shape {
  nodes: number;
  replicas: number;
  seed: number;
}

/** Every range a shape may take, stated once for the model and the figure's controls. */
export const SHAPE_RANGES = {
  ...CLUSTER_RANGES,
  seed: { min: 1, max: 9999, fallback: 1, integer: true },
} as const;

/** The log keeps this many events: enough to scroll back, bounded however long the reader plays. */
export const EVENT_LOG_LIMIT = 200;

/** A new cluster starts from nothing; this many passes are enough for any shape in range to settle. */
const SETTLE_PASSES = 6;

/** A cluster that has already settled, so the page opens on a healthy ReplicaSet and its history. */
export function settled(shape: Shape): World {
  const random = mulberry32(clampNumber(shape.seed, SHAPE_RANGES.seed));
  let cluster = newCluster(shape.nodes, shape.replicas);
  const events: KubeEvent[] = [];
  for (let i = 0; i < SETTLE_PASSES && !converged(cluster); i++) {
    const out = step(cluster, random);
    cluster = out.cluster;
    events.push(...out.events);
  }
  return { cluster, events: events.slice(-EVENT_LOG_LIMIT), random };
}

/** Applies a change (the reader's or a controller's) and logs its events. */
export function withChange(world: World, change: Change): World {
  return { ...world, cluster: change.cluster, events: [...world.events, ...change.events].slice(-EVENT_LOG_LIMIT) };
}

/** One pass of every control loop. */
export function pass(world: World): World {
  return withChange(world, step(world.cluster, world.random));
}

/**
 * Another cluster shape (nodes, seed) starts a new, settled cluster; a new replica count is only a
 * change of roster, as with `kubectl scale`, so the running cluster carries on.
 */
export function reshape(world: World, shape: Shape, before: Shape): World {
  if (shape.nodes !== before.nodes || shape.seed !== before.seed) return settled(shape);
  return shape.replicas === before.replicas ? world : withChange(world, scale(world.cluster, shape.replicas));
}

/** The settled cluster of `shape` with its oldest running pod just deleted: the predict step's scenario. */
export function afterDeletingOldest(shape: Shape): World {
  const world = settled(shape);
  const victim = oldestRunning(world.cluster);
  return victim ? withChange(world, deletePod(world.cluster, victim.name)) : world;
}

/** One pass read as the loop's three phases: what it observed, how that compared with the roster, what it did. */
export interface PassSummary {
  observed: number;
  desired: number;
  /** Pods short of the roster (negative: too many). */
  short: number;
  /** Every controller's acts in the pass, e.g. "evicted 1, created 1", or "nothing to do". */
  acts: string;
}

/** The pass from `before` to `after`, or null when no pass happened between them (a reader's own action). */
export function summarisePass(before: Cluster, after: World): PassSummary | null {
  if (after.cluster.step === before.step) return null;
  const events = after.events.filter((e) => e.step === after.cluster.step);
  const count = (...reasons: string[]) => events.filter((e) => reasons.includes(e.reason)).length;
  // In the order the pass runs its loops: kubelets, node controller, scheduler, ReplicaSet controller.
  const parts = [
    [count('Started'), 'started'],
    [count('TaintManagerEviction'), 'evicted'],
    [count('Scheduled'), 'scheduled'],
    [count('SuccessfulCreate'), 'created'],
    [count('SuccessfulDelete'), 'deleted'],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, verb]) => `${verb} ${n}`);
  // What the ReplicaSet controller counted when it compared: the count it left, less what it created,
  // plus what it deleted. Not the count before the pass: an eviction earlier in the same pass lowers it.
  const observed = counted(after.cluster).length - count('SuccessfulCreate') + count('SuccessfulDelete');
  const desired = after.cluster.desired;
  return { observed, desired, short: desired - observed, acts: said.length ? said.join(', ') : 'nothing to do' };
}

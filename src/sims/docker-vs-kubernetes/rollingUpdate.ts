import { clampNumber, type NumberRange } from '../kit/model.ts';
import type { KubeEvent } from './events.ts';

/**
 * What a rollout may be started with, stated once: the model clamps to these and the figure's controls
 * offer them. Ten pods fill the figure's row. A resolved maxSurge may exceed the replica count (200 % is
 * valid), so a fencepost's range is twice the largest Deployment; any surge from the replica count up
 * moves a rollout alike.
 */
export const ROLLOUT_RANGES = {
  replicas: { min: 1, max: 10, fallback: 4, integer: true },
  fencepost: { min: 0, max: 20, fallback: 1, integer: true },
} as const satisfies Record<string, NumberRange>;

/** maxSurge / maxUnavailable as a Deployment spells them: an absolute count or a percentage string. */
export type Fencepost = number | `${number}%`;

export interface Fenceposts {
  surge: number;
  unavailable: number;
  /** Set when both rounded to zero and the controller raised maxUnavailable to one pod. */
  raised?: true;
}

function parse(value: Fencepost, field: string): { amount: number; percent: boolean } {
  const m = typeof value === 'string' ? /^(\d+)%$/.exec(value) : null;
  const amount = typeof value === 'number' ? value : m ? Number(m[1]) : NaN;
  if (!Number.isInteger(amount) || amount < 0) throw new RangeError(`${field}: must be a non-negative integer or percentage, got ${JSON.stringify(value)}`);
  return { amount, percent: typeof value === 'string' };
}

/**
 * Turns the settings into pod counts the way the Deployment controller does: a surge percentage rounds
 * up, an unavailable percentage rounds down (so both err towards keeping capacity). Both zero is
 * rejected by API validation; if rounding alone makes both zero, the controller allows one unavailable
 * pod so that the rollout can still move.
 */
export function resolveFenceposts(maxSurge: Fencepost, maxUnavailable: Fencepost, replicas: number): Fenceposts {
  const s = parse(maxSurge, 'maxSurge');
  const u = parse(maxUnavailable, 'maxUnavailable');
  if (u.percent && u.amount > 100) throw new RangeError('maxUnavailable: must not be greater than 100%');
  if (s.amount === 0 && u.amount === 0) throw new RangeError('maxUnavailable: may not be 0 when maxSurge is 0');
  const count = clampNumber(replicas, ROLLOUT_RANGES.replicas);
  const surge = s.percent ? Math.ceil((s.amount * count) / 100) : s.amount;
  const unavailable = u.percent ? Math.floor((u.amount * count) / 100) : u.amount;
  return surge === 0 && unavailable === 0 ? { surge, unavailable: 1, raised: true } : { surge, unavailable };
}

export interface RolloutPod {
  name: string;
  version: 'old' | 'new';
  /** Passing its readiness probe, so the Service sends it traffic. */
  ready: boolean;
  terminating: boolean;
  /** Its readiness probe has failed at least once (reported once, as the kubelet's event is). */
  probeFailed?: boolean;
}

export interface Rollout {
  step: number;
  replicas: number;
  fenceposts: Fenceposts;
  /** Whether the new image's readiness probe passes. */
  newImageHealthy: boolean;
  pods: RolloutPod[];
  /** Steps since the rollout last made progress; past the deadline it is reported as stalled. */
  stuckFor: number;
  nextId: number;
}

/** progressDeadlineSeconds is 600 by default; the sim counts it in steps instead of seconds. */
export const PROGRESS_DEADLINE_STEPS = 6;

/**
 * A Deployment of `replicas` v1 pods about to roll out v2, with fenceposts already resolved to pod
 * counts. Out-of-range counts are clamped. Resolved fenceposts that are both zero get the controller's
 * own way out (one pod may be unavailable), so it always moves; and, as the controller's MaxUnavailable
 * does, no more pods may be missing than the Deployment has, so the floor never drops below zero.
 */
export function startRollout(replicas: number, fenceposts: Fenceposts, newImageHealthy = true): Rollout {
  const count = clampNumber(replicas, ROLLOUT_RANGES.replicas);
  const surge = clampNumber(fenceposts?.surge, ROLLOUT_RANGES.fencepost);
  const unavailable = Math.min(count, clampNumber(fenceposts?.unavailable, ROLLOUT_RANGES.fencepost));
  return {
    step: 0,
    replicas: count,
    fenceposts:
      surge === 0 && unavailable === 0 ? { surge, unavailable: 1, raised: true } : { surge, unavailable, ...(fenceposts?.raised && { raised: true }) },
    newImageHealthy: newImageHealthy !== false,
    pods: Array.from({ length: count }, (_, i) => ({ name: `old-${i + 1}`, version: 'old', ready: true, terminating: false })),
    stuckFor: 0,
    nextId: 1,
  };
}

const alive = (r: Rollout) => r.pods.filter((p) => !p.terminating);

export function readyCount(r: Rollout): number {
  return alive(r).filter((p) => p.ready).length;
}

export function podCount(r: Rollout): number {
  return alive(r).length;
}

export type RolloutStatus = 'progressing' | 'complete' | 'stalled';

export function status(r: Rollout): RolloutStatus {
  const pods = alive(r);
  if (pods.length === r.replicas && pods.every((p) => p.version === 'new' && p.ready) && r.pods.every((p) => !p.terminating)) return 'complete';
  return r.stuckFor >= PROGRESS_DEADLINE_STEPS ? 'stalled' : 'progressing';
}

/**
 * One sync: kubelets report readiness and finish stopping deleted pods, then the Deployment controller
 * either scales the new ReplicaSet up (and ends the sync) or scales the old one down, mirroring the
 * real controller's rolloutRolling.
 */
export function stepRollout(rollout: Rollout): { rollout: Rollout; events: KubeEvent[] } {
  const r: Rollout = { ...rollout, step: rollout.step + 1, pods: rollout.pods.map((p) => ({ ...p })) };
  const events: KubeEvent[] = [];
  const log = (type: KubeEvent['type'], reason: string, object: string, message: string) => events.push({ step: r.step, type, reason, object, message });
  const before = JSON.stringify(rollout.pods);

  r.pods = r.pods.filter((p) => !p.terminating);
  for (const p of r.pods) {
    if (p.version === 'new' && !p.ready) {
      if (r.newImageHealthy) p.ready = true;
      else if (!p.probeFailed) {
        p.probeFailed = true;
        log('Warning', 'Unhealthy', `pod/${p.name}`, 'Readiness probe failed: HTTP probe failed with statuscode: 503');
      }
    }
  }

  const { surge, unavailable } = r.fenceposts;
  const newPods = () => alive(r).filter((p) => p.version === 'new');
  const oldPods = () => alive(r).filter((p) => p.version === 'old');

  // Scale up the new ReplicaSet as far as the surge allows.
  const maxTotal = r.replicas + surge;
  const up = Math.min(maxTotal - podCount(r), r.replicas - newPods().length);
  if (up > 0) {
    for (let i = 0; i < up; i++) r.pods.push({ name: `new-${r.nextId++}`, version: 'new', ready: false, terminating: false });
    log('Normal', 'ScalingReplicaSet', 'deployment/web', `Scaled up replica set web-new to ${newPods().length}`);
  } else {
    // Scale down the old one, never below minAvailable ready pods, counting the new pods that are not
    // ready yet as already missing.
    const minAvailable = r.replicas - unavailable;
    const newUnready = newPods().filter((p) => !p.ready).length;
    let budget = podCount(r) - minAvailable - newUnready;
    if (budget > 0) {
      const olds = oldPods();
      // Unhealthy old pods go first: removing them costs no capacity.
      for (const p of olds.filter((q) => !q.ready).slice(0, budget)) {
        p.terminating = true;
        budget--;
      }
      const down = Math.min(budget, readyCount(r) - minAvailable, oldPods().length);
      for (const p of oldPods().slice(0, Math.max(0, down))) p.terminating = true;
      if (oldPods().length !== olds.length) log('Normal', 'ScalingReplicaSet', 'deployment/web', `Scaled down replica set web-old to ${oldPods().length}`);
    }
  }

  const progressed = JSON.stringify(r.pods) !== before;
  r.stuckFor = progressed ? 0 : rollout.stuckFor + 1;
  if (r.stuckFor === PROGRESS_DEADLINE_STEPS) {
    log('Warning', 'ProgressDeadlineExceeded', 'deployment/web', 'ReplicaSet "web-new" has timed out progressing.');
  }
  return { rollout: r, events };
}

import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../kit/model.ts';
import {
  ROLLOUT_RANGES,
  podCount,
  readyCount,
  resolveFenceposts,
  startRollout,
  status,
  stepRollout,
  type Fencepost,
  type Fenceposts,
  type Rollout,
} from './rollingUpdate.ts';

describe('maxSurge and maxUnavailable', () => {
  it('rounds a surge percentage up and an unavailable percentage down', () => {
    expect(resolveFenceposts('25%', '25%', 10)).toEqual({ surge: 3, unavailable: 2 });
    expect(resolveFenceposts('10%', '10%', 3)).toEqual({ surge: 1, unavailable: 0 });
    expect(resolveFenceposts(2, '50%', 5)).toEqual({ surge: 2, unavailable: 2 });
    expect(resolveFenceposts('200%', 0, 3)).toEqual({ surge: 6, unavailable: 0 });
  });

  it('rejects both zero, as API validation does', () => {
    expect(() => resolveFenceposts(0, 0, 5)).toThrow(/may not be 0 when maxSurge is 0/);
    expect(() => resolveFenceposts('0%', '0%', 5)).toThrow(/may not be 0/);
  });

  it('allows one unavailable pod when only rounding made both zero', () => {
    expect(resolveFenceposts(0, '10%', 5)).toEqual({ surge: 0, unavailable: 1, raised: true });
    expect(startRollout(5, resolveFenceposts(0, '10%', 5)).fenceposts).toEqual({ surge: 0, unavailable: 1, raised: true });
    expect(resolveFenceposts(0, '20%', 5)).toEqual({ surge: 0, unavailable: 1 });
  });

  it('rejects malformed values and an unavailable share above 100 %', () => {
    for (const bad of [-1, 1.5, 'abc', '12', '-5%', '1.5%'] as Fencepost[]) expect(() => resolveFenceposts(bad, 1, 5)).toThrow(RangeError);
    expect(() => resolveFenceposts(1, '101%', 5)).toThrow(/greater than 100%/);
  });
});

/** Steps a rollout until it completes or stalls, checking the guarantees after every step. */
function run(r: Rollout, limit: number): { final: Rollout; steps: number; minReady: number; maxPods: number } {
  let minReady = readyCount(r);
  let maxPods = podCount(r);
  let steps = 0;
  while (status(r) === 'progressing' && steps < limit) {
    r = stepRollout(r).rollout;
    steps++;
    minReady = Math.min(minReady, readyCount(r));
    maxPods = Math.max(maxPods, podCount(r));
  }
  return { final: r, steps, minReady, maxPods };
}

/** `count` random settings the API server accepts: absolute counts and percentages, large and small. */
function* validSettings(seed: number, count: number): Generator<{ replicas: number; surge: Fencepost; unavailable: Fencepost; f: Fenceposts }> {
  const random = mulberry32(seed);
  const pick = (replicas: number, maxPercent: number): Fencepost =>
    random() < 0.5 ? Math.floor(random() * (replicas + 3)) : (`${Math.floor(random() * (maxPercent + 1))}%` as Fencepost);
  for (let made = 0; made < count;) {
    const replicas = 1 + Math.floor(random() * ROLLOUT_RANGES.replicas.max);
    const surge = pick(replicas, 200);
    const unavailable = pick(replicas, 100);
    let f: Fenceposts;
    try {
      f = resolveFenceposts(surge, unavailable, replicas);
    } catch {
      continue; // both zero: the API server would refuse it
    }
    made++;
    yield { replicas, surge, unavailable, f };
  }
}

describe('rolling update', () => {
  it('replaces every pod, and never breaks maxSurge or maxUnavailable at any step (2 000 random settings)', () => {
    for (const { f, ...s } of validSettings(2024, 2000)) {
      const { final, minReady, maxPods } = run(startRollout(s.replicas, f), 10 * s.replicas + 10);
      const label = JSON.stringify(s);
      expect(status(final), label).toBe('complete');
      expect(
        final.pods.every((p) => p.version === 'new' && p.ready),
        label,
      ).toBe(true);
      expect(maxPods, label).toBeLessThanOrEqual(s.replicas + f.surge);
      expect(minReady, label).toBeGreaterThanOrEqual(s.replicas - f.unavailable);
    }
  });

  it('stops when the new pods fail their readiness probe, keeping the old capacity (500 random settings)', () => {
    for (const { f, ...s } of validSettings(7, 500)) {
      const { final, minReady, maxPods } = run(startRollout(s.replicas, f, false), 10 * s.replicas + 20);
      const label = JSON.stringify(s);
      expect(status(final), label).toBe('stalled');
      expect(
        final.pods.some((p) => p.version === 'new' && p.ready),
        label,
      ).toBe(false);
      expect(maxPods, label).toBeLessThanOrEqual(s.replicas + f.surge);
      // Every ready pod is an old one, and there are at least replicas − maxUnavailable of them.
      expect(minReady, label).toBeGreaterThanOrEqual(Math.max(0, s.replicas - f.unavailable));
    }
  });

  it('with 4 replicas, surge 1 and unavailable 1, trades pods in the order the Deployment controller does', () => {
    let r = startRollout(4, resolveFenceposts(1, 1, 4));
    const trace: string[] = [];
    for (let i = 0; i < 10 && status(r) !== 'complete'; i++) {
      r = stepRollout(r).rollout;
      const alive = r.pods.filter((p) => !p.terminating);
      trace.push(`${alive.filter((p) => p.version === 'old').length}/${alive.filter((p) => p.version === 'new').length}`);
    }
    // old/new pod counts, worked out by hand from the controller's rules: surge one new pod; once it is
    // ready, 5 available − minAvailable 3 = 2 old pods may go; surge two more; and so on.
    expect(trace).toEqual(['4/1', '2/1', '2/3', '0/3', '0/4', '0/4']);
    expect(status(r)).toBe('complete');
  });

  it('logs the scaling events and, when stuck, ProgressDeadlineExceeded', () => {
    let r = startRollout(3, resolveFenceposts(1, 0, 3), false);
    const reasons: string[] = [];
    for (let i = 0; i < 12; i++) {
      const out = stepRollout(r);
      r = out.rollout;
      reasons.push(...out.events.map((e) => e.reason));
    }
    expect(reasons[0]).toBe('ScalingReplicaSet');
    expect(reasons).toContain('Unhealthy');
    expect(reasons.filter((x) => x === 'ProgressDeadlineExceeded')).toHaveLength(1);
    // With maxUnavailable 0 and a surge pod that never turns ready, no old pod may go.
    expect(r.pods.filter((p) => p.version === 'old' && !p.terminating)).toHaveLength(3);
  });
});

describe('input at the model edge', () => {
  it('never lets more pods be missing than the Deployment has: one replica with maxUnavailable 2 has a floor of 0', () => {
    const r = startRollout(1, resolveFenceposts(1, 2, 1));
    expect(r.fenceposts).toEqual({ surge: 1, unavailable: 1 });
    expect(r.replicas - r.fenceposts.unavailable).toBe(0);
  });

  it('clamps the replica count to the 1 to 10 pods the figure offers; nonsense falls back to 4', () => {
    expect(startRollout(Number.NaN, { surge: 1, unavailable: 1 }).pods).toHaveLength(4);
    expect(startRollout(-3, { surge: 1, unavailable: 1 }).pods).toHaveLength(1);
    expect(startRollout(1e9, { surge: 1, unavailable: 1 }).pods).toHaveLength(10);
  });

  it('clamps fenceposts to 0..20 pods, and lets one pod be unavailable when both end up zero', () => {
    expect(startRollout(4, { surge: Number.NaN, unavailable: -2 }).fenceposts).toEqual({ surge: 1, unavailable: 0 });
    // maxUnavailable stops at the Deployment's size, as the controller's MaxUnavailable does.
    expect(startRollout(4, { surge: 1e9, unavailable: 1e9 }).fenceposts).toEqual({ surge: 20, unavailable: 4 });
    expect(startRollout(4, { surge: -1, unavailable: -1 }).fenceposts).toEqual({ surge: 0, unavailable: 1, raised: true });
  });

  it('a rollout from nonsense input still completes within a bounded number of steps', () => {
    const inputs: [number, Fenceposts][] = [
      [Number.NaN, { surge: Number.NaN, unavailable: Number.NaN }],
      [1e9, { surge: 0, unavailable: 0 }],
      [-1, { surge: 1e9, unavailable: -1e9 }],
    ];
    for (const [replicas, f] of inputs) {
      const { final, steps } = run(startRollout(replicas, f), 200);
      expect(status(final)).toBe('complete');
      expect(steps).toBeLessThan(40);
    }
  });

  it('resolves percentages against a clamped replica count', () => {
    expect(resolveFenceposts('50%', '50%', Number.NaN)).toEqual({ surge: 2, unavailable: 2 });
    expect(resolveFenceposts('100%', '100%', 1e9)).toEqual({ surge: 10, unavailable: 10 });
  });
});

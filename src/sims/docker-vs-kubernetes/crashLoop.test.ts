import { describe, expect, it } from 'vitest';
import { MAX_RUNS, backOffMessage, crashLoop, figureRestarts, formatDuration } from './crashLoop.ts';

describe('CrashLoopBackOff', () => {
  it('restarts at once, then waits 10 s, 20 s, 40 s, 80 s, 160 s and is capped at 300 s', () => {
    // A container that dies two seconds after every start.
    const waits = crashLoop(Array(10).fill(2)).map((r) => r.wait);
    expect(waits).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300, 300]);
  });

  it('counts restarts and places them on a timeline', () => {
    const [first, second, third] = crashLoop([5, 5, 5]);
    expect(first).toMatchObject({ restartCount: 1, startedAt: 0, crashedAt: 5, restartedAt: 5 });
    expect(second).toMatchObject({ restartCount: 2, startedAt: 5, crashedAt: 10, restartedAt: 20 });
    expect(third).toMatchObject({ restartCount: 3, startedAt: 20, crashedAt: 25, restartedAt: 45 });
  });

  it('starts over after a run of more than ten minutes', () => {
    const restarts = crashLoop([1, 1, 1, 1, 601, 1, 1]);
    expect(restarts.map((r) => r.wait)).toEqual([0, 10, 20, 40, 0, 10, 20]);
    expect(restarts.map((r) => r.reset)).toEqual([false, false, false, false, true, false, false]);
  });

  it('keeps the back-off after a run just short of ten minutes', () => {
    expect(crashLoop([1, 1, 1, 599, 1]).map((r) => r.wait)).toEqual([0, 10, 20, 40, 80]);
  });

  it('treats nonsense run lengths as an immediate crash', () => {
    const restarts = crashLoop([Number.NaN, -5, Infinity]);
    expect(restarts.map((r) => r.crashedAt)).toEqual([0, 0, 10]);
    expect(restarts.map((r) => r.wait)).toEqual([0, 10, 20]);
  });

  it('words the waiting message as the kubelet does', () => {
    // kuberuntime_manager.go: "back-off %s restarting failed container=%s pod=%s" with format.Pod(pod), i.e.
    // "%s_%s(%s)" of name, namespace and UID; the wait is a Go time.Duration.
    const pod = { name: 'web-1', namespace: 'default', uid: '0b5e6d2c-1f3a-4c8e-9d7b-2a6f8e4c1b90' };
    expect(backOffMessage(40, 'web', pod)).toBe('back-off 40s restarting failed container=web pod=web-1_default(0b5e6d2c-1f3a-4c8e-9d7b-2a6f8e4c1b90)');
    expect(backOffMessage(300, 'web', pod)).toBe('back-off 5m0s restarting failed container=web pod=web-1_default(0b5e6d2c-1f3a-4c8e-9d7b-2a6f8e4c1b90)');
    expect(backOffMessage(160, 'app', { ...pod, namespace: 'shop' })).toBe(
      'back-off 2m40s restarting failed container=app pod=web-1_shop(0b5e6d2c-1f3a-4c8e-9d7b-2a6f8e4c1b90)',
    );
  });
});

describe('the figure and input at the model edge', () => {
  it('shows twelve restarts; run 6 lasting eleven minutes resets the back-off', () => {
    expect(figureRestarts(5, false).map((r) => r.wait)).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300, 300, 300, 300]);
    expect(figureRestarts(5, true).map((r) => r.wait)).toEqual([0, 10, 20, 40, 80, 0, 10, 20, 40, 80, 160, 300]);
  });

  it('clamps the run length to the slider range of 1 s to 5 min; nonsense is 5 s', () => {
    expect(figureRestarts(Number.NaN, false)[0]!.crashedAt).toBe(5);
    expect(figureRestarts(-10, false)[0]!.crashedAt).toBe(1);
    expect(figureRestarts(1e9, false)[0]!.crashedAt).toBe(300);
  });

  it('caps a list of runs and a single run, so no input loops without end or overflows the timeline', () => {
    expect(crashLoop(Array(1e6).fill(1))).toHaveLength(MAX_RUNS);
    // A run longer than a day is a day: the back-off is forgotten either way.
    const [, second] = crashLoop([1, 1e300]);
    expect(second!.crashedAt).toBe(1 + 86_400);
    expect(second!.reset).toBe(true);
  });

  it('writes a nonsense duration as 0s, as Go prints a zero Duration', () => {
    expect(formatDuration(Number.NaN)).toBe('0s');
    expect(formatDuration(-3)).toBe('0s');
    // Go's time.Duration.String above an hour, as the figure's later restarts reach it.
    expect(formatDuration(3600)).toBe('1h0m0s');
    expect(formatDuration(5710)).toBe('1h35m10s');
    expect(formatDuration(300)).toBe('5m0s');
  });
});

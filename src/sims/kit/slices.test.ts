import { describe, expect, it } from 'vitest';
import { atMostEvery, runInSlices } from './slices.ts';

describe('runInSlices', () => {
  it('gives control back between slices and reports completion once', async () => {
    let steps = 0;
    const reports: boolean[] = [];
    let timerRanBetweenSlices = false;
    const finished = new Promise<void>((resolve) => {
      runInSlices(
        () => {
          const spin = performance.now();
          while (performance.now() - spin < 1); // one step costs about 1 ms
          return ++steps >= 30;
        },
        (done) => {
          reports.push(done);
          if (done) resolve();
        },
        4,
      );
    });
    setTimeout(() => (timerRanBetweenSlices = true), 0);
    await finished;
    expect(steps).toBe(30);
    expect(reports.length).toBeGreaterThan(3);
    expect(reports.filter(Boolean)).toHaveLength(1);
    expect(timerRanBetweenSlices).toBe(true);
  });

  it('stops when cancelled', async () => {
    let steps = 0;
    const cancel = runInSlices(
      () => (++steps, false),
      () => {},
      1,
    );
    await new Promise((r) => setTimeout(r, 20));
    cancel();
    const at = steps;
    await new Promise((r) => setTimeout(r, 20));
    expect(steps).toBe(at);
  });
});

describe('atMostEvery', () => {
  it('passes the first report, then one per interval, and always the last', () => {
    let clock = 0;
    const passed: [number, boolean][] = [];
    const report = atMostEvery(
      100,
      (done) => passed.push([clock, done]),
      () => clock,
    );
    for (clock = 0; clock <= 250; clock += 10) report(false);
    clock = 255;
    report(true);
    expect(passed).toEqual([
      [0, false],
      [100, false],
      [200, false],
      [255, true],
    ]);
  });
});

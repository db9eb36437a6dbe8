import { describe, expect, it } from 'vitest';
import {
  INITIAL_REQUESTS,
  slotsOf,
  MAX_REQUESTS,
  WARMUP_REQUESTS,
  WINDOW,
  advance,
  hitRatio,
  newExperiment,
  workloadConfig,
  type ExperimentSettings,
} from './bufferPoolExperiment.ts';
import { WorkloadRun, runWorkload } from './workload.ts';

const settings: ExperimentSettings = { oldBlocksTimeMs: 1000, oldBlocksPct: 37, fetchShare: 0.05, blobPages: 16 };

describe('the eviction experiment', () => {
  it('plots each lane per window of requests, the same points a run of the workload alone gives', () => {
    const experiment = advance(newExperiment(settings), 2 * WINDOW);
    expect(experiment.requests).toBe(INITIAL_REQUESTS + 2 * WINDOW);
    for (const design of ['inline', 'pointer'] as const) {
      const alone = runWorkload(workloadConfig(design, settings), experiment.requests, WINDOW, WARMUP_REQUESTS);
      const lane = experiment.lanes[design];
      expect(lane.series.map(([requests]) => requests)).toEqual([100, 200, 300, 400, 500]);
      expect(lane.series.map(([, percent]) => percent / 100)).toEqual(alone.series.map(([, ratio]) => ratio));
      expect(lane.readRequests).toBe(alone.readRequests);
      expect(hitRatio(lane)).toBeCloseTo(alone.hitRatio, 12);
    }
  });

  it('feeds both pools the same requests: without log fetches the two designs cannot differ', () => {
    const experiment = advance(newExperiment({ ...settings, fetchShare: 0 }), 1000);
    const { inline, pointer } = experiment.lanes;
    expect(inline.series).toEqual(pointer.series);
    expect(inline.reads).toBe(pointer.reads);
    // With 5% of requests reading a 16-page log inline, the inline pool reads far more pages from disk.
    const fetching = advance(newExperiment(settings), 1000).lanes;
    expect(fetching.inline.reads).toBeGreaterThan(2 * fetching.pointer.reads);
  });

  it('marks what the last step read in and evicted, and nothing older', () => {
    const experiment = advance(newExperiment(settings), 50);
    const lane = experiment.lanes.inline;
    for (const page of lane.entered) expect(lane.run.pool.contains(page)).toBe(true);
    for (const page of lane.evicted) expect(lane.run.pool.contains(page) && !lane.entered.has(page)).toBe(false);
    const evictionsBefore = lane.run.pool.evictions;
    advance(experiment, 10);
    expect(lane.evicted.length).toBeLessThanOrEqual(lane.run.pool.evictions - evictionsBefore);
  });

  it('lists a page the step evicted once, and only if it is out of the pool at the end of the step', () => {
    // Every request opens a 64-page log in a 128-page pool: pages come and go within a single step.
    const experiment = newExperiment({ oldBlocksTimeMs: 0, oldBlocksPct: 5, fetchShare: 1, blobPages: 64 });
    for (let i = 0; i < 50; i++) {
      const lane = advance(experiment, 10).lanes.inline;
      expect(new Set(lane.evicted).size).toBe(lane.evicted.length);
      for (const page of lane.evicted) expect(lane.run.pool.contains(page)).toBe(false);
    }
  });

  it('counts evictions from the end of the warm-up, as it counts page reads', () => {
    const experiment = newExperiment(settings);
    for (const lane of Object.values(experiment.lanes)) {
      const warm = new WorkloadRun(workloadConfig(lane.run.config.design, settings));
      for (let i = 0; i < WARMUP_REQUESTS; i++) warm.next({ lookupsOnly: true });
      expect(lane.evictions).toBe(lane.run.pool.evictions - warm.pool.evictions);
      // Once the pool is full every page read from disk evicts one, and the warm-up filled it.
      expect(lane.evictions).toBe(lane.reads);
    }
  });

  it('places every page of the pool once, numbered from the head of its sublist, and the places change as requests run', () => {
    const experiment = advance(newExperiment(settings), 200);
    const list = experiment.lanes.inline.run.pool.list();
    const slots = slotsOf(list);
    expect(slots.pages.size).toBe(list.length);
    const old = list.filter((f) => f.old).length;
    expect(slots.young).toBe(list.length - old);
    expect(
      [...slots.pages.values()]
        .filter((s) => !s.old)
        .map((s) => s.at)
        .sort((a, b) => a - b),
    ).toEqual([...Array(slots.young).keys()]);
    expect(
      [...slots.pages.values()]
        .filter((s) => s.old)
        .map((s) => s.at)
        .sort((a, b) => a - b),
    ).toEqual([...Array(old).keys()]);
    expect(slots.pages.get(list[0]!.page)).toEqual({ old: false, at: 0 });
    advance(experiment, 50);
    expect(slotsOf(experiment.lanes.inline.run.pool.list())).not.toEqual(slots);
  });

  it('remembers where each page sat before the last step and where it sits after, so the figure can move it', () => {
    const experiment = advance(newExperiment(settings), 100);
    const lane = experiment.lanes.inline;
    // Read the list before and after one step ourselves, frame by frame.
    const heads = (old: boolean) =>
      lane.run.pool
        .list()
        .filter((f) => f.old === old)
        .map((f) => f.page);
    const youngBefore = heads(false);
    const oldBefore = heads(true);
    const chart = lane.series;
    advance(experiment, 10);
    for (const [i, page] of youngBefore.entries()) expect(lane.placesBefore.pages.get(page)).toEqual({ old: false, at: i });
    for (const [i, page] of oldBefore.entries()) expect(lane.placesBefore.pages.get(page)).toEqual({ old: true, at: i });
    for (const [i, page] of heads(false).entries()) expect(lane.places.pages.get(page)).toEqual({ old: false, at: i });
    for (const [i, page] of heads(true).entries()) expect(lane.places.pages.get(page)).toEqual({ old: true, at: i });
    // A page new to the list was read in by this step; a page gone from it was evicted by this step.
    for (const page of lane.places.pages.keys()) if (!lane.placesBefore.pages.has(page)) expect(lane.entered.has(page)).toBe(true);
    for (const page of lane.placesBefore.pages.keys()) if (!lane.places.pages.has(page)) expect(lane.evicted).toContain(page);
    // Ten requests cannot finish a window of 100 that started at 400: the chart's points are the same array.
    expect(lane.series).toBe(chart);
    advance(experiment, 90);
    expect(lane.series).not.toBe(chart);
    expect(lane.series.at(-1)![0]).toBe(INITIAL_REQUESTS + 200);
  });

  it('stops at MAX_REQUESTS however far it is asked to go', () => {
    const experiment = advance(newExperiment(settings), MAX_REQUESTS + 5000);
    expect(experiment.requests).toBe(MAX_REQUESTS);
    expect(experiment.lanes.inline.series.length).toBeLessThanOrEqual(300);
  });
});

import { describe, expect, it } from 'vitest';
import { INITIAL_REQUESTS, slotsOf, MAX_REQUESTS, WARMUP_REQUESTS, WINDOW, advance, hitRatio, newExperiment, workloadConfig, type ExperimentSettings } from './bufferPoolExperiment.ts';
import { runWorkload } from './workload.ts';

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
    expect(lane.evicted.length).toBe(lane.run.pool.evictions - evictionsBefore);
  });

  it('remembers where each page sat before the last step: every page now in the pool was there or was read in', () => {
    const experiment = advance(newExperiment(settings), 200);
    const lane = experiment.lanes.inline;
    const previous = slotsOf(lane.run.pool.list());
    advance(experiment, 10);
    expect(lane.before).toEqual(previous);
    expect(lane.before.pages.size).toBe(lane.run.pool.capacity);
    for (const f of lane.run.pool.list()) expect(lane.before.pages.has(f.page) || lane.entered.has(f.page)).toBe(true);
    for (const page of lane.evicted) expect(lane.before.pages.has(page) || !lane.run.pool.contains(page)).toBe(true);
    // Over a few steps the list changes: pages are read in, move along it, or leave it.
    const now = slotsOf(lane.run.pool.list());
    advance(experiment, 50);
    expect(slotsOf(lane.run.pool.list())).not.toEqual(now);
  });

  it('stops at MAX_REQUESTS however far it is asked to go', () => {
    const experiment = advance(newExperiment(settings), MAX_REQUESTS + 5000);
    expect(experiment.requests).toBe(MAX_REQUESTS);
    expect(experiment.lanes.inline.series.length).toBeLessThanOrEqual(300);
  });
});

/**
 * The article's eviction figure as a model: one buffer pool per design (logs inline, logs as
 * pointers), fed the same requests in lockstep, each lane keeping its hit ratio per window of
 * requests (the workload's own windowing) and what the last step read in and evicted.
 */
import { FIGURE_WARMUP_REQUESTS, FIGURE_WORKLOAD } from './bufferPoolFigure.ts';
import { HitRatioWindow, WorkloadRun, type Design, type WorkloadConfig } from './workload.ts';
import type { Frame, PageId } from './bufferPool.ts';

/** The reader's settings: innodb_old_blocks_time and _pct, the share of requests that open a log, its size in pages. */
export interface ExperimentSettings {
  oldBlocksTimeMs: number;
  oldBlocksPct: number;
  fetchShare: number;
  blobPages: number;
}

export const ROWS = FIGURE_WORKLOAD.rows;
/** Lookups alone first, as before the logs were added (the figure's warm-up). */
export const WARMUP_REQUESTS = FIGURE_WARMUP_REQUESTS;
/** Requests in the opening picture, after the warm-up. */
export const INITIAL_REQUESTS = 300;
export const REQUESTS_PER_STEP = 10;
export const WINDOW = 100;
export const MAX_REQUESTS = 30_000;
/** Points kept per line: enough for the chart, bounded however long the reader plays. */
const MAX_POINTS = 300;

export interface Lane {
  run: WorkloadRun;
  windows: HitRatioWindow;
  /** [requests, hit ratio in % over the window ending there]; a new array whenever a point is added, so a chart can tell. */
  series: readonly [number, number][];
  /** Pages read in from disk during the last step and still in the pool. */
  entered: Set<string>;
  /** Pages the last step evicted and that are out of the pool at its end, each once, in the order they last left. */
  evicted: string[];
  /** Where each page sat on the list before the last step, and where it sits after: the figure moves each from one to the other. */
  placesBefore: Slots;
  places: Slots;
  /** Page reads requested, page reads from disk and evictions, counted from the end of the warm-up. */
  readRequests: number;
  reads: number;
  evictions: number;
}

/** A page's place on the LRU list: its sublist, and its position from that sublist's head. */
export interface Slot {
  old: boolean;
  at: number;
}

export interface Slots {
  pages: Map<PageId, Slot>;
  young: number;
}

/** The place of every page on the list, head first: where the figure draws each one. */
export function slotsOf(list: readonly Frame[]): Slots {
  const pages = new Map<PageId, Slot>();
  let young = 0;
  let old = 0;
  for (const f of list) pages.set(f.page, f.old ? { old: true, at: old++ } : { old: false, at: young++ });
  return { pages, young };
}

export interface Experiment {
  lanes: Record<Design, Lane>;
  requests: number;
}

export function workloadConfig(design: Design, settings: ExperimentSettings): Partial<WorkloadConfig> {
  return { design, ...FIGURE_WORKLOAD, ...settings };
}

/** A warmed-up experiment that has served INITIAL_REQUESTS, the last REQUESTS_PER_STEP as one ordinary step. */
export function newExperiment(settings: ExperimentSettings): Experiment {
  const lane = (design: Design): Lane => {
    const run = new WorkloadRun(workloadConfig(design, settings));
    for (let i = 0; i < WARMUP_REQUESTS; i++) run.next({ lookupsOnly: true });
    const places = slotsOf(run.pool.list());
    return {
      run,
      windows: new HitRatioWindow(WINDOW),
      series: [],
      entered: new Set(),
      evicted: [],
      placesBefore: places,
      places,
      readRequests: 0,
      reads: 0,
      evictions: 0,
    };
  };
  const experiment: Experiment = { lanes: { inline: lane('inline'), pointer: lane('pointer') }, requests: 0 };
  // The last stretch as one ordinary step, so the first picture already marks what entered and left.
  advance(experiment, INITIAL_REQUESTS - REQUESTS_PER_STEP);
  advance(experiment, REQUESTS_PER_STEP);
  return experiment;
}

/** Serves up to `requests` more requests (never past MAX_REQUESTS) to both pools; mutates and returns `experiment`. */
export function advance(experiment: Experiment, requests: number): Experiment {
  const lanes = Object.values(experiment.lanes);
  for (const lane of lanes) {
    lane.entered = new Set();
    lane.evicted = [];
    lane.placesBefore = lane.places;
  }
  for (let i = 0; i < requests && experiment.requests < MAX_REQUESTS; i++) {
    experiment.requests++;
    for (const lane of lanes) {
      const { outcomes } = lane.run.next();
      for (const outcome of outcomes) {
        lane.readRequests++;
        if (outcome.kind !== 'miss') continue;
        lane.reads++;
        lane.entered.add(outcome.page);
        if (outcome.evicted) {
          lane.evictions++;
          lane.entered.delete(outcome.evicted);
          lane.evicted.push(outcome.evicted);
        }
      }
      const ratio = lane.windows.add(outcomes);
      if (ratio !== undefined) lane.series = [...lane.series.slice(-(MAX_POINTS - 1)), [experiment.requests, 100 * ratio]];
    }
  }
  // Once per step, not per drawn frame: the figure moves every page between these two.
  for (const lane of lanes) {
    lane.places = slotsOf(lane.run.pool.list());
    // A page can be evicted, read again and evicted again within a step: it left once, as the figure draws it.
    lane.evicted = [...new Set(lane.evicted.toReversed())].toReversed().filter((page) => !lane.places.pages.has(page));
  }
  return experiment;
}

/** Hit ratio since the warm-up. */
export function hitRatio(lane: Lane): number {
  return lane.readRequests === 0 ? 1 : 1 - lane.reads / lane.readRequests;
}

/**
 * The setup of the article's buffer pool figure, shared by the view and the claims test that recomputes the
 * article's percentages, so the prose and the figure cannot drift apart.
 */
import { DEFAULT_WORKLOAD, type WorkloadConfig } from './workload.ts';

/** 128 pages of pool, 6,000 runs, seed 7; every other field is DEFAULT_WORKLOAD's. */
export const FIGURE_WORKLOAD: Pick<WorkloadConfig, 'seed' | 'rows' | 'poolPages'> = { seed: 7, rows: 6000, poolPages: DEFAULT_WORKLOAD.poolPages };
/** Lookups alone first (15 s of simulated time, enough to fill the pool), as before the logs were added. */
export const FIGURE_WARMUP_REQUESTS = 3000;

/**
 * The article's workload on the buffer pool: a `job_runs` table whose clustered index (a B-tree of
 * 16 KiB pages) is looked up by primary key, recent rows far more often than old ones, and a share
 * of requests that also fetch the run's log. With the log inline, InnoDB keeps it off-page in a
 * chain of overflow pages that the fetch reads one after another through the buffer pool; with a
 * pointer, the row only holds the object's key and the bytes come from object storage.
 */
// The kit's plain-TypeScript modules, not its index (which pulls in .tsx), so the model runs in Node too.
import { clampNumber, mulberry32, pickOne, type NumberRange, type Random } from '../kit/model.ts';
import { BufferPool, OLD_BLOCKS_PCT, type AccessOutcome, type PageId } from './bufferPool.ts';

export type Design = 'inline' | 'pointer';
export const DESIGNS: readonly Design[] = ['inline', 'pointer'];
/** InnoDB's midpoint-insertion list, or a plain LRU list that puts every page read in at the head. */
export type LruPolicy = 'midpoint' | 'plain';
export const LRU_POLICIES: readonly LruPolicy[] = ['midpoint', 'plain'];

export interface WorkloadConfig {
  seed: number;
  design: Design;
  /** The list discipline: the comparison that shows what midpoint insertion is for. */
  lru: LruPolicy;
  /** Pages in the buffer pool. */
  poolPages: number;
  /** innodb_old_blocks_time, ms. */
  oldBlocksTimeMs: number;
  /** innodb_old_blocks_pct. */
  oldBlocksPct: number;
  rows: number;
  /** Rows per leaf page of the clustered index. */
  rowsPerLeaf: number;
  /** Child pointers per internal page. */
  fanout: number;
  /** The most recent rows, as a share of the table, that get most of the traffic. */
  hotRowShare: number;
  /** Share of lookups that go to those recent rows. */
  hotTrafficShare: number;
  /** Share of requests that also fetch the log body. */
  fetchShare: number;
  /** Overflow pages per log (16 KiB each). */
  blobPages: number;
  requestsPerSecond: number;
}

/** A scaled-down shop: 128 pages (2 MiB) of pool, 4,000 runs, 256 KiB logs, 1 request in 20 fetching one. */
export const DEFAULT_WORKLOAD: WorkloadConfig = {
  seed: 1,
  design: 'inline',
  lru: 'midpoint',
  poolPages: 128,
  oldBlocksTimeMs: 1000,
  oldBlocksPct: 37,
  rows: 4000,
  rowsPerLeaf: 40,
  fanout: 50,
  hotRowShare: 0.1,
  hotTrafficShare: 0.9,
  fetchShare: 0.05,
  blobPages: 16,
  requestsPerSecond: 200,
};

type NumericField = { [K in keyof WorkloadConfig]: WorkloadConfig[K] extends number ? K : never }[keyof WorkloadConfig];

/**
 * The one range of every number in the workload, sized so a run fits in a browser tab: the figure's
 * controls take theirs from here, so a slider cannot offer what the model would clamp away.
 * innodb_old_blocks_time reaches 3 s (three times InnoDB's default, past which the figure shows nothing new);
 * a log reaches 64 pages (1 MiB), half the figure's pool.
 */
export const WORKLOAD_RANGES: Record<NumericField, Omit<NumberRange, 'fallback'>> = {
  seed: { min: 0, max: 2 ** 31, integer: true },
  poolPages: { min: 8, max: 4096, integer: true },
  oldBlocksTimeMs: { min: 0, max: 3000, integer: true },
  oldBlocksPct: { ...OLD_BLOCKS_PCT, integer: true },
  rows: { min: 10, max: 1_000_000, integer: true },
  rowsPerLeaf: { min: 1, max: 500, integer: true },
  fanout: { min: 2, max: 1200, integer: true },
  hotRowShare: { min: 0.001, max: 1 },
  hotTrafficShare: { min: 0, max: 1 },
  fetchShare: { min: 0, max: 1 },
  blobPages: { min: 1, max: 64, integer: true },
  requestsPerSecond: { min: 1, max: 100_000 },
};

/** Every number clamped to its range in WORKLOAD_RANGES (non-numbers take the default); unknown names take the default. */
export function normaliseWorkload(input: Partial<Record<keyof WorkloadConfig, unknown>>): WorkloadConfig {
  const d = DEFAULT_WORKLOAD;
  const n = (key: NumericField) => clampNumber(input[key], { ...WORKLOAD_RANGES[key], fallback: d[key] });
  return {
    seed: n('seed'),
    design: pickOne(input.design, DESIGNS, d.design),
    lru: pickOne(input.lru, LRU_POLICIES, d.lru),
    poolPages: n('poolPages'),
    oldBlocksTimeMs: n('oldBlocksTimeMs'),
    oldBlocksPct: n('oldBlocksPct'),
    rows: n('rows'),
    rowsPerLeaf: n('rowsPerLeaf'),
    fanout: n('fanout'),
    hotRowShare: n('hotRowShare'),
    hotTrafficShare: n('hotTrafficShare'),
    fetchShare: n('fetchShare'),
    blobPages: n('blobPages'),
    requestsPerSecond: n('requestsPerSecond'),
  };
}

export type PageKind = 'root' | 'internal' | 'leaf' | 'overflow';

export function pageKind(page: PageId): PageKind {
  if (page === 'root') return 'root';
  if (page.startsWith('int:')) return 'internal';
  if (page.startsWith('leaf:')) return 'leaf';
  return 'overflow';
}

export interface Request {
  kind: 'lookup' | 'fetch';
  row: number;
  atMs: number;
  outcomes: AccessOutcome[];
}

/** The pages a primary-key lookup of `row` reads, root first: a three-level B-tree. */
export function lookupPath(config: WorkloadConfig, row: number): PageId[] {
  const leaf = Math.floor(row / config.rowsPerLeaf);
  return ['root', `int:${Math.floor(leaf / config.fanout)}`, `leaf:${leaf}`];
}

/** The overflow pages holding row `row`'s log, in chain order. */
export function overflowChain(config: WorkloadConfig, row: number): PageId[] {
  return Array.from({ length: config.blobPages }, (_, i) => `ovf:${row}:${i}`);
}

/** Reading one page after another in a chain takes simulated time too; 0.05 ms per page. */
const PAGE_STEP_MS = 0.05;
/** A scan reads row after row; 0.01 ms per row, so a leaf's rows are read well within old_blocks_time. */
const ROW_STEP_MS = 0.01;

/** The index pages the recent runs' lookups read: root, their internal pages and their leaves. */
export function hotIndexPages(config: WorkloadConfig): PageId[] {
  const hotRows = Math.max(1, Math.round(config.rows * config.hotRowShare));
  const pages = new Set<PageId>();
  for (let row = config.rows - hotRows; row < config.rows; row++) for (const page of lookupPath(config, row)) pages.add(page);
  return [...pages];
}

export class WorkloadRun {
  readonly config: WorkloadConfig;
  readonly pool: BufferPool;
  private readonly random: Random;
  clockMs = 0;
  requests = 0;

  constructor(config: Partial<WorkloadConfig> = {}) {
    this.config = normaliseWorkload({ ...DEFAULT_WORKLOAD, ...config });
    this.pool = new BufferPool({
      capacity: this.config.poolPages,
      oldBlocksPct: this.config.oldBlocksPct,
      oldBlocksTimeMs: this.config.oldBlocksTimeMs,
      // The pool is scaled down, so the 512-page floor of the real server would switch midpoint
      // insertion off; the model keeps the sublists at any size. A plain LRU never splits its list.
      oldListMinLength: this.config.lru === 'plain' ? Number.POSITIVE_INFINITY : 0,
    });
    this.random = mulberry32(this.config.seed);
  }

  private pickRow(): number {
    const { rows, hotRowShare, hotTrafficShare } = this.config;
    const hotRows = Math.max(1, Math.round(rows * hotRowShare));
    // Auto-increment keys: the most recent runs are the last rows of the table, on the last leaves.
    if (this.random() < hotTrafficShare) return rows - 1 - Math.floor(this.random() * hotRows);
    return Math.floor(this.random() * rows);
  }

  /**
   * The next request of the workload, applied to the pool. `lookupsOnly` serves the lookups alone,
   * as the application did before logs were added, to warm the pool the way production would be.
   */
  next({ lookupsOnly = false }: { lookupsOnly?: boolean } = {}): Request {
    const c = this.config;
    const row = this.pickRow();
    const fetch = this.random() < c.fetchShare && !lookupsOnly;
    const atMs = this.clockMs;
    const outcomes = lookupPath(c, row).map((page) => this.pool.access(page, atMs));
    if (fetch && c.design === 'inline') {
      overflowChain(c, row).forEach((page, i) => outcomes.push(this.pool.access(page, atMs + i * PAGE_STEP_MS)));
    }
    this.requests++;
    this.clockMs += 1000 / c.requestsPerSecond;
    return { kind: fetch ? 'fetch' : 'lookup', row, atMs, outcomes };
  }

  /**
   * A report reading rows `from` to `to` (exclusive) in key order, what midpoint insertion was
   * designed against: each leaf page is read once per row it holds, one row after another, so every
   * page is accessed several times within a millisecond and then not again.
   */
  scan(from = 0, to = this.config.rows): AccessOutcome[] {
    const c = this.config;
    const outcomes: AccessOutcome[] = [];
    let previous: PageId[] = [];
    const [first, last] = [Math.max(0, Math.floor(from)), Math.min(c.rows, Math.floor(to))];
    for (let row = first; row < last; row++) {
      const path = lookupPath(c, row);
      // The cursor descends once and then walks the leaves; it reads a new internal page only when it reaches one.
      for (const page of path) if (page.startsWith('leaf:') || !previous.includes(page)) outcomes.push(this.pool.access(page, this.clockMs));
      previous = path;
      this.clockMs += ROW_STEP_MS;
    }
    return outcomes;
  }
}

export interface ScanDamage {
  lru: LruPolicy;
  oldBlocksTimeMs: number;
  /** hotIndexPages in the pool just before the scan, and just after it. */
  hotPagesBefore: number;
  hotPagesAfter: number;
  /** Hit ratio of the lookups that follow the scan, over `afterRequests` requests. */
  hitRatioAfter: number;
}

/**
 * The experiment midpoint insertion is for: warm the pool with lookups, run a report that reads
 * every older run once (all but the recent rows the lookups favour), then serve lookups again and
 * see what the scan cost them.
 */
export function scanDamage(config: Partial<WorkloadConfig>, { warmupRequests = 3000, afterRequests = 500 } = {}): ScanDamage {
  const run = new WorkloadRun(config);
  const hot = hotIndexPages(run.config);
  for (let i = 0; i < Math.min(warmupRequests, 200_000); i++) run.next({ lookupsOnly: true });
  const hotPagesBefore = hot.filter((page) => run.pool.contains(page)).length;
  run.scan(0, run.config.rows - Math.max(1, Math.round(run.config.rows * run.config.hotRowShare)));
  const hotPagesAfter = hot.filter((page) => run.pool.contains(page)).length;
  const { readRequests, reads } = run.pool;
  for (let i = 0; i < Math.min(afterRequests, 200_000); i++) run.next({ lookupsOnly: true });
  const requested = run.pool.readRequests - readRequests;
  return {
    lru: run.config.lru,
    oldBlocksTimeMs: run.config.oldBlocksTimeMs,
    hotPagesBefore,
    hotPagesAfter,
    hitRatioAfter: requested === 0 ? 1 : 1 - (run.pool.reads - reads) / requested,
  };
}

/**
 * The hit ratio per window of `size` requests: the "hit ratio over time" lines. Each request's page
 * accesses are added; the request that completes a window gets that window's hit ratio back.
 */
export class HitRatioWindow {
  private requests = 0;
  private accesses = 0;
  private misses = 0;
  readonly size: number;

  constructor(size: number) {
    this.size = clampNumber(size, { min: 1, max: 100_000, fallback: 200, integer: true });
  }

  add(outcomes: readonly AccessOutcome[]): number | undefined {
    this.requests++;
    for (const outcome of outcomes) {
      this.accesses++;
      if (outcome.kind === 'miss') this.misses++;
    }
    if (this.requests % this.size !== 0) return undefined;
    const ratio = 1 - this.misses / this.accesses;
    this.accesses = 0;
    this.misses = 0;
    return ratio;
  }
}

export interface RunSummary {
  design: Design;
  readRequests: number;
  reads: number;
  hitRatio: number;
  /** [seconds of simulated time, hit ratio within that window]. */
  series: [number, number][];
  overflowReadRequests: number;
  /** Hit ratio of the index pages alone (root, internal, leaf): what the hot path feels. */
  indexHitRatio: number;
}

/**
 * Runs `requests` requests (capped at 200,000), after `warmupRequests` lookups that are not
 * counted, and reports the hit ratio per window of `window` requests: the "hit ratio over time"
 * lines of the article's figure.
 */
export function runWorkload(config: Partial<WorkloadConfig>, requests: number, window = 200, warmupRequests = 0): RunSummary {
  const run = new WorkloadRun(config);
  const total = clampNumber(requests, { min: 0, max: 200_000, fallback: 0, integer: true });
  const windows = new HitRatioWindow(window);
  // Lookups alone first, as before logs were added; the counters start after them, as the figure's do.
  const warmup = clampNumber(warmupRequests, { min: 0, max: 200_000, fallback: 0, integer: true });
  for (let i = 0; i < warmup; i++) run.next({ lookupsOnly: true });
  const startRequests = run.pool.readRequests;
  const startReads = run.pool.reads;
  const series: [number, number][] = [];
  let overflowReadRequests = 0;
  let indexRequests = 0;
  let indexReads = 0;
  for (let i = 0; i < total; i++) {
    const { outcomes } = run.next();
    for (const outcome of outcomes) {
      if (pageKind(outcome.page) === 'overflow') overflowReadRequests++;
      else {
        indexRequests++;
        if (outcome.kind === 'miss') indexReads++;
      }
    }
    const ratio = windows.add(outcomes);
    if (ratio !== undefined) series.push([run.clockMs / 1000, ratio]);
  }
  return {
    design: run.config.design,
    readRequests: run.pool.readRequests - startRequests,
    reads: run.pool.reads - startReads,
    hitRatio: run.pool.readRequests === startRequests ? 1 : 1 - (run.pool.reads - startReads) / (run.pool.readRequests - startRequests),
    series,
    overflowReadRequests,
    indexHitRatio: indexRequests === 0 ? 1 : 1 - indexReads / indexRequests,
  };
}

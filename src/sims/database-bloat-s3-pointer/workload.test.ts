import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKLOAD, WorkloadRun, hotIndexPages, lookupPath, normaliseWorkload, overflowChain, pageKind, runWorkload, scanDamage } from './workload.ts';

describe('the pages each request reads', () => {
  it('a lookup reads root, one internal page and the leaf holding the row', () => {
    const c = { ...DEFAULT_WORKLOAD, rowsPerLeaf: 40, fanout: 50 };
    expect(lookupPath(c, 0)).toEqual(['root', 'int:0', 'leaf:0']);
    expect(lookupPath(c, 3999)).toEqual(['root', 'int:1', 'leaf:99']);
    expect(lookupPath(c, 2000)).toEqual(['root', 'int:1', 'leaf:50']);
  });

  it('an inline fetch adds the whole overflow chain; a pointer fetch adds nothing', () => {
    for (const design of ['inline', 'pointer'] as const) {
      const run = new WorkloadRun({ design, fetchShare: 1, blobPages: 16 });
      const request = run.next();
      expect(request.kind).toBe('fetch');
      const pages = request.outcomes.map((o) => o.page);
      expect(pages.slice(0, 3)).toEqual(lookupPath(run.config, request.row));
      expect(pages.slice(3)).toEqual(design === 'inline' ? overflowChain(run.config, request.row) : []);
    }
  });

  it('serves lookups alone while warming up, using the same random stream', () => {
    const warm = new WorkloadRun({ design: 'inline', fetchShare: 0.5 });
    const plain = new WorkloadRun({ design: 'inline', fetchShare: 0.5 });
    for (let i = 0; i < 500; i++) {
      const w = warm.next({ lookupsOnly: true });
      const p = plain.next();
      expect(w.kind).toBe('lookup');
      expect(w.outcomes).toHaveLength(3);
      expect(w.row).toBe(p.row);
    }
  });

  it('names page kinds', () => {
    expect(['root', 'int:3', 'leaf:9', 'ovf:1:2'].map(pageKind)).toEqual(['root', 'internal', 'leaf', 'overflow']);
  });
});

describe('the workload shape', () => {
  it('sends the configured share of lookups to the most recent rows (within 4 standard deviations)', () => {
    const run = new WorkloadRun({ hotRowShare: 0.1, hotTrafficShare: 0.9 });
    const n = 20_000;
    let hot = 0;
    for (let i = 0; i < n; i++) if (run.next().row >= 3600) hot++;
    // A uniform pick also lands on a recent row 10% of the time: p = 0.9 + 0.1 * 0.1.
    const p = 0.91;
    expect(Math.abs(hot - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
  });

  it('makes overflow pages the expected share of page reads when logs are inline', () => {
    const summary = runWorkload({ design: 'inline', fetchShare: 0.05, blobPages: 16 }, 20_000);
    // Each request reads 3 index pages, and with probability 0.05 also 16 overflow pages.
    const expected = (0.05 * 16) / (3 + 0.05 * 16);
    const share = summary.overflowReadRequests / summary.readRequests;
    expect(share).toBeGreaterThan(expected * 0.9);
    expect(share).toBeLessThan(expected * 1.1);
  });

  it('repeats exactly under the same seed and differs under another', () => {
    expect(runWorkload({ seed: 5 }, 3000)).toEqual(runWorkload({ seed: 5 }, 3000));
    expect(runWorkload({ seed: 6 }, 3000).reads).not.toBe(runWorkload({ seed: 5 }, 3000).reads);
  });

  it('misses exactly once per distinct page when the pool holds everything', () => {
    const run = new WorkloadRun({ design: 'inline', rows: 400, blobPages: 4, poolPages: 4096, fetchShare: 0.2 });
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) for (const o of run.next().outcomes) seen.add(o.page);
    expect(run.pool.reads).toBe(seen.size);
  });
});

describe('what the article claims', () => {
  it('inline logs drag the hit ratio down to roughly the index share of reads; pointers stay near 100%', () => {
    const inline = runWorkload({ design: 'inline' }, 20_000);
    const pointer = runWorkload({ design: 'pointer' }, 20_000);
    expect(pointer.hitRatio).toBeGreaterThan(0.99);
    // Overflow pages are read once per fetch and rarely again before eviction, so nearly all of
    // them miss: the ratio cannot beat the index pages' share of read requests by much.
    const indexShare = 1 - inline.overflowReadRequests / inline.readRequests;
    expect(inline.hitRatio).toBeLessThan(indexShare);
    expect(pointer.hitRatio - inline.hitRatio).toBeGreaterThan(0.15);
  });

  it('the churn of overflow pages also costs the index pages hits', () => {
    const inline = runWorkload({ design: 'inline' }, 20_000);
    const pointer = runWorkload({ design: 'pointer' }, 20_000);
    expect(inline.indexHitRatio).toBeLessThan(pointer.indexHitRatio);
  });

  it('once the pool is warm, never lets an overflow page read once into the young sublist', () => {
    const run = new WorkloadRun({ design: 'inline' });
    // While the list is still filling, pages land in the young sublist whatever they are.
    while (run.pool.size < run.pool.capacity) run.next();
    const warmUntil = run.clockMs;
    for (let i = 0; i < 20_000; i++) run.next();
    const lateOverflowInYoung = run.pool.list().filter((f) => !f.old && pageKind(f.page) === 'overflow' && f.firstAccessMs >= warmUntil);
    expect(lateOverflowInYoung).toEqual([]);
    expect(run.pool.evictions).toBeGreaterThan(10_000);
  });

  it('reports one window per 200 requests, on the simulated clock', () => {
    const summary = runWorkload({ requestsPerSecond: 200 }, 2000, 200);
    expect(summary.series.map(([t]) => t)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const [, ratio] of summary.series) expect(ratio).toBeGreaterThanOrEqual(0);
  });
});

describe('bad input', () => {
  it('clamps nonsense to ranges the simulation can run', () => {
    const c = normaliseWorkload({ poolPages: -5, fetchShare: Number.NaN, blobPages: 1e9, design: '<script>', rows: 'many' });
    expect(c.poolPages).toBe(8);
    expect(c.fetchShare).toBe(DEFAULT_WORKLOAD.fetchShare);
    expect(c.blobPages).toBe(64);
    expect(c.design).toBe('inline');
    expect(c.rows).toBe(DEFAULT_WORKLOAD.rows);
  });

  it("holds the figure's settings to one range: old_blocks_time 0 to 3000 ms, old_blocks_pct 5 to 95, logs of 1 to 64 pages", () => {
    const low = normaliseWorkload({ oldBlocksTimeMs: -10, oldBlocksPct: 0, fetchShare: -1, blobPages: 0 });
    expect([low.oldBlocksTimeMs, low.oldBlocksPct, low.fetchShare, low.blobPages]).toEqual([0, 5, 0, 1]);
    const high = normaliseWorkload({ oldBlocksTimeMs: 1e9, oldBlocksPct: 100, fetchShare: 3, blobPages: 65 });
    expect([high.oldBlocksTimeMs, high.oldBlocksPct, high.fetchShare, high.blobPages]).toEqual([3000, 95, 1, 64]);
    const nan = normaliseWorkload({ oldBlocksTimeMs: Number.NaN, oldBlocksPct: 'x', fetchShare: Number.NaN, blobPages: undefined });
    expect([nan.oldBlocksTimeMs, nan.oldBlocksPct, nan.fetchShare, nan.blobPages]).toEqual([1000, 37, 0.05, 16]);
    expect(normaliseWorkload({ blobPages: 2.6 }).blobPages).toBe(3);
  });

  it('caps the number of requests a run may simulate', () => {
    const summary = runWorkload({ fetchShare: 0 }, 1e12, 100_000);
    expect(summary.readRequests).toBe(200_000 * 3);
  });
});

describe('what midpoint insertion protects against (issue 15: the article claimed it for log reads)', () => {
  // The figure's setup: 128 pages, 6,000 runs, 3,000 warm-up lookups.
  const figure = { seed: 7, rows: 6000, poolPages: 128 } as const;

  it('keeps every hot index page through a report that reads the older runs; without the delay or the split, the scan flushes them', () => {
    const kept = scanDamage({ ...figure, design: 'pointer', lru: 'midpoint', oldBlocksTimeMs: 1000 });
    const noDelay = scanDamage({ ...figure, design: 'pointer', lru: 'midpoint', oldBlocksTimeMs: 0 });
    const plain = scanDamage({ ...figure, design: 'pointer', lru: 'plain' });
    expect(kept.hotPagesBefore).toBe(hotIndexPages(normaliseWorkload(figure)).length);
    expect(kept.hotPagesAfter).toBe(kept.hotPagesBefore);
    for (const flushed of [noDelay, plain]) {
      expect(flushed.hotPagesBefore).toBe(kept.hotPagesBefore);
      expect(flushed.hotPagesAfter).toBeLessThan(kept.hotPagesBefore / 4);
      expect(flushed.hitRatioAfter).toBeLessThan(kept.hitRatioAfter);
    }
  });

  it('changes the hit ratio of log reads by about a point at most: logs read once are not what it is for', () => {
    const ratio = (lru: 'midpoint' | 'plain', oldBlocksTimeMs: number) => runWorkload({ ...figure, design: 'inline', lru, oldBlocksTimeMs }, 20_000, 200, 3000);
    const midpoint = ratio('midpoint', 1000);
    const plain = ratio('plain', 1000);
    expect(Math.abs(midpoint.hitRatio - plain.hitRatio)).toBeLessThan(0.02);
    expect(midpoint.hitRatio).toBeLessThan(0.82);
    // Both designs of the list leave inline logs far below pointers.
    expect(runWorkload({ ...figure, design: 'pointer' }, 20_000, 200, 3000).hitRatio - midpoint.hitRatio).toBeGreaterThan(0.15);
  });

  it('a plain LRU list never splits, whatever its length', () => {
    const run = new WorkloadRun({ ...figure, lru: 'plain' });
    for (let i = 0; i < 2000; i++) run.next();
    expect(run.pool.size).toBe(128);
    expect(run.pool.oldSublist()).toEqual([]);
  });

  it('counts from the end of the warm-up, as the figure does', () => {
    const warm = runWorkload({ ...figure, design: 'pointer' }, 1000, 200, 3000);
    const cold = runWorkload({ ...figure, design: 'pointer' }, 1000);
    expect(warm.hitRatio).toBeGreaterThan(cold.hitRatio);
    expect(warm.readRequests).toBe(3000);
  });
});

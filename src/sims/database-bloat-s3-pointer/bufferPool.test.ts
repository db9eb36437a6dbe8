import { describe, expect, it } from 'vitest';
import { BufferPool } from './bufferPool.ts';

/** A pool with InnoDB's rules but a list short enough to follow by eye. */
function smallPool(capacity = 16, extra: Partial<ConstructorParameters<typeof BufferPool>[0]> = {}) {
  return new BufferPool({ capacity, oldListMinLength: 0, ...extra });
}

function fill(pool: BufferPool, prefix: string, count: number, atMs: number): void {
  for (let i = 0; i < count; i++) pool.access(`${prefix}${i}`, atMs);
}

describe('midpoint insertion', () => {
  it('inserts a page read from disk at the head of the old sublist, not at the head of the list', () => {
    const pool = smallPool(16);
    fill(pool, 'a', 16, 0);
    // Make a0..a9 young so that the young sublist is full of pages accessed twice.
    for (let i = 0; i < 10; i++) pool.access(`a${i}`, 5000);
    const headBefore = pool.list()[0]!.page;
    pool.access('new', 6000);
    expect(pool.list()[0]!.page).toBe(headBefore);
    expect(pool.oldSublist()[0]).toBe('new');
    expect(pool.youngSublist()).not.toContain('new');
  });

  it('evicts from the tail of the old sublist', () => {
    const pool = smallPool(8);
    fill(pool, 'p', 8, 0);
    const tail = pool.list().at(-1)!.page;
    const outcome = pool.access('q', 10);
    expect(outcome).toEqual({ kind: 'miss', page: 'q', evicted: tail });
    expect(pool.contains(tail)).toBe(false);
    expect(pool.size).toBe(8);
  });

  it('counts read requests and reads the way InnoDB status variables do', () => {
    const pool = smallPool(4);
    for (const p of ['a', 'b', 'a', 'c', 'a', 'b']) pool.access(p, 0);
    expect(pool.readRequests).toBe(6);
    expect(pool.reads).toBe(3);
    expect(pool.hitRatio()).toBeCloseTo(0.5, 12);
  });
});

describe('innodb_old_blocks_time', () => {
  it('keeps a re-accessed page in the old sublist until old_blocks_time has passed since its first access', () => {
    const pool = smallPool(16, { oldBlocksTimeMs: 1000 });
    fill(pool, 'f', 16, 0);
    pool.access('x', 10_000);
    expect(pool.access('x', 10_999)).toEqual({ kind: 'hit', page: 'x', promoted: false });
    expect(pool.oldSublist()).toContain('x');
    expect(pool.access('x', 11_000)).toEqual({ kind: 'hit', page: 'x', promoted: true });
    expect(pool.list()[0]!.page).toBe('x');
    expect(pool.youngSublist()).toContain('x');
  });

  it('with old_blocks_time 0 promotes on the second access at once', () => {
    const pool = smallPool(16, { oldBlocksTimeMs: 0 });
    fill(pool, 'f', 16, 0);
    pool.access('x', 50);
    expect(pool.access('x', 50)).toMatchObject({ promoted: true });
  });
});

describe('innodb_old_blocks_pct', () => {
  for (const pct of [5, 20, 37, 50, 95]) {
    it(`keeps the old sublist at ${pct}% of the list while pages come and go`, () => {
      const pool = smallPool(200, { oldBlocksPct: pct, oldBlocksTimeMs: 100 });
      let seed = 7;
      const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      for (let t = 0; t < 20_000; t++) {
        pool.access(`p${Math.floor(next() * next() * 600)}`, t);
        if (pool.size >= 20) {
          const expected = (pool.size * pct) / 100;
          expect(Math.abs(pool.oldSublist().length - expected)).toBeLessThanOrEqual(0.5);
        }
      }
      expect(pool.promotions).toBeGreaterThan(0);
      expect(pool.evictions).toBeGreaterThan(0);
    });
  }

  it("clamps the setting to InnoDB's range of 5 to 95", () => {
    expect(new BufferPool({ capacity: 10, oldBlocksPct: 1 }).oldBlocksPct).toBe(5);
    expect(new BufferPool({ capacity: 10, oldBlocksPct: 99 }).oldBlocksPct).toBe(95);
  });

  it('has no old sublist below BUF_LRU_OLD_MIN_LEN (512 pages by default), so new pages go to the head', () => {
    const pool = new BufferPool({ capacity: 600 });
    fill(pool, 'p', 511, 0);
    expect(pool.oldSublist()).toHaveLength(0);
    expect(pool.list()[0]!.page).toBe('p510');
    pool.access('p511', 0);
    expect(pool.size).toBe(512);
    expect(pool.oldSublist()).toHaveLength(Math.round((512 * 37) / 100));
    pool.access('late', 0);
    expect(pool.list()[0]!.page).not.toBe('late');
    expect(pool.oldSublist()[0]).toBe('late');
  });
});

describe('scan resistance', () => {
  it('a full scan much larger than the pool leaves the young sublist untouched', () => {
    const pool = smallPool(100);
    // A hot working set that fills the pool, read again more than a second later: 63 pages are young.
    fill(pool, 'hot', 100, 0);
    for (let i = 0; i < 100; i++) pool.access(`hot${i}`, 2000);
    const youngBefore = pool.youngSublist();
    expect(youngBefore).toHaveLength(63);
    // The scan reads 1000 pages, each several times within a millisecond (one access per row).
    for (let i = 0; i < 1000; i++) {
      for (let row = 0; row < 4; row++) pool.access(`scan${i}`, 3000 + i * 0.5);
    }
    expect(pool.youngSublist()).toEqual(youngBefore);
    expect(pool.oldSublist().every((p) => p.startsWith('scan'))).toBe(true);
  });

  it('without old_blocks_time the same scan does flush the young sublist', () => {
    const pool = smallPool(100, { oldBlocksTimeMs: 0 });
    fill(pool, 'hot', 100, 0);
    for (let i = 0; i < 100; i++) pool.access(`hot${i}`, 2000);
    for (let i = 0; i < 1000; i++) for (let row = 0; row < 4; row++) pool.access(`scan${i}`, 3000 + i * 0.5);
    const survivors = Array.from({ length: 100 }, (_, i) => `hot${i}`).filter((p) => pool.contains(p));
    expect(survivors).toEqual([]);
  });

  it('does not move a young page that is already near the head', () => {
    const pool = smallPool(16);
    fill(pool, 'a', 16, 0);
    for (let i = 0; i < 10; i++) pool.access(`a${i}`, 2000);
    const before = pool.list().map((f) => f.page);
    pool.access(before[0]!, 2100);
    pool.access(before[1]!, 2100);
    expect(pool.list().map((f) => f.page)).toEqual(before);
    const far = pool.youngSublist().at(-1)!;
    pool.access(far, 2200);
    expect(pool.list()[0]!.page).toBe(far);
  });

  it('refuses a pool without pages', () => {
    expect(() => new BufferPool({ capacity: 0 })).toThrow(RangeError);
    expect(() => new BufferPool({ capacity: Number.NaN })).toThrow(RangeError);
  });
});

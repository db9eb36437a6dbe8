/**
 * InnoDB's buffer pool LRU list with midpoint insertion, as the MySQL and MariaDB manuals describe
 * it ("Buffer Pool", "Making the Buffer Pool Scan Resistant"):
 *
 * - The list is split at a midpoint into a young (new) sublist at the head and an old sublist at the
 *   tail. `innodb_old_blocks_pct` (default 37) is the old sublist's share of the list.
 * - A page read from disk is inserted at the midpoint, the head of the old sublist, not at the head.
 * - A page in the old sublist is made young (moved to the head) when it is accessed again, but only
 *   once `innodb_old_blocks_time` ms (default 1000) have passed since its first access; a scan
 *   touches each page several times within a few ms, so its pages never qualify.
 * - Eviction takes the page at the tail of the old sublist.
 *
 * Two details come from the source (storage/innobase/buf): the list has no old sublist until it
 * holds BUF_LRU_OLD_MIN_LEN = 512 pages ("8 megabytes of 16k pages"), and below that new pages go
 * to the head; and a hit on a young page near the head does not move it, to spare the list mutex.
 * InnoDB decides "near" with a clock of evictions; this model uses the first quarter of the young
 * sublist, which is what that clock approximates.
 */

export type PageId = string;

export interface BufferPoolOptions {
  /** Pages the pool holds (InnoDB: innodb_buffer_pool_size / 16 KiB). */
  capacity: number;
  /** innodb_old_blocks_pct: 5 to 95, default 37. */
  oldBlocksPct?: number;
  /** innodb_old_blocks_time in ms, default 1000. */
  oldBlocksTimeMs?: number;
  /** BUF_LRU_OLD_MIN_LEN: below this list length there is no old sublist. InnoDB: 512. */
  oldListMinLength?: number;
}

export interface Frame {
  readonly page: PageId;
  /** When the page was first accessed after being read in (ms on the simulated clock). */
  readonly firstAccessMs: number;
  old: boolean;
}

export type AccessOutcome = { kind: 'hit'; page: PageId; promoted: boolean } | { kind: 'miss'; page: PageId; evicted: PageId | null };

export const INNODB_DEFAULTS = { oldBlocksPct: 37, oldBlocksTimeMs: 1000, oldListMinLength: 512 } as const;
/** innodb_old_blocks_pct's documented range. */
export const OLD_BLOCKS_PCT = { min: 5, max: 95 } as const;

export class BufferPool {
  readonly capacity: number;
  readonly oldBlocksPct: number;
  readonly oldBlocksTimeMs: number;
  readonly oldListMinLength: number;
  /** Index 0 is the head (most recently made young); the old sublist is the last `oldLength`. */
  private readonly lru: Frame[] = [];
  private readonly frames = new Map<PageId, Frame>();
  private oldLength = 0;
  /** InnoDB's counters: Innodb_buffer_pool_read_requests and Innodb_buffer_pool_reads. */
  readRequests = 0;
  reads = 0;
  evictions = 0;
  promotions = 0;

  constructor(options: BufferPoolOptions) {
    if (!Number.isInteger(options.capacity) || options.capacity < 1) throw new RangeError('capacity must be a positive whole number of pages');
    this.capacity = options.capacity;
    this.oldBlocksPct = Math.min(OLD_BLOCKS_PCT.max, Math.max(OLD_BLOCKS_PCT.min, options.oldBlocksPct ?? INNODB_DEFAULTS.oldBlocksPct));
    this.oldBlocksTimeMs = Math.max(0, options.oldBlocksTimeMs ?? INNODB_DEFAULTS.oldBlocksTimeMs);
    this.oldListMinLength = Math.max(0, options.oldListMinLength ?? INNODB_DEFAULTS.oldListMinLength);
  }

  get size(): number {
    return this.lru.length;
  }

  contains(page: PageId): boolean {
    return this.frames.has(page);
  }

  /** The whole list, head first. */
  list(): readonly Frame[] {
    return this.lru;
  }

  youngSublist(): PageId[] {
    return this.lru.slice(0, this.lru.length - this.oldLength).map((f) => f.page);
  }

  oldSublist(): PageId[] {
    return this.lru.slice(this.lru.length - this.oldLength).map((f) => f.page);
  }

  hitRatio(): number {
    return this.readRequests === 0 ? 1 : 1 - this.reads / this.readRequests;
  }

  /** One logical page read at simulated time `nowMs` (ms). */
  access(page: PageId, nowMs: number): AccessOutcome {
    this.readRequests++;
    const frame = this.frames.get(page);
    if (frame) return { kind: 'hit', page, promoted: this.touch(frame, nowMs) };

    this.reads++;
    let evicted: PageId | null = null;
    if (this.lru.length >= this.capacity) {
      const victim = this.lru.pop()!;
      if (victim.old) this.oldLength--;
      this.frames.delete(victim.page);
      this.evictions++;
      evicted = victim.page;
    }
    const fresh: Frame = { page, firstAccessMs: nowMs, old: false };
    this.frames.set(page, fresh);
    if (this.oldLength > 0) {
      fresh.old = true;
      this.lru.splice(this.lru.length - this.oldLength, 0, fresh);
      this.oldLength++;
    } else {
      this.lru.unshift(fresh);
    }
    this.rebalance();
    return { kind: 'miss', page, evicted };
  }

  /** A hit: returns whether the page moved from the old to the young sublist. */
  private touch(frame: Frame, nowMs: number): boolean {
    const at = this.lru.indexOf(frame);
    if (frame.old) {
      if (nowMs - frame.firstAccessMs < this.oldBlocksTimeMs) return false;
      this.lru.splice(at, 1);
      frame.old = false;
      this.oldLength--;
      this.lru.unshift(frame);
      this.promotions++;
      this.rebalance();
      return true;
    }
    const youngLength = this.lru.length - this.oldLength;
    if (at >= Math.floor(youngLength / 4)) {
      this.lru.splice(at, 1);
      this.lru.unshift(frame);
    }
    return false;
  }

  /** Moves the midpoint so that the old sublist stays at oldBlocksPct of the list. */
  private rebalance(): void {
    const length = this.lru.length;
    const target = length < this.oldListMinLength ? 0 : Math.round((length * this.oldBlocksPct) / 100);
    while (this.oldLength < target) {
      this.lru[length - this.oldLength - 1]!.old = true;
      this.oldLength++;
    }
    while (this.oldLength > target) {
      this.lru[length - this.oldLength]!.old = false;
      this.oldLength--;
    }
  }
}

/**
 * A latency histogram in the style of HdrHistogram: values are counted in buckets whose width grows
 * with the value, so that every bucket has the same *relative* precision. Latencies span orders of
 * magnitude (a cache hit and a timeout differ by a factor of 10,000), and a fixed-width histogram would
 * either blur the fast requests or need millions of buckets for the slow ones.
 *
 * Layout (S = subBuckets, a power of two): values are first divided by `lowest` to get x. Bucket i < S
 * covers [i, i + 1). Above that, each power-of-two range [2^k, 2^(k+1)) with k >= log2(S) is split into
 * S/2 equal buckets, so a bucket is never wider than 2/S of the values in it: with S = 128, 1.6%. A
 * percentile is read as its bucket's midpoint, so it is within 1/S (0.8%) of the exact one (for values
 * from S × lowest up; below that, within lowest / 2).
 *
 * Memory is fixed: a histogram from 1 µs to 1 hour at S = 128 needs under 2,200 counters.
 */
export interface HistogramOptions {
  /** Smallest value told apart from zero; values below it share the first bucket. Default 0.001. */
  lowest?: number;
  /** Largest value tracked precisely; larger values are counted in the last bucket. Default 1e6. */
  highest?: number;
  /** Buckets per power-of-two range (rounded up to a power of two, 4..4096). Default 128. */
  subBuckets?: number;
}

export interface HistogramBucket {
  from: number;
  to: number;
  count: number;
}

export class LatencyHistogram {
  readonly lowest: number;
  readonly highest: number;
  readonly subBuckets: number;
  private readonly counts: Float64Array;
  private readonly halfShift: number;
  private total = 0;
  private sum = 0;
  private minSeen = Infinity;
  private maxSeen = -Infinity;

  constructor(options: HistogramOptions = {}) {
    const lowest = options.lowest ?? 0.001;
    const highest = options.highest ?? 1e6;
    if (!(lowest > 0) || !Number.isFinite(lowest)) throw new RangeError(`lowest must be a positive number, got ${lowest}`);
    if (!(highest > lowest) || !Number.isFinite(highest)) throw new RangeError(`highest must be finite and above lowest, got ${highest}`);
    if (highest / lowest > 2 ** 52) throw new RangeError('highest / lowest must be below 2^52');
    const requested = Math.min(4096, Math.max(4, Math.floor(options.subBuckets ?? 128)));
    this.subBuckets = 2 ** Math.ceil(Math.log2(requested));
    this.halfShift = Math.log2(this.subBuckets) - 1;
    this.lowest = lowest;
    this.highest = highest;
    this.counts = new Float64Array(this.indexOf(highest) + 1);
  }

  /** Bucket index of a value (values outside [0, highest] are clamped into the end buckets). */
  indexOf(value: number): number {
    const x = Math.floor(Math.min(value, this.highest) / this.lowest);
    if (!(x >= this.subBuckets)) return x > 0 ? x : 0; // also catches NaN
    // k = floor(log2 x); Math.log2 can be off by one ulp near powers of two, so correct it.
    let k = Math.floor(Math.log2(x));
    if (2 ** k > x) k -= 1;
    else if (2 ** (k + 1) <= x) k += 1;
    const shift = k - this.halfShift; // bucket width 2^shift within [2^k, 2^(k+1))
    const sub = Math.floor(x / 2 ** shift); // in [S/2, S)
    return this.subBuckets + (shift - 1) * (this.subBuckets / 2) + (sub - this.subBuckets / 2);
  }

  /** The value range [from, to) of bucket `index`. */
  bucketRange(index: number): { from: number; to: number } {
    const s = this.subBuckets;
    if (index < s) return { from: index * this.lowest, to: (index + 1) * this.lowest };
    const j = index - s;
    const shift = Math.floor(j / (s / 2)) + 1;
    const sub = (j % (s / 2)) + s / 2;
    const width = 2 ** shift;
    return { from: sub * width * this.lowest, to: (sub + 1) * width * this.lowest };
  }

  record(value: number, count = 1): void {
    if (!Number.isFinite(value) || value < 0 || !(count > 0)) return;
    this.counts[this.indexOf(value)]! += count;
    this.total += count;
    this.sum += value * count;
    if (value < this.minSeen) this.minSeen = value;
    if (value > this.maxSeen) this.maxSeen = value;
  }

  get count(): number {
    return this.total;
  }

  /** Exact mean of the recorded values (the sum is kept separately from the buckets). */
  get mean(): number {
    return this.total > 0 ? this.sum / this.total : NaN;
  }

  get min(): number {
    return this.total > 0 ? this.minSeen : NaN;
  }

  get max(): number {
    return this.total > 0 ? this.maxSeen : NaN;
  }

  /**
   * The value below which `p` (0..1) of the recorded values fall, by nearest rank, reported as the
   * midpoint of the bucket that holds that rank and kept within [min, max].
   */
  quantile(p: number): number {
    if (this.total === 0) return NaN;
    const q = Math.min(1, Math.max(0, Number.isFinite(p) ? p : 0));
    const rank = Math.max(1, Math.ceil(q * this.total));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) {
        const { from, to } = this.bucketRange(i);
        return Math.min(this.maxSeen, Math.max(this.minSeen, (from + to) / 2));
      }
    }
    return this.maxSeen;
  }

  /** Non-empty buckets in value order. */
  buckets(): HistogramBucket[] {
    const out: HistogramBucket[] = [];
    for (let i = 0; i < this.counts.length; i++) {
      const count = this.counts[i]!;
      if (count > 0) out.push({ ...this.bucketRange(i), count });
    }
    return out;
  }

  /**
   * The counts regrouped into `bins` bins of equal width on a log scale between `from` and `to` (for a
   * chart: a few dozen bars rather than a thousand buckets). A bucket is credited to the bin holding its
   * midpoint; values outside the range land in the first or last bin.
   */
  logBins(bins: number, from: number, to: number): HistogramBucket[] {
    const n = Math.max(1, Math.floor(bins));
    const lo = Math.log(from);
    const step = (Math.log(to) - lo) / n;
    const out: HistogramBucket[] = Array.from({ length: n }, (_, i) => ({
      from: Math.exp(lo + i * step),
      to: Math.exp(lo + (i + 1) * step),
      count: 0,
    }));
    for (let i = 0; i < this.counts.length; i++) {
      const count = this.counts[i]!;
      if (count === 0) continue;
      const { from: a, to: b } = this.bucketRange(i);
      const mid = Math.max((a + b) / 2, Number.MIN_VALUE);
      const bin = Math.min(n - 1, Math.max(0, Math.floor((Math.log(mid) - lo) / step)));
      out[bin]!.count += count;
    }
    return out;
  }

  /** Adds another histogram's counts (same layout) to this one. */
  add(other: LatencyHistogram): void {
    if (other.lowest !== this.lowest || other.highest !== this.highest || other.subBuckets !== this.subBuckets) {
      throw new RangeError('histograms must share lowest, highest and subBuckets to be added');
    }
    for (let i = 0; i < this.counts.length; i++) this.counts[i]! += other.counts[i]!;
    this.total += other.total;
    this.sum += other.sum;
    this.minSeen = Math.min(this.minSeen, other.minSeen);
    this.maxSeen = Math.max(this.maxSeen, other.maxSeen);
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.sum = 0;
    this.minSeen = Infinity;
    this.maxSeen = -Infinity;
  }
}

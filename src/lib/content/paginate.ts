export interface Page<T> {
  items: T[];
  /** 1-based number of this page. */
  current: number;
  /** Number of pages; at least 1 so that an empty listing still has a page to show its empty state. */
  total: number;
}

/** Splits `items` into pages of `size`, in order. */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be a positive integer, got ${size}`);
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, i) => ({
    items: items.slice(i * size, (i + 1) * size),
    current: i + 1,
    total,
  }));
}

/**
 * The URL of page `n` of a listing rooted at `base` ("/" or "/tags/x/"). Page 1 is the root itself,
 * so that each listing has exactly one URL for its first page.
 */
export function pageUrl(base: string, n: number): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return n <= 1 ? root : `${root}page/${n}/`;
}

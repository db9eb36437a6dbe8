/**
 * The page numbers a pagination bar shows: always the first and last, the current page with two
 * neighbours each side, and `null` for each gap ("…"). Keeps the bar short at 500 pages.
 */
export function pageWindow(current: number, total: number, radius = 2): (number | null)[] {
  const shown = new Set<number>([1, total]);
  for (let n = current - radius; n <= current + radius; n++) if (n >= 1 && n <= total) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && n - prev === 2)
      out.push(prev + 1); // a gap of one page is shown, not hidden
    else if (prev !== undefined && n - prev > 2) out.push(null);
    out.push(n);
  });
  return out;
}

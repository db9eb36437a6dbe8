/**
 * The timing every simulation bench uses: the median wall-clock milliseconds of one call, after
 * warm-up calls so that the JIT has compiled the code being measured (the median, not the mean, so
 * that one pause of the machine does not move the figure).
 */
export function medianMs(fn: () => unknown, { runs = 15, warmUp = 3 }: { runs?: number; warmUp?: number } = {}): number {
  for (let i = 0; i < warmUp; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

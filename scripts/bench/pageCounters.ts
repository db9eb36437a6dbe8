/**
 * Counters a page keeps from its first script on: requestAnimationFrame callbacks (frames drawn) and
 * the durations of long tasks (PerformanceObserver 'longtask'). The benchmarks reset them before a
 * measurement and read them after.
 */
import type { Page } from 'playwright-core';

export interface PageCounters {
  frames: number;
  /** Durations of the long tasks seen, ms. */
  long: number[];
}

/** Runs inside the page (as an init script), so it may use nothing from this module. */
export function installCounters(): void {
  const m = { frames: 0, long: [] as number[] };
  (window as unknown as { __motion: typeof m }).__motion = m;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) m.long.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
  const frame = () => {
    m.frames++;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

export async function resetCounters(page: Page): Promise<void> {
  await page.evaluate(() => {
    const m = (window as unknown as { __motion: PageCounters }).__motion;
    m.frames = 0;
    m.long = [];
  });
}

export function readCounters(page: Page): Promise<PageCounters> {
  return page.evaluate(() => (window as unknown as { __motion: PageCounters }).__motion);
}

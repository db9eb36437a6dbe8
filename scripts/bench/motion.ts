/**
 * Motion under a phone's CPU: for each page with simulations, each simulation that starts playing by
 * itself is scrolled into view in Chromium with the CPU throttled 4× (Lighthouse's mobile profile) and
 * left to animate; frames per second (requestAnimationFrame callbacks) and long tasks over 50 ms
 * (PerformanceObserver 'longtask') are counted meanwhile. Island JavaScript per page (gzip) beside it.
 */
import type { Locator, Page } from 'playwright-core';
import { builtPages } from '../../tests/support/builtPages.ts';
import { launchBrowser, openPage } from '../../tests/support/browser.ts';
import { serveSite } from '../../tests/support/staticServer.ts';
import { islandWeight } from './pageWeight.ts';

export interface MotionResult {
  page: string;
  sim: string;
  fps: number;
  longTasks: number;
  longestTaskMs: number;
  islandKiB: number;
}

export const CPU_SLOWDOWN = 4;
const MEASURE_MS = 5_000;

/** Counters the page keeps from its first script on; `reset` starts a measurement. */
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

/** Whether the simulation is playing by itself: its Play button has turned into a pressed Pause. */
async function startsItself(frame: Locator): Promise<boolean> {
  const until = Date.now() + 6_000;
  while (Date.now() < until) {
    if ((await frame.locator('.sim-play button[aria-pressed=true]').count()) > 0) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function measure(page: Page): Promise<{ fps: number; longTasks: number; longestTaskMs: number }> {
  await page.evaluate(() => {
    const m = (window as unknown as { __motion: { frames: number; long: number[] } }).__motion;
    m.frames = 0;
    m.long = [];
  });
  const started = Date.now();
  await page.waitForTimeout(MEASURE_MS);
  const { frames, long } = await page.evaluate(() => (window as unknown as { __motion: { frames: number; long: number[] } }).__motion);
  const seconds = (Date.now() - started) / 1000;
  return { fps: frames / seconds, longTasks: long.filter((d) => d > 50).length, longestTaskMs: Math.max(0, ...long) };
}

/** `slugs` limits the run to those articles (a helper measuring the one it changed). */
export async function motionBenchmarks(dir: string, slugs?: string[]): Promise<MotionResult[]> {
  const pages = builtPages(dir).filter(
    (p) => p.root.querySelector('figure.sim') && p.root.querySelector('astro-island') && (!slugs || slugs.some((s) => p.path === `/${s}/`)),
  );
  const site = await serveSite(dir);
  const browser = await launchBrowser();
  const results: MotionResult[] = [];
  try {
    for (const built of pages) {
      const islandKiB = islandWeight(dir, built).gzip / 1024;
      const ids = built.root
        .querySelectorAll('figure.sim')
        .map((f) => f.getAttribute('id')!)
        .filter(Boolean);
      const { context, page } = await openPage(browser, { reducedMotion: 'no-preference', viewport: { width: 412, height: 823 }, deviceScaleFactor: 2 });
      await page.addInitScript(installCounters);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await page.goto(new URL(built.path, site.origin).href);
      let animating = 0;
      for (const id of ids) {
        const frame = page.locator(`#${id}`);
        await frame.evaluate((el) => el.scrollIntoView({ block: 'center' }));
        if (!(await startsItself(frame))) continue;
        animating++;
        results.push({ page: built.path, sim: id.replace(/^sim-/, ''), ...(await measure(page)), islandKiB });
        console.log(`  ${built.path} ${id}: ${results.at(-1)!.fps.toFixed(0)} fps, ${results.at(-1)!.longTasks} long tasks`);
      }
      if (animating === 0) results.push({ page: built.path, sim: '(none starts by itself)', fps: NaN, longTasks: NaN, longestTaskMs: NaN, islandKiB });
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return results;
}

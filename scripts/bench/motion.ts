/**
 * Motion under a phone's CPU: for each page with simulations, each simulation that starts playing by
 * itself is scrolled into view in Chromium with the CPU throttled 4× (Lighthouse's mobile profile) and
 * left to animate; frames per second (requestAnimationFrame callbacks) and long tasks over 50 ms
 * (PerformanceObserver 'longtask') are counted meanwhile. Island JavaScript per page (gzip) beside it.
 */
import type { Locator, Page } from 'playwright-core';
import { islandWeight } from './pageWeight.ts';
import { readCounters, resetCounters } from './pageCounters.ts';
import { eachSimulationPage } from './simulationPages.ts';

export interface MotionResult {
  page: string;
  sim: string;
  fps: number;
  longTasks: number;
  longestTaskMs: number;
  islandKiB: number;
}

const MEASURE_MS = 5_000;

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
  await resetCounters(page);
  const started = Date.now();
  await page.waitForTimeout(MEASURE_MS);
  const { frames, long } = await readCounters(page);
  const seconds = (Date.now() - started) / 1000;
  return { fps: frames / seconds, longTasks: long.filter((d) => d > 50).length, longestTaskMs: Math.max(0, ...long) };
}

/** `slugs` limits the run to those articles (a helper measuring the one it changed). */
export async function motionBenchmarks(dir: string, slugs?: string[]): Promise<MotionResult[]> {
  const results: MotionResult[] = [];
  await eachSimulationPage(dir, slugs, async ({ built, page, simulations }) => {
    const islandKiB = islandWeight(dir, built).gzip / 1024;
    let animating = 0;
    for await (const { id, name, frame } of simulations()) {
      if (!(await startsItself(frame))) continue;
      animating++;
      results.push({ page: built.path, sim: name, ...(await measure(page)), islandKiB });
      console.log(`  ${built.path} ${id}: ${results.at(-1)!.fps.toFixed(0)} fps, ${results.at(-1)!.longTasks} long tasks`);
    }
    if (animating === 0) results.push({ page: built.path, sim: '(none starts by itself)', fps: NaN, longTasks: NaN, longestTaskMs: NaN, islandKiB });
  });
  return results;
}

/**
 * What a reader sees of a simulation's moving marks (src/sims/kit/Marks.tsx), frame by frame: every
 * mark's computed opacity and where its centre is in the marks layer, sampled once per display frame
 * until stopped. Computed style includes the running Web Animations, so a sample is the mark as that
 * frame draws it. The sampler asks for each frame from a task after the previous one, which puts its
 * callback after the page's own frame callbacks (the kit's clock and the renders it causes): it reads
 * the page as it will be painted.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

export interface MarkSample {
  /** Which element: the same number for as long as the same element is in the page. */
  element: number;
  opacity: number;
  /** The mark's centre, in CSS pixels from the marks layer's top left corner. */
  x: number;
  y: number;
  /** The mark's width in CSS pixels. */
  size: number;
}

interface Sampler {
  on: boolean;
  samples: MarkSample[];
}

/** Starts sampling the marks of the simulation in `frameSelector`; the returned function stops and hands over the samples. */
export async function sampleMarks(page: Page, frameSelector: string): Promise<() => Promise<MarkSample[]>> {
  await page.evaluate((selector) => {
    const ids = new WeakMap<Element, number>();
    let next = 1;
    const sampler: Sampler = { on: true, samples: [] };
    (window as unknown as { markSampler: Sampler }).markSampler = sampler;
    const sample = () => {
      if (!sampler.on) return;
      const layer = document.querySelector(`${selector} .sim-marks`);
      if (layer) {
        const box = layer.getBoundingClientRect();
        for (const mark of layer.querySelectorAll('.sim-mark')) {
          if (!ids.has(mark)) ids.set(mark, next++);
          const r = mark.getBoundingClientRect();
          sampler.samples.push({
            element: ids.get(mark)!,
            opacity: Number(getComputedStyle(mark).opacity),
            x: r.left + r.width / 2 - box.left,
            y: r.top + r.height / 2 - box.top,
            size: r.width,
          });
        }
      }
      const after = new MessageChannel();
      after.port1.onmessage = () => requestAnimationFrame(sample);
      after.port2.postMessage(null);
    };
    requestAnimationFrame(sample);
  }, frameSelector);
  return () =>
    page.evaluate(() => {
      const sampler = (window as unknown as { markSampler: Sampler }).markSampler;
      sampler.on = false;
      return sampler.samples;
    });
}

/** A mark a reader can see (anything but fully transparent). */
export const seen = (s: Pick<MarkSample, 'opacity'>) => s.opacity > 0.02;

/** A mark over the drawing's top left corner, where a resting mark waits unseen: no move goes there. */
export const atCorner = (s: MarkSample) => Math.abs(s.x) < s.size && Math.abs(s.y) < s.size;

/** The latest sample of a sampler still running (undefined before the first frame). */
export function latestSample(page: Page): Promise<MarkSample | undefined> {
  return page.evaluate(() => (window as unknown as { markSampler: Sampler }).markSampler.samples.at(-1));
}

/**
 * Puts a simulation's one resting mark through what a reader does to it while it moves, sampling every
 * frame: Pause mid-move (the move in flight lands), two Steps (the second during the first's move), Play,
 * each of `changes` mid-move (a setting, Reset), and scrolling away and back. Throughout, the mark must be
 * one element, seen on its way, and never seen over the corner where it rests.
 */
export async function expectRestingMarkThroughInterruptions(
  page: Page,
  frame: Locator,
  { tickMs, changes }: { tickMs: number; changes: (() => Promise<unknown>)[] },
): Promise<void> {
  const pause = (ms: number) => page.waitForTimeout(ms);
  const stop = await sampleMarks(page, `#${await frame.getAttribute('id')}`);
  // Until the mark is on its way, then a little longer, so that what comes next lands mid-move.
  const midMove = async () => {
    await expect.poll(async () => seen((await latestSample(page)) ?? { opacity: 0 }), { timeout: 8_000 }).toBe(true);
    await pause(tickMs / 7);
  };
  const landed = () => pause(tickMs * 1.15);
  await midMove();
  await frame.getByRole('button', { name: 'Pause' }).press('Enter');
  await landed();
  expect(seen((await latestSample(page))!)).toBe(false);
  const step = frame.getByRole('button', { name: 'Step', exact: true });
  await step.press('Enter');
  await pause(tickMs / 5);
  await step.press('Enter');
  await landed();
  expect(seen((await latestSample(page))!)).toBe(false);
  await frame.getByRole('button', { name: 'Play' }).press('Enter');
  await midMove();
  for (const change of changes) {
    await change();
    await midMove();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await pause(tickMs * 1.25);
  await frame.scrollIntoViewIfNeeded();
  await midMove();
  await pause(tickMs);
  const samples = await stop();
  expect(samples.filter(seen).length).toBeGreaterThan(30);
  expect(new Set(samples.map((s) => s.element)).size).toBe(1);
  expect(samples.filter((s) => seen(s) && atCorner(s))).toEqual([]);
}

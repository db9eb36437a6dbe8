/**
 * A reader's actions under a phone's CPU: on each page, each simulation is scrolled into view in
 * Chromium with the CPU throttled 4× (simulationPages.ts) and, while it plays, each of its controls is used
 * once from the keyboard as a reader would: a slider one step right, a select one option down, a
 * checkbox toggled, the first object in the drawing pressed, Step (after a Pause, unmeasured: Step waits
 * for a paused simulation). Long tasks over 50 ms in the 1.2 s after each action are counted.
 */
import type { Locator } from 'playwright-core';
import { readCounters, resetCounters } from './pageCounters.ts';
import { eachSimulationPage } from './simulationPages.ts';

export interface ActionResult {
  page: string;
  sim: string;
  /** Actions tried. */
  actions: number;
  /** Actions followed by a long task. */
  slow: number;
  longestTaskMs: number;
  /** The action behind the longest task. */
  slowest: string;
}

const SETTLE_MS = 1_200;

/** The controls a reader acts on, with the key that acts on each. */
async function actionsOf(frame: Locator): Promise<{ control: Locator; key: string; pauseFirst?: boolean }[]> {
  const found: { control: Locator; key: string; pauseFirst?: boolean }[] = [];
  for (const control of await frame.locator('input[type=range]').all()) found.push({ control, key: 'ArrowRight' });
  for (const control of await frame.locator('select').all()) found.push({ control, key: 'ArrowDown' });
  for (const control of await frame.locator('input[type=checkbox]').all()) found.push({ control, key: 'Space' });
  const grabbable = frame.locator('svg [role=button]').first();
  if ((await grabbable.count()) > 0) found.push({ control: grabbable, key: 'Enter' });
  const step = frame.getByRole('button', { name: 'Step', exact: true });
  // Step is disabled while the simulation plays: a reader pauses first, and so does the bench.
  if ((await step.count()) > 0) found.push({ control: step, key: 'Enter', pauseFirst: true });
  return found;
}

async function nameOf(control: Locator): Promise<string> {
  return control.evaluate((el) => {
    const labelled = (el as HTMLInputElement).labels?.[0]?.textContent ?? el.getAttribute('aria-label') ?? el.textContent ?? el.tagName;
    return labelled.trim().replace(/\s+/g, ' ').slice(0, 40);
  });
}

/** `slugs` limits the run to those articles. */
export async function actionBenchmarks(dir: string, slugs?: string[]): Promise<ActionResult[]> {
  const results: ActionResult[] = [];
  await eachSimulationPage(dir, slugs, async ({ built, page, simulations }) => {
    for await (const { id, name: sim, frame } of simulations()) {
      // Hydrated: a control is enabled (the static figure's are disabled, and an attached one proves
      // nothing: it is in the static HTML). Until then isEnabled() below would skip every action.
      await frame
        .locator('input:enabled, button:enabled, select:enabled')
        .first()
        .waitFor({ state: 'attached', timeout: 10_000 })
        .catch(() => {});
      await page.waitForTimeout(2_000);
      const row: ActionResult = { page: built.path, sim, actions: 0, slow: 0, longestTaskMs: 0, slowest: '' };
      for (const { control, key, pauseFirst } of await actionsOf(frame)) {
        if (pauseFirst && !(await control.isEnabled().catch(() => false))) {
          await frame
            .getByRole('button', { name: 'Pause', exact: true })
            .click({ timeout: 2_000 })
            .catch(() => {});
          await page.waitForTimeout(SETTLE_MS);
        }
        if (!(await control.isEnabled().catch(() => false))) continue;
        const name = await nameOf(control);
        await control.focus();
        await resetCounters(page);
        await page.keyboard.press(key);
        await page.waitForTimeout(SETTLE_MS);
        const { long } = await readCounters(page);
        row.actions++;
        const longest = Math.max(0, ...long);
        if (longest > 50) row.slow++;
        if (longest > row.longestTaskMs) Object.assign(row, { longestTaskMs: longest, slowest: name });
      }
      if (row.actions > 0) {
        results.push(row);
        console.log(
          `  ${row.page} ${id}: ${row.actions} actions, ${row.slow} with a long task (longest ${row.longestTaskMs.toFixed(0)} ms, ${row.slowest || '–'})`,
        );
      }
    }
  });
  return results;
}

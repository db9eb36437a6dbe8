/**
 * The visit the motion and action benchmarks share: each built article with simulations is opened in
 * Chromium as a phone (412×823 CSS pixels at 2×, CPU throttled 4× as in Lighthouse's mobile profile)
 * whose reader lets things move, with the page counters installed before the page's own scripts; then
 * each of its simulations is scrolled into view in turn, at once.
 */
import type { Locator, Page } from 'playwright-core';
import { builtPages, type BuiltPage } from '../../tests/support/builtPages.ts';
import { launchBrowser, openPage } from '../../tests/support/browser.ts';
import { serveSite } from '../../tests/support/staticServer.ts';
import { installCounters } from './pageCounters.ts';

export const CPU_SLOWDOWN = 4;

export interface SimulationInView {
  /** The figure's id, e.g. "sim-ring". */
  id: string;
  /** The id without its "sim-" prefix, as the reports name it. */
  name: string;
  frame: Locator;
}

export interface SimulationPage {
  built: BuiltPage;
  page: Page;
  /** The page's simulations in document order, each scrolled to the middle of the viewport when reached. */
  simulations(): AsyncGenerator<SimulationInView>;
}

/** Visits each article with simulations in `dir` (only those in `slugs` when given), one at a time. */
export async function eachSimulationPage(dir: string, slugs: string[] | undefined, visit: (page: SimulationPage) => Promise<void>): Promise<void> {
  const pages = builtPages(dir).filter(
    (p) => p.root.querySelector('figure.sim') && p.root.querySelector('astro-island') && (!slugs || slugs.some((s) => p.path === `/${s}/`)),
  );
  const site = await serveSite(dir);
  const browser = await launchBrowser();
  try {
    for (const built of pages) {
      const ids = built.root
        .querySelectorAll('figure.sim')
        .map((f) => f.getAttribute('id')!)
        .filter(Boolean);
      const { context, page } = await openPage(browser, { reducedMotion: 'no-preference', viewport: { width: 412, height: 823 }, deviceScaleFactor: 2 });
      await page.addInitScript(installCounters);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await page.goto(new URL(built.path, site.origin).href);
      await visit({
        built,
        page,
        async *simulations() {
          for (const id of ids) {
            const frame = page.locator(`#${id}`);
            // At once, not smoothly: the site scrolls smoothly (html { scroll-behavior: smooth }), and a
            // jump of thousands of pixels then lasted about a second at 4× CPU, its frames repainting the
            // article (30 to 56 ms each) while the figure had already begun to play. Those frames are the
            // scroll's, and they fell inside the measurement.
            await frame.evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
            yield { id, name: id.replace(/^sim-/, ''), frame };
          }
        },
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

/**
 * Small phones: at a 320 px viewport no page of the real site scrolls sideways, with every simulation
 * scrolled into view (so its island hydrates and draws its live state, not just the static figure).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { builtPages, isRedirect } from '../support/builtPages.ts';
import { useSite } from '../support/site.ts';

const WIDTH = 320;

/** Elements whose box reaches past the viewport's right edge, outside any box that scrolls on its own. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const scrollsItself = (el: Element | null): boolean => {
      for (let e = el?.parentElement ?? null; e && e !== document.body; e = e.parentElement) {
        const overflowX = getComputedStyle(e).overflowX;
        if (overflowX === 'auto' || overflowX === 'scroll') return true;
      }
      return false;
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
    return [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !scrollsItself(el))
      .map((el) => `${name(el)} right=${Math.round(el.getBoundingClientRect().right)}`)
      .slice(0, 8);
  }, WIDTH);
}

describe('every page at 320 px wide', () => {
  const site = useSite('dist');
  const paths = builtPages('dist')
    .filter((p) => !isRedirect(p))
    .map((p) => p.path);

  it('finds the pages to check', () => {
    expect(paths.length).toBeGreaterThan(20);
  });

  for (const path of paths) {
    it(`${path} never scrolls sideways, with every simulation hydrated`, async () => {
      const page = await site.page(path, { viewport: { width: WIDTH, height: 640 } });
      const figures = page.locator('figure.sim');
      const count = await figures.count();
      for (let i = 0; i < count; i++) {
        const figure = figures.nth(i);
        await figure.scrollIntoViewIfNeeded();
        // Hydrated: the kit enables a simulation's controls once its island runs.
        const control = figure.locator('input, button, select, textarea').first();
        if ((await control.count()) > 0) await expect.poll(() => control.isEnabled(), { timeout: 20_000 }).toBe(true);
      }
      const size = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect({ path, ...size, culprits: size.scroll > size.client ? await overflowing(page) : [] }).toEqual({
        path,
        scroll: size.scroll,
        client: size.client,
        culprits: [],
      });
      expect(size.scroll).toBeLessThanOrEqual(size.client);
      await page.close();
    });
  }
});

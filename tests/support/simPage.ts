/**
 * What end-to-end tests of an article's simulations share: opening one simulation hydrated, and
 * reading a simulation's server-rendered figure out of the static HTML.
 */
import { expect } from 'vitest';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import type { SiteUnderTest } from './site.ts';

/** Opens `path` (plus `hash`), scrolls simulation `id` into view and waits until its controls have hydrated. */
export async function openSim(
  site: SiteUnderTest,
  path: string,
  id: string,
  hash = '',
  options: BrowserContextOptions = {},
): Promise<{ page: Page; frame: Locator; errors: string[] }> {
  const page = await site.page(`${path}${hash}`, options);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const frame = page.locator(`#sim-${id}`);
  await frame.scrollIntoViewIfNeeded();
  await expect.poll(() => frame.locator('input, button, select').first().isEnabled(), { timeout: 20_000 }).toBe(true);
  return { page, frame, errors };
}

/** Expects each simulation's figure in the static HTML to start with an SVG image and carry its caption. */
export function expectStaticFigures(html: string, captions: [id: string, caption: string][]): void {
  for (const [id, caption] of captions) {
    const figure = html.slice(html.indexOf(`<figure class="sim" id="sim-${id}"`));
    expect(figure, id).toMatch(new RegExp(`^<figure[\\s\\S]*?<svg[^>]*role="img"[\\s\\S]*?<figcaption>${caption}`));
  }
}

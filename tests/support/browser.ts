/**
 * Debian's Chromium driven by playwright-core. Playwright's own browser downloads do not work on
 * this network, so the system browser is used with flags that keep it off the network.
 */
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { programPath } from '../../scripts/testMachine.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? programPath('chromium');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}

/**
 * A fresh page in its own context (axe needs a context-made page). Simulations start playing by
 * themselves once in view, which would race a test that reads an exact state after a click; so pages
 * open as a reader who asks for reduced motion (nothing moves unless Play is pressed), and a test of
 * motion itself passes `reducedMotion: 'no-preference'`.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  return { context, page };
}

/** axe violations at WCAG 2.x A and AA, summarised so that a failing assertion says what and where. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

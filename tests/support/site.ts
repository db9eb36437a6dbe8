/**
 * One built site and one browser for a test file: `useSite('dist')` in a describe block gives
 * `site.origin`, `site.browser` and `site.page()` (a fresh page that is closed after the file).
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { resolve } from 'node:path';
import { serveSite, type RunningSite } from './staticServer.ts';
import { launchBrowser, openPage } from './browser.ts';

export interface SiteUnderTest {
  origin: string;
  browser: Browser;
  /** Opens a page in a new context; `path` is relative to the site's root. */
  page(path?: string, options?: BrowserContextOptions): Promise<Page>;
}

export function useSite(dir: string): SiteUnderTest {
  let server: RunningSite;
  const contexts: { close(): Promise<void> }[] = [];
  const handle = {} as SiteUnderTest;
  beforeAll(async () => {
    server = await serveSite(resolve(dir));
    handle.origin = server.origin;
    handle.browser = await launchBrowser();
    handle.page = async (path = '/', options = {}) => {
      const { context, page } = await openPage(handle.browser, options);
      contexts.push(context);
      await page.goto(new URL(path, server.origin).href);
      return page;
    };
  }, 60_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await handle.browser?.close();
    await server?.close();
  });
  return handle;
}

/**
 * Helpers for the reader-feature tests (search, theme, feeds, cards, CSP), shared by the tests of the
 * fixture build and of the real site.
 */
import type { Page } from 'playwright-core';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Width and height from a PNG's IHDR chunk (bytes 16..23), after checking the PNG signature. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((b, i) => bytes[i] === b)) throw new Error('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (String.fromCharCode(...bytes.slice(12, 16)) !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

export interface FeedItem {
  title: string;
  link: string;
  guid: string | { '#text': string };
  pubDate: string;
  description: string;
  'content:encoded': string;
  category?: string | string[];
}

/** Validates an RSS document as XML and returns its channel; throws with the parser's message. */
export function parseRss(xml: string): { version: string; channel: { title: string; link: string; item?: FeedItem | FeedItem[] } } {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`invalid XML: ${valid.err.msg} at line ${valid.err.line}`);
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', processEntities: true }).parse(xml);
  return { version: doc.rss['@version'], channel: doc.rss.channel };
}

export function feedItems(channel: { item?: FeedItem | FeedItem[] }): FeedItem[] {
  return channel.item === undefined ? [] : Array.isArray(channel.item) ? channel.item : [channel.item];
}

/** `<loc>` URLs of a sitemap or a sitemap index. */
export function sitemapLocs(xml: string): string[] {
  if (XMLValidator.validate(xml) !== true) throw new Error('invalid sitemap XML');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
}

/**
 * Records Content-Security-Policy violations and console errors from the first script of a page on;
 * read them with `cspReport(page)`.
 */
export async function watchCsp(page: Page): Promise<{ errors: string[] }> {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return { errors };
}

export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** Bytes of JavaScript a page runs: its inline scripts and the script files it loaded. */
export async function pageScriptBytes(page: Page): Promise<{ inline: number; external: number; sources: string[] }> {
  return page.evaluate(async () => {
    let inline = 0;
    const sources = new Set<string>();
    for (const s of document.querySelectorAll('script')) {
      const type = s.type.toLowerCase();
      if (type && type !== 'module' && type !== 'text/javascript') continue;
      if (s.src) sources.add(s.src);
      else inline += new TextEncoder().encode(s.textContent ?? '').length;
    }
    for (const e of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      if (e.initiatorType === 'script' || e.name.endsWith('.js')) sources.add(e.name);
    }
    let external = 0;
    for (const src of sources) external += (await (await fetch(src)).arrayBuffer()).byteLength;
    return { inline, external, sources: [...sources] };
  });
}

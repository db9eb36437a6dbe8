import { describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { builtPages, isRedirect } from '../support/builtPages.ts';

const DIST = 'dist';
const pages = builtPages(DIST);
const byPath = new Map(pages.map((p) => [p.path, p]));
const idsOf = new Map(pages.map((p) => [p.path, new Set(p.root.querySelectorAll('[id]').map((e) => e.id))]));

/** What a static host would serve for an internal path: a page, a file, or nothing. */
function resolveTarget(path: string): { page?: string; file?: boolean } {
  if (byPath.has(path)) return { page: path };
  const file = join(DIST, decodeURIComponent(path));
  if (existsSync(file) && statSync(file).isFile()) return { file: true };
  return {};
}

describe('internal links in the built site', () => {
  it('finds pages to check', () => {
    expect(pages.length).toBeGreaterThan(5);
  });

  it('every internal link, image and script points at something that exists, #anchors included', () => {
    const broken: string[] = [];
    for (const page of pages) {
      if (isRedirect(page)) continue;
      const refs = [
        ...page.root.querySelectorAll('a[href]').map((a) => a.getAttribute('href')!),
        ...page.root
          .querySelectorAll('link[href]')
          .filter((l) => l.getAttribute('rel') !== 'canonical' && l.getAttribute('rel') !== 'alternate')
          .map((l) => l.getAttribute('href')!),
        ...page.root.querySelectorAll('img[src], script[src], source[src]').map((e) => e.getAttribute('src')!),
      ];
      for (const ref of refs) {
        if (/^(https?:|mailto:|data:|javascript:)/.test(ref) || ref.startsWith('//')) continue;
        const url = new URL(ref, `http://site${page.path}`);
        const target = resolveTarget(url.pathname);
        if (!target.page && !target.file) {
          broken.push(`${page.path} → ${ref}`);
          continue;
        }
        const anchor = decodeURIComponent(url.hash.slice(1));
        // Simulation state links (#sim.key=value) are parameters, not anchors.
        if (anchor && !anchor.includes('=') && target.page && !idsOf.get(target.page)!.has(anchor)) broken.push(`${page.path} → ${ref} (no #${anchor})`);
      }
    }
    expect(broken).toEqual([]);
  });
});

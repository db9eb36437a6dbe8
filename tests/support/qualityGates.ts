/**
 * The site-wide quality gates, as one suite that runs against any built site (the real one in
 * tests/e2e, the generated fixture in tests/fixture). Deterministic facts only: sizes, presence,
 * validity. Never wall-clock time.
 */
import { describe, expect, it } from 'vitest';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { builtPages, isRedirect } from './builtPages.ts';
import { SCRIPT_PURPOSES, blockingCss, blockingFontFaces, imagesWithoutSize, scriptsOf, weigh } from './siteAudit.ts';

/** One TCP initial congestion window (10 segments of 1460 bytes) is about 14 KB. */
export const FIRST_WINDOW_BYTES = 14 * 1024;
export const LISTING_JS_BYTES = 1024;

export function qualityGates(dir: string): void {
  const pages = builtPages(dir);
  const content = pages.filter((p) => !isRedirect(p));

  describe(`quality gates on ${dir}`, () => {
    it("the listing page's HTML and render-blocking CSS fit in 14 KB gzip, with at most 1 KB of JavaScript", () => {
      const listing = pages.find((p) => p.path === '/')!;
      const firstRender = weigh(listing.html + blockingCss(dir, listing).join('')).gzip;
      expect(firstRender).toBeLessThanOrEqual(FIRST_WINDOW_BYTES);
      const js = weigh(
        scriptsOf(dir, listing)
          .map((s) => s.code)
          .join(''),
      ).gzip;
      expect(js).toBeLessThanOrEqual(LISTING_JS_BYTES);
    });

    it('every page that is not an article or the search page carries at most 1 KB of JavaScript (the About page says so)', () => {
      const heavy = content
        .filter((p) => !p.root.querySelector('article.article') && !p.path.startsWith('/search'))
        .map((p) => ({
          page: p.path,
          gzip: weigh(
            scriptsOf(dir, p)
              .map((s) => s.code)
              .join(''),
          ).gzip,
        }))
        .filter((p) => p.gzip > LISTING_JS_BYTES);
      expect(heavy).toEqual([]);
    });

    it('no page loads a web font that blocks text', () => {
      for (const page of content)
        expect({ page: page.path, fonts: blockingFontFaces(blockingCss(dir, page).join('')) }).toEqual({ page: page.path, fonts: [] });
    });

    it('every script a page loads is one the page uses', () => {
      const problems: string[] = [];
      for (const page of content) {
        for (const script of scriptsOf(dir, page)) {
          const purpose = SCRIPT_PURPOSES.find((p) => p.matches(script.code));
          if (!purpose) problems.push(`${page.path}: unknown script ${script.source} (${script.code.slice(0, 60)}…)`);
          else if (!purpose.neededBy(page)) problems.push(`${page.path}: ${purpose.name} loaded without the feature`);
        }
      }
      expect(problems).toEqual([]);
    });

    it('simulation code loads only when a simulation scrolls into view', () => {
      for (const page of content) {
        for (const island of page.root.querySelectorAll('astro-island')) {
          expect({ page: page.path, client: island.getAttribute('client') }).toEqual({ page: page.path, client: 'visible' });
        }
        // Nothing fetches island code ahead of time.
        expect(page.root.querySelectorAll('link[rel=modulepreload]').length).toBe(0);
      }
    });

    it('every image has a width and a height, so nothing shifts as images load', () => {
      for (const page of content) expect({ page: page.path, images: imagesWithoutSize(page) }).toEqual({ page: page.path, images: [] });
    });

    it('every page has a unique title and a meta description', () => {
      const seen = new Map<string, string>();
      for (const page of content) {
        const title = page.root.querySelector('title')?.textContent.trim() ?? '';
        expect(title, `${page.path} has no title`).not.toBe('');
        expect(seen.get(title), `${page.path} repeats the title of ${seen.get(title)}`).toBeUndefined();
        seen.set(title, page.path);
        expect(page.root.querySelector('meta[name=description]')?.getAttribute('content')?.trim(), `${page.path} has no description`).toBeTruthy();
      }
    });

    it('nothing follows </html> on any page (browsers forgive a stray script there; validators do not)', () => {
      const trailing = content
        .filter((p) => !/<\/html>\s*$/i.test(p.html))
        .map((p) => `${p.path}: …${p.html.slice(p.html.toLowerCase().lastIndexOf('</html>')).slice(0, 80)}`);
      expect(trailing).toEqual([]);
    });

    it('the HTML of every page passes html-validate', async () => {
      const validator = new HtmlValidate(new FileSystemConfigLoader()); // reads .htmlvalidate.mjs
      const problems: string[] = [];
      for (const page of pages) {
        const report = await validator.validateFile(page.file);
        for (const result of report.results) for (const m of result.messages) problems.push(`${page.path}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
      expect(problems).toEqual([]);
    });
  });
}

/**
 * What a page costs a reader, split into what blocks first render (HTML, stylesheets in the head,
 * classic scripts in the head) and what loads later (module scripts, island code when a simulation
 * scrolls into view, images).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { builtPages, type BuiltPage } from '../../tests/support/builtPages.ts';
import { weigh, type Weight } from '../../tests/support/siteAudit.ts';

export interface PageWeight {
  page: string;
  html: Weight;
  css: Weight;
  js: Weight;
  images: Weight;
  firstRender: Weight;
  later: Weight;
}

const sum = (ws: Weight[]): Weight => ws.reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });

/** A JS file and every module it imports, statically or lazily, as URL paths. */
function moduleGraph(dir: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry) || !existsSync(join(dir, entry))) return seen;
  seen.add(entry);
  const code = readFileSync(join(dir, entry), 'utf8');
  const specifiers = [...code.matchAll(/(?:from\s*|import\s*\(\s*|import\s*)["']([^"']+\.js)["']/g), ...code.matchAll(/["'](_astro\/[^"']+\.js)["']/g)].map(
    (m) => m[1]!,
  );
  for (const spec of specifiers) {
    const path = spec.startsWith('_astro/') ? `/${spec}` : spec.startsWith('/') ? spec : join(dirname(entry), spec);
    moduleGraph(dir, path, seen);
  }
  return seen;
}

/** Every module a page's islands load (components, renderer and what they import), counted once. */
export function islandWeight(dir: string, page: BuiltPage): Weight {
  const islandModules = new Set<string>();
  for (const island of page.root.querySelectorAll('astro-island')) {
    for (const attr of ['component-url', 'renderer-url']) {
      const url = island.getAttribute(attr);
      if (url) for (const m of moduleGraph(dir, url)) islandModules.add(m);
    }
  }
  return sum([...islandModules].map((m) => weigh(readFileSync(join(dir, m)))));
}

function weighPage(dir: string, page: BuiltPage, label: string): PageWeight {
  const file = (p: string) => readFileSync(join(dir, p));
  const head = page.root.querySelector('head')!;
  const cssLinks = page.root.querySelectorAll('link[rel=stylesheet]').map((l) => weigh(file(l.getAttribute('href')!)));
  const cssInline = page.root.querySelectorAll('style').map((s) => weigh(s.textContent));
  const css = sum([...cssLinks, ...cssInline]);
  const blockingCss = sum([
    ...head.querySelectorAll('link[rel=stylesheet]').map((l) => weigh(file(l.getAttribute('href')!))),
    ...head.querySelectorAll('style').map((s) => weigh(s.textContent)),
  ]);

  const scripts = page.root.querySelectorAll('script').filter((s) => !['application/ld+json', 'application/json'].includes(s.getAttribute('type') ?? ''));
  const isBlocking = (s: (typeof scripts)[number]) =>
    s.getAttribute('type') !== 'module' && !s.hasAttribute('async') && !s.hasAttribute('defer') && head.querySelectorAll('script').includes(s);
  const scriptWeight = (s: (typeof scripts)[number]) => (s.getAttribute('src') ? weigh(file(s.getAttribute('src')!)) : weigh(s.textContent));
  const blockingJs = sum(scripts.filter(isBlocking).map(scriptWeight));
  const laterScripts = sum(scripts.filter((s) => !isBlocking(s)).map(scriptWeight));
  const islandJs = islandWeight(dir, page);
  const images = sum(
    page.root
      .querySelectorAll('img[src]')
      .map((i) => i.getAttribute('src')!)
      .filter((src) => src.startsWith('/') && existsSync(join(dir, src)))
      .map((src) => ({ raw: statSync(join(dir, src)).size, gzip: statSync(join(dir, src)).size })),
  );
  const html = weigh(page.html);
  return {
    page: label,
    html,
    css,
    js: sum([blockingJs, laterScripts, islandJs]),
    images,
    firstRender: sum([html, blockingCss, blockingJs]),
    later: sum([{ raw: css.raw - blockingCss.raw, gzip: css.gzip - blockingCss.gzip }, laterScripts, islandJs, images]),
  };
}

/** The listing, an article with simulations, a tag page and the search page (when it exists). */
export function pageWeights(dir: string): PageWeight[] {
  const pages = builtPages(dir);
  const at = (path: string) => pages.find((p) => p.path === path);
  const chosen: [string, BuiltPage | undefined][] = [
    ['listing /', at('/')],
    // The consistent hashing article set the pattern for simulations; any article with one otherwise.
    ['article with simulations', at('/consistent-hashing/') ?? pages.find((p) => p.root.querySelector('article.article astro-island'))],
    ['tag page', pages.find((p) => /^\/tags\/[^/]+\/$/.test(p.path))],
    ['search /search/', at('/search/')],
  ];
  return chosen.filter((c): c is [string, BuiltPage] => c[1] !== undefined).map(([label, page]) => weighPage(dir, page, `${label} (${page.path})`));
}

/** The same chosen paths, for Lighthouse. */
export function benchPaths(dir: string): string[] {
  return pageWeights(dir).map((w) => w.page.match(/\((\/[^)]*)\)$/)![1]!);
}

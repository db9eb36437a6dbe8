/**
 * Facts about a built site that the quality gates assert: what each page loads, how much of it
 * blocks first render, and whether its images can lay out without shifting.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BuiltPage } from './builtPages.ts';

export interface Weight {
  raw: number;
  gzip: number;
}

export const weigh = (text: string | Buffer): Weight => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });

export interface PageScript {
  /** "inline" or the script's URL path. */
  source: string;
  code: string;
  module: boolean;
}

export function scriptsOf(dir: string, page: BuiltPage): PageScript[] {
  return page.root.querySelectorAll('script').flatMap((s) => {
    const type = s.getAttribute('type');
    if (type === 'application/ld+json' || type === 'application/json') return []; // data, not code
    const src = s.getAttribute('src');
    const module = type === 'module';
    if (!src) return [{ source: 'inline', code: s.textContent, module }];
    const file = join(dir, src);
    return [{ source: src, code: existsSync(file) ? readFileSync(file, 'utf8') : '', module }];
  });
}

/** Stylesheets that block first render: <link rel=stylesheet> without a non-matching media, and <style> in head. */
export function blockingCss(dir: string, page: BuiltPage): string[] {
  const head = page.root.querySelector('head');
  if (!head) return [];
  const linked = head
    .querySelectorAll('link[rel=stylesheet]')
    .filter((l) => !['print'].includes(l.getAttribute('media') ?? ''))
    .map((l) => readFileSync(join(dir, l.getAttribute('href')!), 'utf8'));
  const inline = head.querySelectorAll('style').map((s) => s.textContent);
  return [...linked, ...inline];
}

/** @font-face rules that would hide text while a font loads (no font-display, or block/auto). */
export function blockingFontFaces(css: string): string[] {
  return [...css.matchAll(/@font-face\s*{[^}]*}/g)].map((m) => m[0]).filter((rule) => !/font-display\s*:\s*(swap|optional|fallback)/.test(rule));
}

/** Images that would shift the layout as they load: no width or height. */
export function imagesWithoutSize(page: BuiltPage): string[] {
  return page.root
    .querySelectorAll('img')
    .filter((img) => !img.getAttribute('width') || !img.getAttribute('height'))
    .map((img) => img.getAttribute('src') ?? '(no src)');
}

/**
 * Every script the site ships, and what a page must contain to justify loading it. A script that
 * matches no entry is unknown, and a known one on a page without its feature is waste: both fail.
 */
export const SCRIPT_PURPOSES: { name: string; matches: (code: string) => boolean; neededBy: (page: BuiltPage) => boolean }[] = [
  // First: a script is named by the first entry it matches, and the scroll-spy uses an IntersectionObserver too.
  {
    name: 'table of contents scroll-spy',
    matches: (code) => code.includes('.toc a'),
    neededBy: (page) => page.root.querySelector('nav.toc') !== null,
  },
  {
    name: 'Astro island loader (hydrates simulations when visible)',
    matches: (code) => code.includes('astro-island') || code.includes('IntersectionObserver'),
    neededBy: (page) => page.root.querySelector('astro-island') !== null,
  },
  {
    name: 'copy buttons for code blocks',
    matches: (code) => code.includes('copy-code'),
    neededBy: (page) => page.root.querySelector('.prose pre.astro-code') !== null,
  },
  {
    name: 'colour scheme before the first paint (blocking, in <head>)',
    matches: (code) => code.includes('localStorage') && code.includes('classList.add("js")'),
    neededBy: () => true,
  },
  {
    name: 'theme control (system / light / dark)',
    matches: (code) => code.includes('#theme-select'),
    neededBy: (page) => page.root.querySelector('#theme-select') !== null,
  },
  {
    name: '"/" focuses the search field',
    matches: (code) => code.includes('#header-search-input'),
    neededBy: (page) => page.root.querySelector('#header-search-input, #search-input') !== null,
  },
  {
    name: 'easter eggs',
    matches: (code) => code.includes('easter egg'),
    neededBy: (page) => page.root.querySelector('#egg') !== null,
  },
  {
    name: 'search page (Pagefind)',
    matches: (code) => code.includes('/pagefind/pagefind.js'),
    neededBy: (page) => page.root.querySelector('#search-input') !== null,
  },
  {
    name: 'scroll to a simulation named in a shared link',
    matches: (code) => code.includes('scrollIntoView') && code.includes('sim-'),
    neededBy: (page) => page.root.querySelector('astro-island') !== null,
  },
];

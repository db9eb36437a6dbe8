/** The HTML pages of a built site, parsed, with the URL path each one is served at. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export interface BuiltPage {
  /** URL path, e.g. "/tags/s3/" or "/404.html". */
  path: string;
  file: string;
  html: string;
  root: HTMLElement;
}

function* htmlFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* htmlFiles(full);
    else if (name.endsWith('.html')) yield full;
  }
}

export function builtPages(dir: string): BuiltPage[] {
  return [...htmlFiles(dir)].map((file) => {
    const rel = relative(dir, file).split(sep).join('/');
    const path = rel === 'index.html' ? '/' : rel.endsWith('/index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
    const html = readFileSync(file, 'utf8');
    return { path, file, html, root: parse(html) };
  });
}

/** True for pages that only redirect (Astro writes a meta refresh page for each redirect). */
export function isRedirect(page: BuiltPage): boolean {
  return page.root.querySelector('meta[http-equiv=refresh]') !== null;
}

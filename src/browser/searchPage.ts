/**
 * The /search/ page in the browser: Pagefind's JS API (loaded from the built site's /pagefind/) with
 * our own small result list. Results link to the heading nearest the match; excerpts are rebuilt
 * from text nodes and <mark> elements, so no indexed or typed text is ever parsed as live HTML.
 */

import { newestOnly } from '../sims/kit/newest.ts';

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: SubResult[];
}
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<ResultData> }[] } | null>;
}

const MAX_RESULTS = 20;

/** Pagefind excerpt ("a <mark>word</mark> b") → the text and which runs are marked. */
export function excerptRuns(excerpt: string): { text: string; marked: boolean }[] {
  // Inside a <p> so that the parser keeps leading spaces; an inert document, so nothing runs.
  const decode = (s: string) => new DOMParser().parseFromString(`<p>${s}`, 'text/html').body.textContent ?? '';
  return excerpt
    .split(/(<mark>[\s\S]*?<\/mark>)/)
    .filter(Boolean)
    .map((part) => {
      const marked = part.startsWith('<mark>');
      return { text: decode(marked ? part.slice(6, -7) : part), marked };
    });
}

/** The section with the most matches: its heading is where the reader should land. */
export function bestSection(data: ResultData): { url: string; excerpt: string; heading?: string } {
  const subs = (data.sub_results ?? []).filter((s) => (s.locations?.length ?? 0) > 0);
  if (subs.length === 0) return { url: data.url, excerpt: data.excerpt };
  const best = subs.reduce((a, b) => ((b.locations?.length ?? 0) > (a.locations?.length ?? 0) ? b : a));
  const heading = best.url.includes('#') && best.title !== data.meta.title ? best.title : undefined;
  return { url: best.url, excerpt: best.excerpt, heading };
}

export function runSearchPage(): void {
  const input = document.querySelector<HTMLInputElement>('#search-input')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const form = input.form!;
  if (import.meta.env.DEV) return; // the page already says why there is no index
  let pagefind: Promise<Pagefind> | undefined;
  const load = () => {
    const url = '/pagefind/pagefind.js';
    return (pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>);
  };
  // Typing starts a search per pause; an older one that finishes late must not replace a newer one.
  const searches = newestOnly();

  async function search(query: string) {
    const isNewest = searches.start();
    const q = query.trim();
    history.replaceState(null, '', q ? `?q=${encodeURIComponent(q)}` : location.pathname);
    if (!q) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    let api: Pagefind;
    try {
      api = await load();
    } catch {
      status.textContent = 'The search index is missing. It is created by “npm run build”; serve the built site to search.';
      return;
    }
    const found = await api.search(q);
    const results = await Promise.all((found?.results ?? []).slice(0, MAX_RESULTS).map((r) => r.data()));
    if (!isNewest()) return;
    list.replaceChildren(...results.map(renderResult));
    const n = found?.results.length ?? 0;
    status.textContent = n === 0 ? `No articles match “${q}”.` : `${n} ${n === 1 ? 'article matches' : 'articles match'} “${q}”.`;
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void search(input.value), 150);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void search(input.value);
  });
  const initial = new URLSearchParams(location.search).get('q') ?? '';
  if (initial) {
    input.value = initial;
    void search(initial);
  }
}

function renderResult(data: ResultData): HTMLLIElement {
  const li = document.createElement('li');
  const section = bestSection(data);
  const title = document.createElement('a');
  title.href = section.url;
  title.className = 'search-result-title';
  title.textContent = data.meta.title ?? data.url;
  const heading = document.createElement('span');
  heading.className = 'search-result-section';
  if (section.heading) heading.textContent = ` › ${section.heading}`;
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  for (const run of excerptRuns(section.excerpt)) {
    if (!run.marked) excerpt.append(run.text);
    else excerpt.append(Object.assign(document.createElement('mark'), { textContent: run.text }));
  }
  const h = document.createElement('h2');
  h.append(title, heading);
  li.append(h, excerpt);
  return li;
}

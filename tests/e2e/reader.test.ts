/**
 * Reader features on the real site (dist/): feed, cards, series and the security policy on every
 * article that exists, plus the search page's message in `astro dev`. The fixture build
 * (tests/fixture/reader.test.ts) covers the same features on many generated posts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { useSite } from '../support/site.ts';
import { builtPages } from '../support/builtPages.ts';
import { openPage } from '../support/browser.ts';
import { buildEnv } from '../support/buildSite.ts';
import { cspViolations, feedItems, parseRss, pngSize, sitemapLocs, watchCsp } from '../support/reader.ts';
import { site as config } from '../../site.config.ts';

const CONTENT = 'src/content/posts';
const site = useSite('dist');

interface Source {
  slug: string;
  title: string;
  series?: string;
  pubDate: string;
}

/** The published posts of the real site, read from their sources. */
function posts(): Source[] {
  if (!existsSync(CONTENT)) return [];
  return readdirSync(CONTENT)
    .map((slug): Source | undefined => {
      const file = ['index.mdx', 'index.md'].map((f) => join(CONTENT, slug, f)).find(existsSync);
      if (!file) return undefined;
      const front = readFileSync(file, 'utf8').match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '';
      const field = (name: string) => front.match(new RegExp(`^${name}:\\s*(.*)$`, 'm'))?.[1]?.trim();
      const unquote = (v?: string) => (v && /^["']/.test(v) ? v.slice(1, -1) : v);
      if (field('draft') === 'true') return undefined;
      const series = unquote(field('series'));
      return { slug, title: unquote(field('title'))!, pubDate: field('pubDate')!, ...(series ? { series } : {}) };
    })
    .filter((p): p is Source => p !== undefined);
}

describe('feeds, cards and discovery on the real site', () => {
  it('has an RSS item for every published post', async () => {
    const { version, channel } = parseRss(await (await fetch(`${site.origin}/rss.xml`)).text());
    expect(version).toBe('2.0');
    const items = feedItems(channel);
    expect(items.map((i) => i.link).sort()).toEqual(
      posts()
        .map((p) => `${config.url}/${p.slug}/`)
        .sort(),
    );
    for (const item of items) expect(item['content:encoded'].length).toBeGreaterThan(item.description.length);
    // An MDX post keeps its simulations' server-rendered figures.
    const hashing = items.find((i) => i.link === `${config.url}/consistent-hashing/`)!;
    expect(hashing['content:encoded']).toMatch(/<figure class="sim"[\s\S]*<svg/);
  });

  it('has a 1200x630 social card per post and for the site', async () => {
    for (const name of [...posts().map((p) => p.slug), '_site']) {
      const response = await fetch(`${site.origin}/og/${name}.png`);
      expect(response.status, name).toBe(200);
      expect(pngSize(new Uint8Array(await response.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    }
  });

  it('names the sitemap in robots.txt, and the sitemap lists every post', async () => {
    expect(await (await fetch(`${site.origin}/robots.txt`)).text()).toContain(`Sitemap: ${config.url}/sitemap-index.xml`);
    const urls: string[] = [];
    for (const loc of sitemapLocs(await (await fetch(`${site.origin}/sitemap-index.xml`)).text())) {
      urls.push(...sitemapLocs(await (await fetch(`${site.origin}${new URL(loc).pathname}`)).text()));
    }
    expect(urls).toContain(`${config.url}/`);
    for (const p of posts()) expect(urls).toContain(`${config.url}/${p.slug}/`);
  });
});

describe('search on the real site', () => {
  /** The prose of a post's source: no front matter, imports, component tags or code fences. */
  const prose = (slug: string) => {
    const file = ['index.mdx', 'index.md'].map((f) => join(CONTENT, slug, f)).find(existsSync)!;
    const body = readFileSync(file, 'utf8')
      .replace(/^---\n[\s\S]*?\n---\n/, '')
      .replace(/```[\s\S]*?```/g, ' ');
    return body
      .split('\n')
      .filter((l) => !/^\s*(import |<|\{|\[\^)/.test(l))
      .join(' ')
      .toLowerCase();
  };

  it('finds an article by a word that only it uses', async () => {
    // A word whose first five letters no other article uses, so that stemming cannot match elsewhere.
    // Candidates come from the prose (surely indexed); what counts as "used elsewhere" is every word
    // of the other files, front matter and markup included, which can only make the pick stricter.
    const raw = (slug: string) => readFileSync(['index.mdx', 'index.md'].map((f) => join(CONTENT, slug, f)).find(existsSync)!, 'utf8').toLowerCase();
    const all = posts().map((p) => ({ p, words: new Set(prose(p.slug).match(/[a-z]{5,}/g)), every: new Set(raw(p.slug).match(/[a-z]{5,}/g)) }));
    const prefixesElsewhere = (i: number) => new Set(all.filter((_, j) => j !== i).flatMap((o) => [...o.every].map((w) => w.slice(0, 5))));
    const picks = all.flatMap(({ p, words }, i) => {
      const others = prefixesElsewhere(i);
      const word = [...words].sort().find((w) => w.length >= 7 && !others.has(w.slice(0, 5)));
      return word ? [{ p, word }] : [];
    });
    expect(picks.length).toBeGreaterThan(0);
    const page = await site.page('/search/');
    for (const { p, word } of picks.slice(0, 3)) {
      await page.locator('#search-input').fill(word);
      await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 10_000 }).toContain(`“${word}”`);
      const first = page.locator('#search-results li').first();
      expect((await first.locator('a').getAttribute('href'))!.split('#')[0], word).toBe(`/${p.slug}/`);
      expect(await first.locator('mark').count(), word).toBeGreaterThan(0);
    }
  });
  it("indexes a simulation's title and caption but not its controls, readouts or drawings", async () => {
    // What Pagefind holds for each article, read back through its own API (a null search lists every page).
    const page = await site.page('/search/');
    // A string, so that the test runner's transform leaves the browser's import() alone.
    const entries: [string, string][] = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const all = await pagefind.search(null);
      return Promise.all(all.results.map(async (r) => { const d = await r.data(); return [d.url, d.content]; }));
    })()`);
    const indexed = Object.fromEntries(entries);
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    const textOf = (el: { innerHTML: string }) => squash(el.innerHTML.replace(/<[^>]*>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' '));
    let checked = 0;
    for (const built of builtPages('dist').filter((p) => p.root.querySelector('figure.sim'))) {
      const content = squash(indexed[built.path] ?? '');
      expect(content.length, built.path).toBeGreaterThan(0);
      const body = built.root.querySelector('[data-pagefind-body]')!;
      for (const figure of body.querySelectorAll('figure.sim')) expect(content, built.path).toContain(textOf(figure.querySelector('.sim-title')!));
      // Control and readout labels that the prose does not also use must not be in the index.
      const labels = body.querySelectorAll('figure.sim .sim-body :is(button, label, option, th, dt)').map(textOf);
      for (const drop of body.querySelectorAll('figure.sim .sim-body, [data-pagefind-ignore]')) drop.remove();
      const prose = textOf(body);
      for (const label of new Set(labels.filter((l) => l.length >= 12 && !prose.includes(l)))) {
        expect(content.includes(label), `${built.path} indexes the control "${label}"`).toBe(false);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('has one search box on the search page, and it drives the results', async () => {
    const page = await site.page('/search/');
    expect(await page.locator('input[type=search]').count()).toBe(1);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
  });
});

describe('series on the real site', () => {
  const inSeries = posts().filter((p) => p.series);
  it("shows each article's place in its series and lists the series in order", async () => {
    // The nine seed articles form the series "Mental Models".
    expect(inSeries.filter((p) => p.series === 'Mental Models')).toHaveLength(9);
    const names = [...new Set(inSeries.map((p) => p.series!))];
    for (const name of names) {
      const members = inSeries.filter((p) => p.series === name).sort((a, b) => a.pubDate.localeCompare(b.pubDate) || a.slug.localeCompare(b.slug));
      for (const [i, post] of members.entries()) {
        const page = await site.page(`/${post.slug}/`);
        expect((await page.locator('.series-part').innerText()).replace(/\s+/g, ' ')).toBe(`Part ${i + 1} of ${members.length} in the series ${name}`);
        expect(await page.locator('.series-list [aria-current=page]').innerText()).toContain(post.title);
        expect(await page.locator('.series-list li').count()).toBe(members.length);
      }
      const page = await site.page(`/${members[0]!.slug}/`);
      await page.locator('.series-list h2 a').click();
      await page.waitForURL(/\/series\/[a-z0-9-]+\/$/);
      expect(await page.locator('.series-index > li > a').allInnerTexts()).toEqual(members.map((m) => m.title));
    }
  });
});

describe('security policy on the real site', () => {
  it('runs every page type and every article without a CSP violation or a third-party request', async () => {
    const paths = [
      '/',
      '/archives/',
      '/tags/',
      '/categories/',
      '/about/',
      '/series/',
      '/search/?q=model',
      '/no-such-page/',
      ...posts().map((p) => `/${p.slug}/`),
    ];
    for (const path of paths) {
      const { context, page } = await openPage(site.browser);
      try {
        const watch = await watchCsp(page);
        const hosts = new Set<string>();
        page.on('request', (r) => hosts.add(new URL(r.url()).origin));
        const response = await page.goto(`${site.origin}${path}`);
        expect(response!.headers()['content-security-policy'], path).toBeTruthy();
        // Scroll through the page so that every island hydrates under the policy.
        await page.evaluate(async () => {
          for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
            scrollTo(0, y);
            await new Promise((r) => setTimeout(r, 50));
          }
        });
        await page.waitForLoadState('networkidle');
        expect(await cspViolations(page), path).toEqual([]);
        expect(
          watch.errors.filter((e) => !(path === '/no-such-page/' && /404/.test(e))),
          path,
        ).toEqual([]);
        expect([...hosts], path).toEqual([site.origin]);
      } finally {
        await context.close();
      }
    }
  });
});

describe('search in astro dev', () => {
  let dev: ChildProcess | undefined;
  afterAll(() => {
    dev?.kill('SIGTERM');
  });

  it('says plainly that the index exists only after a build', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    // Without vitest's variables (NODE_ENV=test, MODE, VITEST*...), which would change how Astro runs.
    dev = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      env: buildEnv({}),
      stdio: 'ignore',
    });
    // Bounded wait for the dev server: at most 120 tries, half a second apart.
    let html = '';
    for (let i = 0; i < 120 && !html; i++) {
      const r = await fetch(`http://127.0.0.1:${port}/search/`).catch(() => undefined);
      if (r?.ok) html = await r.text();
      else await new Promise((done) => setTimeout(done, 500));
    }
    expect(html).toContain('Search works on the built site only');
    expect(html).toContain('npm run build');
  }, 90_000);
});

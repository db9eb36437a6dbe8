import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { useSite } from '../support/site.ts';
import { axeViolations } from '../support/browser.ts';
import { countWords, readingMinutes } from '../../src/lib/content/readingTime.ts';

interface SeedCard {
  category: string;
  readingTime: string;
  title: string;
  description: string;
  tags: string[];
  slug: string;
}

/** The captured listing of the original blog: the nine articles, newest first, with their slugs. */
const seed: SeedCard[] = JSON.parse(readFileSync('tests/e2e/seed/listing-page-8.json', 'utf8'));
const POSTS = 'src/content/posts';
const postFile = (slug: string) => [`${POSTS}/${slug}/index.mdx`, `${POSTS}/${slug}/index.md`].find((f) => existsSync(f));
const published = new Set(
  (existsSync(POSTS) ? readdirSync(POSTS) : []).filter((slug) => {
    const file = postFile(slug);
    return file !== undefined && !/^draft: true$/m.test(readFileSync(file, 'utf8'));
  }),
);
const seedPresent = seed.filter((card) => published.has(card.slug));
/**
 * Titles, descriptions, tags, order and slugs are the seed's; the reading time is our own article's, computed
 * from its words (the corrected articles say more than the originals did).
 */
const readingTimeOf = (slug: string) => `${readingMinutes(countWords(readFileSync(postFile(slug)!, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')))} min read`;

const site = useSite('dist');

describe('the real site against the seed listing', () => {
  it('publishes only articles of the seed listing, under their original slugs', () => {
    for (const slug of published) expect(seed.map((c) => c.slug)).toContain(slug);
    for (const card of seedPresent) expect(existsSync(`dist/${card.slug}/index.html`)).toBe(true);
  });

  it("shows each article card as the seed does, in the seed order, with our article's reading time", async () => {
    const page = await site.page('/');
    const cards = page.locator('.post-card');
    if (seedPresent.length === 0) {
      expect(await page.locator('.empty-state').count()).toBe(1);
      return;
    }
    const shown = Math.min(seedPresent.length, 9);
    expect(await cards.count()).toBe(shown);
    for (let i = 0; i < shown; i++) {
      const card = seedPresent[i]!;
      const text = (await cards.nth(i).innerText()).replace(/\s+/g, ' ').trim();
      expect(text).toBe(`${card.category} ${readingTimeOf(card.slug)} ${card.title} ${card.description} ${card.tags.map((t) => `# ${t}`).join(' ')}`);
    }
  });

  it('gives every seed article a page with its title, description, tags and reading time', async () => {
    for (const card of seedPresent) {
      const page = await site.page(`/${card.slug}/`);
      expect(await page.locator('h1').innerText()).toBe(card.title);
      expect(await page.locator('.article-description').innerText()).toBe(card.description);
      expect(await page.locator('.article-header .post-meta').innerText()).toContain(readingTimeOf(card.slug));
      expect(await page.locator('.article-header .tag-list a').allInnerTexts()).toEqual(card.tags.map((t) => `# ${t}`));
      await page.close();
    }
  });

  it('frames every code block of every article alike, whether a Markdown fence or a source file the article imports', async () => {
    for (const card of seedPresent) {
      const page = await site.page(`/${card.slug}/`);
      const blocks = await page.locator('article pre.astro-code').evaluateAll((pres) =>
        pres.map((pre) => ({
          framed: pre.parentElement?.matches('.code-block[style*="--code-lines"]') ?? false,
          bar: pre.parentElement?.querySelector(':scope > .code-header') !== null,
          copy: pre.parentElement?.querySelector(':scope > .code-header button') !== null,
        })),
      );
      for (const block of blocks) expect(block, card.slug).toEqual({ framed: true, bar: true, copy: true });
      await page.close();
    }
  });
});

describe('accessibility of the real site', () => {
  // Every page type, and every article (each has its own simulations).
  const paths = [
    '/',
    '/archives/',
    '/tags/',
    '/tags/system-design/',
    '/categories/',
    '/categories/tech/',
    '/about/',
    '/no-such-page/',
    ...seedPresent.map((c) => `/${c.slug}/`),
  ];
  for (const path of paths) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`axe finds no violation on ${path} in the ${colorScheme} theme`, async () => {
        const page = await site.page(path, { colorScheme });
        for (const figure of await page.locator('figure.sim').all()) await figure.scrollIntoViewIfNeeded();
        // Each figure's island has finished hydrating (Astro drops its ssr attribute): axe checks the page a
        // reader then sees, not a control caught between its static, disabled state and its live one.
        await page.waitForFunction(() => !document.querySelector('astro-island[ssr]:has(figure.sim)'), null, { timeout: 20_000 });
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  }
});

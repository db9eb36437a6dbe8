/**
 * Social cards by URL, and their cache. Drawing the cards (draw.ts) is most of a cold
 * build's page-generation time, so finished cards are kept by content between builds,
 * and a cold build draws them in a worker thread while the content is still being synced
 * (pool.ts); the card route then mostly reads files.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { site } from '../../../site.config.ts';
import { drawCard, type CardText } from './draw.ts';
import { countWords, readingMinutes } from '../content/readingTime.ts';

export { CARD_HEIGHT, CARD_WIDTH, type CardText } from './draw.ts';

/** The site's own card; `_` cannot start a post slug, so it never collides with a post's card. */
export const SITE_CARD = '/og/_site.png';
export const postCard = (slug: string) => `/og/${slug}.png`;

/** What a post's card says; the card route and the prewarming loader must agree on it to share cards. */
export function postCardText(post: { title: string; category: string; minutes: number }): CardText {
  return { kicker: `${post.category} · ${post.minutes} min read`, title: post.title };
}

/** A post's reading time from its raw body, as the blog computes it. */
export function postMinutes(body: string): number {
  return readingMinutes(countWords(body), site.wordsPerMinute);
}

/** Bump when the card's design changes, so that cached cards are redrawn. */
const TEMPLATE_VERSION = 2;
/** Beside Astro's own build caches, so that deleting node_modules/.astro makes a cold build. */
export const CARD_CACHE_DIR = join(process.cwd(), 'node_modules', '.astro', 'og-cards');

export function cardCacheFile(text: CardText): string {
  const key = createHash('sha256')
    .update(JSON.stringify([TEMPLATE_VERSION, site.title, site.url, text]))
    .digest('hex')
    .slice(0, 32);
  return join(CARD_CACHE_DIR, `${key}.png`);
}

/** Draws a card into the cache. Written under a temporary name and renamed, so no reader sees half a file. */
export async function drawCardToCache(text: CardText, file = cardCacheFile(text)): Promise<Uint8Array> {
  const png = await drawCard(text);
  await mkdir(CARD_CACHE_DIR, { recursive: true });
  const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.part`;
  await writeFile(partial, png);
  await rename(partial, file);
  return png;
}

/** A card's PNG: from the cache, from a worker already drawing it, or drawn now. */
export async function renderCard(text: CardText): Promise<Uint8Array> {
  const file = cardCacheFile(text);
  try {
    return await readFile(file);
  } catch {
    const pending = activeCardPool()?.claim(file);
    if (pending && (await pending)) return readFile(file);
    return drawCardToCache(text, file);
  }
}

/** The pool a content loader started in this process (pool.ts), shared across module copies. */
export interface CardPoolHandle {
  /** Takes the card off the queue if not started (the caller draws it), or returns whether its drawing succeeded. */
  claim(file: string): Promise<boolean> | undefined;
}
export const CARD_POOL_KEY = Symbol.for('mental-models.og-card-pool');
function activeCardPool(): CardPoolHandle | undefined {
  return (globalThis as Record<symbol, CardPoolHandle | undefined>)[CARD_POOL_KEY];
}

/**
 * Which social cards the site has, and writing them into the build output. A card per post plus the
 * site's own card. In a production build the pages publish this list as /og/cards.json, and after the
 * pages are written (postBuild.ts) each card is copied from the card cache, drawn first if missing,
 * and the list is removed. As 1,000 routes, re-reading and re-writing cached cards took Astro 2 s of
 * every rebuild; copying them takes a fraction of that. `astro dev` draws cards on request instead.
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { site } from '../../site.config.ts';
import type { Post } from './blog.ts';
import { cardCacheFile, postCard, postCardText, renderCard, SITE_CARD, type CardText } from './ogImage.ts';

export interface CardEntry {
  /** Site path of the PNG, e.g. /og/consistent-hashing.png. */
  path: string;
  text: CardText;
}

/** Where the build publishes the card list for postBuild; removed once the cards are written. */
export const CARD_LIST = '/og/cards.json';

export const siteCardText: CardText = { kicker: 'A blog about system design', title: site.title, subtitle: site.tagline };

export function cardEntries(posts: Post[]): CardEntry[] {
  return [
    { path: SITE_CARD, text: siteCardText },
    ...posts.map((post) => ({
      path: postCard(post.id),
      text: postCardText({ title: post.data.title, category: post.data.category, minutes: post.minutes }),
    })),
  ];
}

/** How many cards are copied or drawn at a time: copies wait on the disk, not the CPU. */
const AT_ONCE = 16;

/** Writes every card of the build's card list into `out`; returns how many. */
export async function writeSocialCards(out: string): Promise<number> {
  const listFile = join(out, CARD_LIST);
  const entries = JSON.parse(await readFile(listFile, 'utf8')) as CardEntry[];
  await mkdir(join(out, dirname(SITE_CARD)), { recursive: true });
  let next = 0;
  const writeNext = async (): Promise<void> => {
    for (let i = next++; i < entries.length; i = next++) {
      const { path, text } = entries[i]!;
      const target = join(out, path);
      // A missing card (a cold build whose worker has not drawn it yet) is drawn, or waited for, first.
      await copyFile(cardCacheFile(text), target).catch(async () => {
        await renderCard(text);
        await copyFile(cardCacheFile(text), target);
      });
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, writeNext));
  await rm(listFile);
  return entries.length;
}

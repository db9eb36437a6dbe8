/**
 * Writes the social cards into the build output. The pages publish the card list
 * (src/lib/socialCards/list.ts) as /og/cards.json; after the pages are written each card is copied
 * from the card cache, drawn first if missing, and the list is removed. Copying files is much
 * cheaper than a route per card, which would re-read and re-write every cached card on each rebuild.
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { cardCacheFile, renderCard, SITE_CARD } from '../../lib/socialCards/cache.ts';
import { CARD_LIST, type CardEntry } from '../../lib/socialCards/list.ts';

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

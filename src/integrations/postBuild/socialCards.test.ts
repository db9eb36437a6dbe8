import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drawCard } from '../../lib/socialCards/draw.ts';
import { cardCacheFile, renderCard } from '../../lib/socialCards/cache.ts';
import { CARD_LIST, type CardEntry } from '../../lib/socialCards/list.ts';
import { writeSocialCards } from './socialCards.ts';

const out = mkdtempSync(join(tmpdir(), 'cards-'));
const entries: CardEntry[] = [
  { path: '/og/cached.png', text: { kicker: 'Tech · 2 min read', title: `Cached ${randomUUID()}` } },
  { path: '/og/missing.png', text: { kicker: 'Notes · 9 min read', title: `Not drawn yet ${randomUUID()}` } },
];
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  for (const { text } of entries) rmSync(cardCacheFile(text), { force: true });
});

describe('writing the social cards of a build', () => {
  it('copies cached cards, draws missing ones, and removes the card list', async () => {
    await renderCard(entries[0]!.text); // in the cache before the build's step
    expect(existsSync(cardCacheFile(entries[1]!.text))).toBe(false);
    mkdirSync(join(out, 'og'), { recursive: true });
    writeFileSync(join(out, CARD_LIST), JSON.stringify(entries));

    expect(await writeSocialCards(out)).toBe(2);
    for (const { path, text } of entries) expect(readFileSync(join(out, path))).toEqual(Buffer.from(await drawCard(text)));
    expect(existsSync(join(out, CARD_LIST))).toBe(false);
  });
});

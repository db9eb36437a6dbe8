import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { LoaderContext } from 'astro/loaders';
import { drawCard } from './draw.ts';
import { CardPool, prewarmCards } from './pool.ts';
import { CARD_POOL_KEY, cardCacheFile, renderCard } from './cache.ts';

const WORKER = join(process.cwd(), 'src', 'lib', 'socialCards', 'worker.ts');
const written: string[] = [];
/** A card text no other test or build has drawn, so that nothing is cached for it yet. */
function freshText(): { kicker: string; title: string } {
  const text = { kicker: 'Tech · 3 min read', title: `Pool test ${randomUUID()}` };
  written.push(cardCacheFile(text));
  return text;
}
afterAll(() => {
  for (const file of written) rmSync(file, { force: true });
});

describe('social card pool', () => {
  it('draws queued cards in its worker into the cache, byte for byte as the build draws them', async () => {
    const pool = new CardPool(WORKER);
    const texts = [freshText(), freshText(), freshText()];
    for (const text of texts) pool.add(text);
    await pool.idle();
    for (const text of texts) {
      expect(readFileSync(cardCacheFile(text))).toEqual(Buffer.from(await drawCard(text)));
    }
  });

  it('gives a card the worker has not started back to the route, and the worker then skips it', async () => {
    const pool = new CardPool(WORKER);
    const texts = Array.from({ length: 6 }, freshText);
    for (const text of texts) pool.add(text);
    // The worker draws in order, so the last card is still waiting right after queueing.
    const last = cardCacheFile(texts.at(-1)!);
    expect(pool.claim(last)).toBeUndefined();
    await pool.idle();
    expect(existsSync(last)).toBe(false);
    expect(existsSync(cardCacheFile(texts[0]!))).toBe(true);
  });

  it('serves the route every card exactly as drawn, whether it waits for the worker or takes the card back', async () => {
    const pool = new CardPool(WORKER);
    const slot = globalThis as Record<symbol, unknown>;
    slot[CARD_POOL_KEY] = pool;
    try {
      const texts = Array.from({ length: 6 }, freshText);
      for (const text of texts) pool.add(text);
      await new Promise((resolve) => setTimeout(resolve, 20)); // let the worker start on the first cards
      const served = await Promise.all(texts.map((text) => renderCard(text)));
      await pool.idle();
      for (const [i, text] of texts.entries()) {
        expect(Buffer.from(served[i]!)).toEqual(Buffer.from(await drawCard(text)));
        expect(existsSync(cardCacheFile(text))).toBe(true);
      }
    } finally {
      delete slot[CARD_POOL_KEY];
    }
  });

  it('falls back to the route when its worker cannot start', async () => {
    const pool = new CardPool(join(process.cwd(), 'src', 'lib', 'socialCards', 'no-such-worker.ts'));
    const text = freshText();
    pool.add(text);
    await pool.idle();
    expect(pool.claim(cardCacheFile(text))).toBeUndefined();
    // renderCard with no pool of its own draws the card itself.
    expect(Buffer.from(await renderCard(text))).toEqual(Buffer.from(await drawCard(text)));
  });

  it('prewarms through a wrapped loader without changing what the loader stores', async () => {
    const stored: unknown[] = [];
    const store = {
      set(entry: unknown) {
        stored.push(entry);
        return true;
      },
      has(this: { entries: Map<string, unknown> }, id: string) {
        return this.entries.has(id); // a method that needs its own `this`
      },
      entries: new Map([['a', {}]]),
    };
    const queued: string[] = [];
    const loader = prewarmCards(
      {
        name: 'test',
        load: async ({ store: s }) => {
          expect(s.has('a')).toBe(true);
          s.set({ id: 'p', data: { title: 'T' }, body: 'x' });
          s.set({ id: 'q', data: { title: 'Draft' }, body: 'x' });
        },
      },
      (entry) => {
        queued.push(entry.id);
        return undefined; // no card: nothing reaches the pool
      },
    );
    await loader.load({ store } as unknown as LoaderContext);
    expect(stored).toHaveLength(2);
    expect(queued).toEqual(['p', 'q']);
  });
});

/**
 * Draws social cards in a worker thread while the content layer is still syncing. A cold build
 * spends its first seconds parsing Markdown on one core; the second core is free, and drawing the
 * cards is most of the CPU time the pages cost. The content loader is wrapped (`prewarmCards`) so that each post's
 * card is queued as soon as the post is stored; the card route (cache.ts `renderCard`) later reads
 * the cached file, waits for the card the worker is drawing, or takes back a card the worker has not
 * started and draws it itself, so that at the end both threads draw.
 *
 * Every card is sent to the worker at once, and each carries a shared claim flag that the worker and
 * the route set atomically: the worker never waits for the main thread, which is busy for seconds at
 * a time while it parses Markdown.
 *
 * Only speed depends on this: if the worker cannot start, or a card's text differs from what the
 * route asks for, the route draws the card as before.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { CardText } from './draw.ts';
import { CARD_POOL_KEY, cardCacheFile, type CardPoolHandle } from './cache.ts';

/** Values of a card's claim flag: whoever moves it off UNCLAIMED draws the card. */
export const UNCLAIMED = 0;
export const BY_WORKER = 1;
export const BY_ROUTE = 2;

/** A card sent to the worker. */
export interface CardJob {
  file: string;
  text: CardText;
  claim: Int32Array;
}

/** The worker's answer: drawn, failed, or skipped because the route claimed the card first. */
export interface CardDone {
  file: string;
  outcome: 'drawn' | 'failed' | 'skipped';
}

type StoredEntry = Parameters<LoaderContext['store']['set']>[0];

interface Pending {
  claim: Int32Array;
  done: Promise<boolean>;
  finish(drawn: boolean): void;
}

export class CardPool implements CardPoolHandle {
  /** Cards sent to the worker and not answered yet, by cache file. */
  private readonly pending = new Map<string, Pending>();
  private worker: Worker | undefined;
  private failed = false;
  private readonly workerFile: string;

  constructor(workerFile: string) {
    this.workerFile = workerFile;
  }

  /** Queues a card unless it is cached or queued already. */
  add(text: CardText): void {
    const file = cardCacheFile(text);
    if (this.failed || this.pending.has(file) || existsSync(file)) return;
    const claim = new Int32Array(new SharedArrayBuffer(4));
    let finish!: (drawn: boolean) => void;
    const done = new Promise<boolean>((resolve) => (finish = resolve));
    this.pending.set(file, { claim, done, finish });
    const worker = this.start();
    worker.ref(); // work is outstanding: keep the process alive until it is answered
    worker.postMessage({ file, text, claim } satisfies CardJob);
  }

  claim(file: string): Promise<boolean> | undefined {
    const job = this.pending.get(file);
    if (!job) return undefined;
    if (Atomics.compareExchange(job.claim, 0, UNCLAIMED, BY_ROUTE) === UNCLAIMED) return undefined;
    return job.done;
  }

  /** Resolves once the worker has answered for every card. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending.values()].map((j) => j.done));
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile);
    worker.on('message', ({ file, outcome }: CardDone) => {
      const job = this.pending.get(file);
      this.pending.delete(file);
      job?.finish(outcome === 'drawn');
      if (this.pending.size === 0) worker.unref(); // an idle worker must not keep the build alive
    });
    worker.on('error', () => this.fail());
    worker.on('exit', () => this.fail());
    return (this.worker = worker);
  }

  /** The worker is gone: every card it would have drawn falls back to the card route. */
  private fail(): void {
    this.failed = true;
    for (const job of this.pending.values()) job.finish(false);
    this.pending.clear();
  }
}

/** The process's pool, started on first use and shared with the card route through globalThis. */
export function cardPool(): CardPool {
  const slot = globalThis as Record<symbol, CardPool | undefined>;
  return (slot[CARD_POOL_KEY] ??= new CardPool(join(process.cwd(), 'src', 'lib', 'socialCards', 'worker.ts')));
}

/** Wraps a content loader so that every entry it stores queues its card (`cardText` undefined: no card). */
export function prewarmCards(loader: Loader, cardText: (entry: StoredEntry) => CardText | undefined): Loader {
  return {
    ...loader,
    load: (context) => {
      const store = context.store;
      const set: typeof store.set = (entry) => {
        const stored = store.set(entry);
        const text = cardText(entry);
        if (text) cardPool().add(text);
        return stored;
      };
      const proxy = new Proxy(store, {
        get(target, key) {
          if (key === 'set') return set;
          const value: unknown = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      return loader.load({ ...context, store: proxy });
    },
  };
}

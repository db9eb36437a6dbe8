/**
 * Worker thread of pool.ts: draws the cards it is sent into the card cache, one at a time and
 * in order, skipping any the card route has claimed in the meantime, and answers for each.
 */
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { BY_WORKER, UNCLAIMED, type CardDone, type CardJob } from './pool.ts';
import { drawCardToCache } from './cache.ts';

sharp.concurrency(1);
const port = parentPort!;
const queue: CardJob[] = [];
let draining = false;

async function drain(): Promise<void> {
  draining = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    let outcome: CardDone['outcome'] = 'skipped';
    if (Atomics.compareExchange(job.claim, 0, UNCLAIMED, BY_WORKER) === UNCLAIMED) {
      outcome = await drawCardToCache(job.text, job.file).then(
        () => 'drawn' as const,
        () => 'failed' as const,
      );
    }
    port.postMessage({ file: job.file, outcome } satisfies CardDone);
  }
  draining = false;
}

port.on('message', (job: CardJob) => {
  queue.push(job);
  if (!draining) void drain();
});

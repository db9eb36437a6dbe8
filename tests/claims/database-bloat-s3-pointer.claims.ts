/**
 * The S3 pointer article: the buffer pool figures from its model (bufferPool.ts, workload.ts in
 * src/sims/database-bloat-s3-pointer/), the download times from timeline.ts there, the real server's
 * figures from tests/integration/s3/innodb.test.ts, and InnoDB's documented constants cited to the MySQL and MariaDB manuals and source.
 */
import { defineArticleClaims } from './claims.ts';
import { DEFAULT_WORKLOAD, runWorkload, scanDamage, type LruPolicy, type WorkloadConfig } from '../../src/sims/database-bloat-s3-pointer/workload.ts';
import { DEFAULT_TIMELINE, timeline } from '../../src/sims/database-bloat-s3-pointer/timeline.ts';
import { FIGURE_WARMUP_REQUESTS, FIGURE_WORKLOAD } from '../../src/sims/database-bloat-s3-pointer/bufferPoolFigure.ts';
import { SHAPE } from '../integration/s3/innodbWorkload.ts';

const INNODB_TEST = 'tests/integration/s3/innodb.test.ts';
const KiB = 1024;
const MiB = 1024 * KiB;
const PAGE = 16 * KiB;
/** The smallest buffer pool MariaDB runs with 16 KiB pages, the one the real test starts. */
const SMALL_POOL_MIB = 6;

/** The figure's setup, the one BufferPoolSim runs: its pool, table, seed and warm-up, counted after the warm-up. */
const FIGURE: Partial<WorkloadConfig> = FIGURE_WORKLOAD;
const FIGURE_WARMUP = FIGURE_WARMUP_REQUESTS;
const FIGURE_REQUESTS = 20_000;
const figureRun = (design: 'inline' | 'pointer', lru: LruPolicy = 'midpoint') => runWorkload({ ...FIGURE, design, lru }, FIGURE_REQUESTS, 200, FIGURE_WARMUP);

const percent = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;
const thousands = (n: number) => n.toLocaleString('en');
const ms = (x: number) => `${thousands(Math.round(x))} ms`;

export default defineArticleClaims('database-bloat-s3-pointer', {
  claims: [
    {
      quote: 'The simulation runs that algorithm on a scaled-down pool of 128 pages, split all the same.',
      numbers: () => [String(FIGURE_WORKLOAD.poolPages)],
    },
    {
      quote: "over 20,000 requests after the warm-up, the figure's pool serves 78.6% of page reads from memory with logs inline, against 99.4% with pointers.",
      numbers: () => [thousands(FIGURE_REQUESTS), percent(figureRun('inline').hitRatio), percent(figureRun('pointer').hitRatio)],
    },
    {
      quote: 'Midpoint insertion barely matters here: a plain LRU list gets 77.7%.',
      numbers: () => [percent(figureRun('inline', 'plain').hitRatio)],
    },
    {
      quote:
        'the model keeps all 17 of the 17 index pages the recent runs need with the default 1000 ms delay, and 1 of the 17 with the delay set to 0 or a plain LRU list.',
      numbers: () => {
        const scan = (config: Partial<WorkloadConfig>) => scanDamage({ ...FIGURE, design: 'pointer', ...config }, { warmupRequests: FIGURE_WARMUP });
        const kept = scan({ oldBlocksTimeMs: DEFAULT_WORKLOAD.oldBlocksTimeMs });
        const noDelay = scan({ oldBlocksTimeMs: 0 });
        const plain = scan({ lru: 'plain' });
        const survivors = noDelay.hotPagesAfter === plain.hotPagesAfter ? String(plain.hotPagesAfter) : `${noDelay.hotPagesAfter} and ${plain.hotPagesAfter}`;
        return [
          String(kept.hotPagesAfter),
          String(kept.hotPagesBefore),
          `${DEFAULT_WORKLOAD.oldBlocksTimeMs} ms`,
          survivors,
          String(plain.hotPagesBefore),
          String(noDelay.oldBlocksTimeMs),
        ];
      },
    },
    {
      // The figure's log (10 MiB) in 16 KiB pages; the real server's smallest pool holds fewer.
      quote: 'One 10 MB value is about 640 pages, more than a 6 MiB pool holds.',
      numbers: () => {
        const pages = DEFAULT_TIMELINE.logBytes / PAGE;
        return [
          `${DEFAULT_TIMELINE.logBytes / MiB} MB`,
          String(pages),
          (SMALL_POOL_MIB * MiB) / PAGE < pages ? `${SMALL_POOL_MIB} MiB` : 'a pool that holds it',
        ];
      },
    },
    { quote: 'MariaDB 10.11 from Debian 12', measuredBy: INNODB_TEST },
    {
      quote: 'The table has 60,000 rows whose 600 newest runs carry a 128 KiB log; 12,000 requests follow a warm-up',
      numbers: () => [thousands(SHAPE.rows), thousands(SHAPE.rowsWithLogs), `${SHAPE.logBytes / KiB} KiB`, thousands(SHAPE.requests)],
    },
    {
      quote: 'With a 6 MiB buffer pool, too small for InnoDB to split its list, the hit ratio was 77.9% with logs inline and 98.9% with pointers.',
      measuredBy: INNODB_TEST,
    },
    { quote: 'With 32 MiB, where the old sublist held about 37% of the pages as configured, it was 86.9% against 100%.', measuredBy: INNODB_TEST },
    { quote: 'at 6 MiB one undivided list', measuredBy: INNODB_TEST },
    // The footnote of the MariaDB runs: its release and counters are measured, its request counts are the workload's.
    { quote: 'MariaDB 10.11.19, Debian 12', measuredBy: INNODB_TEST },
    { quote: '12,000 requests after 3,000 of warm-up', numbers: () => [thousands(SHAPE.requests), thousands(SHAPE.warmupRequests)] },
    {
      quote:
        'Read requests and reads: 6 MiB pool, 29,428 and 6,513 inline, 24,341 and 266 with pointers; 32 MiB pool (with innodb_lru_scan_depth=100, so the list passes 512 pages), 29,113 and 3,808 inline, 24,078 and 0 with pointers.',
      measuredBy: INNODB_TEST,
    },
    {
      quote:
        "With the figure's defaults (10 MiB, 100 Mbit/s, a 40 ms round trip) the last byte arrives after 945 ms from the database and 1,049 ms through the URL, 949 ms on an open connection",
      numbers: () => [
        `${DEFAULT_TIMELINE.logBytes / MiB} MiB`,
        `${DEFAULT_TIMELINE.clientMbps} Mbit/s`,
        `${DEFAULT_TIMELINE.clientRttMs} ms`,
        ms(timeline('database').totalMs),
        ms(timeline('presigned').totalMs),
        ms(timeline('presigned', { bucketConnected: true }).totalMs),
      ],
    },
  ],
  // The story's clock, and the example's size in a heading and in the card's description (the seed's wording).
  exempt: ['02:40', 'Where a 10 MB JSON column', 'Why 10MB JSON blobs'],
});

/**
 * The article's predict step before the buffer pool figure: a report reads every older run once; what
 * becomes of the index pages the recent runs need? The answer is the scan experiment's, on the figure's pool.
 */
import { FIGURE_WARMUP_REQUESTS, FIGURE_WORKLOAD } from './bufferPoolFigure.ts';
import { scanDamage } from './workload.ts';

export type ScanFate = 'kept' | 'some' | 'lost';

/** What the scan leaves of the hot index pages under `oldBlocksTimeMs` (InnoDB's default unless given). */
export function scanFate(oldBlocksTimeMs?: number): ScanFate {
  const d = scanDamage(
    { ...FIGURE_WORKLOAD, design: 'pointer', ...(oldBlocksTimeMs === undefined ? {} : { oldBlocksTimeMs }) },
    { warmupRequests: FIGURE_WARMUP_REQUESTS },
  );
  if (d.hotPagesAfter === d.hotPagesBefore) return 'kept';
  return d.hotPagesAfter * 4 <= d.hotPagesBefore ? 'lost' : 'some';
}

/** `npm run bench`: how fast the buffer pool model serves the article's workload. */
import { performance } from 'node:perf_hooks';
import { WorkloadRun } from '../../../src/sims/database-bloat-s3-pointer/workload.ts';

export function benchmarks() {
  const results = [];
  for (const design of ['inline', 'pointer'] as const) {
    const run = new WorkloadRun({ design });
    for (let i = 0; i < 2000; i++) run.next();
    const requests = 50_000;
    const pagesBefore = run.pool.readRequests;
    const start = performance.now();
    for (let i = 0; i < requests; i++) run.next();
    const seconds = (performance.now() - start) / 1000;
    results.push({ model: `bufferpool (${design}, 128 pages)`, work: 'page accesses simulated', perSecond: (run.pool.readRequests - pagesBefore) / seconds });
  }
  return results;
}

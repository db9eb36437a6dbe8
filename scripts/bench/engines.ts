/**
 * Throughput of the heaviest simulation models. Each simulation family that has one exports
 * `benchmarks()` from `src/sims/<topic>/bench.ts`, returning what it measured.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EngineResult {
  model: string;
  /** What was counted, e.g. "requests simulated". */
  work: string;
  perSecond: number;
}

export async function engineBenchmarks(root = 'src/sims'): Promise<EngineResult[]> {
  const results: EngineResult[] = [];
  for (const topic of readdirSync(root).sort()) {
    const file = join(root, topic, 'bench.ts');
    if (!existsSync(file)) continue;
    const mod = (await import(pathToFileURL(resolve(file)).href)) as { benchmarks?: () => EngineResult[] | Promise<EngineResult[]> };
    if (typeof mod.benchmarks === 'function') results.push(...(await mod.benchmarks()));
  }
  return results;
}

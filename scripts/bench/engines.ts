/**
 * Throughput of the heaviest simulation models. Each file in `scripts/bench/engines/` exports
 * `benchmarks()`, returning what it measured; it imports its models from `src/sims/` (never the reverse).
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EngineResult {
  model: string;
  /** What was counted, e.g. "requests simulated". */
  work: string;
  perSecond: number;
}

export async function engineBenchmarks(root = join(import.meta.dirname, 'engines')): Promise<EngineResult[]> {
  const results: EngineResult[] = [];
  for (const name of readdirSync(root).sort()) {
    if (!name.endsWith('.ts')) continue;
    const file = join(root, name);
    const mod = (await import(pathToFileURL(resolve(file)).href)) as { benchmarks?: () => EngineResult[] | Promise<EngineResult[]> };
    if (typeof mod.benchmarks === 'function') results.push(...(await mod.benchmarks()));
  }
  return results;
}

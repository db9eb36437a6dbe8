/**
 * What the microservices figures cost the browser: the opening sample and one Step of the latency tax,
 * and the fan-out figure's dots (at hydration) and one slider move at its heaviest N. `benchmarks()`
 * times each (three warm-up runs, then the median of 15) and reports requests sampled per second of
 * wall clock; `npm run bench` imports it (see scripts/bench/engines.ts), and importing this module does
 * nothing else. Run directly to print each scenario with its median wall and CPU time per run (on a
 * shared machine the wall clock mostly measures the neighbours):
 * npx node scripts/bench/engines/microservices.ts
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { EngineResult } from '../engines.ts';
import { mulberry32 } from '../../../src/sims/kit/random.ts';
import { IN_PROCESS, NETWORK, fanOutSlowShare, sampleBatch, summarize } from '../../../src/sims/monolith-vs-microservices/callGraph.ts';
import { CHECKOUT } from '../../../src/sims/monolith-vs-microservices/checkout.ts';
import { p99Of } from '../../../src/sims/monolith-vs-microservices/latency.ts';

interface Measured extends EngineResult {
  /** Median wall-clock and CPU milliseconds of one run. */
  wallMs: number;
  cpuMs: number;
}

/** Median wall and CPU milliseconds of one call of `fn`, after a warm-up so the JIT has compiled it. */
function medianMs(fn: () => void, runs = 15): { wallMs: number; cpuMs: number } {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    fn();
    const { user, system } = process.cpuUsage(used);
    times.push(performance.now() - start);
    cpu.push((user + system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { wallMs: times[runs >> 1]!, cpuMs: cpu[runs >> 1]! };
}

function measure(): Measured[] {
  const work = { kind: 'lognormal', median: 20, sigma: 0.6 } as const;
  const p99 = p99Of(work);
  const fanOuts = [1, 2, 5, 10, 20, 50, 100, 150, 200];
  const grown = { latencies: sampleBatch(CHECKOUT, NETWORK, 19_000, mulberry32(2)).latencies, random: mulberry32(3) };
  const scenarios: { model: string; work: string; requests: number; run: () => void }[] = [
    {
      model: 'microservices: latency tax, opening sample',
      work: 'requests sampled (5,000 in-process + 5,000 network, each summarized)',
      requests: 2 * 5000,
      run: () => {
        for (const t of [IN_PROCESS, NETWORK]) {
          const b = sampleBatch(CHECKOUT, t, 5000, mulberry32(1));
          summarize(b.latencies, b.ok);
        }
      },
    },
    {
      model: 'microservices: latency tax, Step at 19,000',
      work: 'requests sampled (+1,000 in-process + 1,000 network, each re-sorting 20,000)',
      requests: 2 * 1000,
      run: () => {
        for (const t of [IN_PROCESS, NETWORK]) {
          const b = sampleBatch(CHECKOUT, t, 1000, grown.random);
          summarize(grown.latencies.concat(b.latencies), b.ok);
        }
      },
    },
    {
      model: 'microservices: fan-out dots',
      work: `requests sampled (1,000 at each of ${fanOuts.length} values of N, 1 to 200)`,
      requests: 1000 * fanOuts.length,
      run: () => {
        for (const n of fanOuts) fanOutSlowShare(n, work, p99, 1000, n);
      },
    },
    {
      model: 'microservices: fan-out slider at N = 200',
      work: 'requests sampled (2,000 at N = 200)',
      requests: 2000,
      run: () => fanOutSlowShare(200, work, p99, 2000, 7),
    },
  ];
  return scenarios.map(({ model, work, requests, run }) => {
    const { wallMs, cpuMs } = medianMs(run);
    return { model, work, perSecond: requests / (wallMs / 1000), wallMs, cpuMs };
  });
}

/** Requests sampled per second of wall clock in each scenario (median of repeated runs). */
export function benchmarks(): EngineResult[] {
  return measure().map(({ model, work, perSecond }) => ({ model, work, perSecond }));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const b of measure()) {
    console.log(
      `${b.model.padEnd(46)} ${Math.round(b.perSecond).toLocaleString('en').padStart(9)}/s` +
        ` ${b.wallMs.toFixed(1).padStart(6)} ms wall ${b.cpuMs.toFixed(1).padStart(6)} ms CPU per run  ${b.work}`,
    );
  }
}

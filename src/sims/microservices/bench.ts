/**
 * What the microservices figures cost the browser: the opening sample and one Step of the latency tax,
 * and the fan-out figure's dots (at hydration) and one slider move at its heaviest N. Prints the median
 * of repeated runs, wall clock and CPU time. Run: npx node src/sims/microservices/bench.ts
 */
import { mulberry32 } from '../kit/random.ts';
import { IN_PROCESS, NETWORK, fanOutSlowShare, sampleBatch, summarize } from './callGraph.ts';
import { CHECKOUT } from './checkout.ts';
import { p99Of } from './latency.ts';

function median(label: string, fn: () => void, runs = 15): void {
  for (let i = 0; i < 3; i++) fn(); // warm up the JIT
  // CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
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
  console.log(`${label.padEnd(62)} ${times[runs >> 1]!.toFixed(1).padStart(7)} ms wall ${cpu[runs >> 1]!.toFixed(1).padStart(7)} ms CPU`);
}

const work = { kind: 'lognormal', median: 20, sigma: 0.6 } as const;
const p99 = p99Of(work);

median('latency tax: opening 5 000 requests, both runs', () => {
  for (const t of [IN_PROCESS, NETWORK]) {
    const b = sampleBatch(CHECKOUT, t, 5000, mulberry32(1));
    summarize(b.latencies, b.ok);
  }
});
const grown = { latencies: sampleBatch(CHECKOUT, NETWORK, 19_000, mulberry32(2)).latencies, random: mulberry32(3) };
median('latency tax: Step at 19 000 (+1 000 requests, re-sort), both', () => {
  for (const t of [IN_PROCESS, NETWORK]) {
    const b = sampleBatch(CHECKOUT, t, 1000, grown.random);
    summarize(grown.latencies.concat(b.latencies), b.ok);
  }
});
median('fan-out: the dots (1 000 requests at 9 values of N)', () => {
  for (const n of [1, 2, 5, 10, 20, 50, 100, 150, 200]) fanOutSlowShare(n, work, p99, 1000, n);
});
median('fan-out: slider at N = 200 (2 000 requests)', () => fanOutSlowShare(200, work, p99, 2000, 7));

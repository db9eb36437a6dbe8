/**
 * The latency tax: one checkout sampled twice, once with in-process calls (the mansion) and once across
 * the network (the village); each call's work follows the same distribution in both, drawn from
 * separate streams. Requests are added a batch at a time, so a
 * reader watches the percentiles settle. Each run keeps its latencies sorted as it grows: a batch is
 * sorted on its own and merged in, so adding requests costs time in proportion to the batch and the
 * run's length, never a full sort of everything sampled so far.
 */
import { clampNumber, mulberry32, type Random } from '../kit/model.ts';
import { IN_PROCESS, networkTransport, sampleBatch, type CallNode, type Summary, type Transport } from './callGraph.ts';
import { CHECKOUT, CHECKOUT_CHAIN } from './checkout.ts';
import { percentile } from './latency.ts';

/** Requests in the opening sample. */
export const OPENING_REQUESTS = 5000;
/** The most requests a run holds: enough for a steady p99, few enough to keep on a phone. */
export const MAX_REQUESTS = 20_000;
/** A second seed for the network run, so its draws are not the in-process run's draws. */
const VILLAGE_SEED_OFFSET = 7919;

/**
 * The settings' ranges, in the units a reader sets them: the hop's median in tenths of a millisecond
 * (0.1 to 10 ms) and lost hops per 10,000 calls (up to 1 %). The view's controls take these ranges,
 * and the model clamps to the same ones, so no setting can ask for another.
 */
export const TAX_RANGES = {
  hopTenthsMs: { min: 1, max: 100 },
  lossPer10k: { min: 0, max: 100 },
} as const;

export interface TaxSettings {
  shape: 'fan-out' | 'chain';
  /** Median network hop, ms. */
  hopMs: number;
  /** Share of hops lost. */
  loss: number;
  seed: number;
}

/** One run's requests so far, and the generator that continues it. */
export interface Run {
  /** End-to-end latencies of every request, failed or not, ascending. */
  sorted: number[];
  ok: number;
  random: Random;
}

export interface TaxSample {
  graph: CallNode;
  network: Transport;
  mansion: Run;
  village: Run;
}

function grown(run: Run, graph: CallNode, transport: Transport, requests: number): Run {
  const batch = sampleBatch(graph, transport, requests, run.random);
  return {
    sorted: mergeSorted(
      run.sorted,
      batch.latencies.sort((a, b) => a - b),
    ),
    ok: run.ok + batch.ok,
    random: run.random,
  };
}

/** The opening sample for these settings (inputs clamped, so no setting can ask for unbounded work). */
export function taxSampleOf(settings: TaxSettings, requests = OPENING_REQUESTS): TaxSample {
  const graph = settings.shape === 'chain' ? CHECKOUT_CHAIN : CHECKOUT;
  const network = networkTransport(
    clampNumber(settings.hopMs, { min: TAX_RANGES.hopTenthsMs.min / 10, max: TAX_RANGES.hopTenthsMs.max / 10, fallback: 1 }),
    clampNumber(settings.loss, { min: TAX_RANGES.lossPer10k.min / 10_000, max: TAX_RANGES.lossPer10k.max / 10_000, fallback: 0 }),
  );
  const empty = (seed: number): Run => ({ sorted: [], ok: 0, random: mulberry32(seed) });
  return withMoreRequests({ graph, network, mansion: empty(settings.seed), village: empty(settings.seed + VILLAGE_SEED_OFFSET) }, requests);
}

/** `requests` more for both runs (up to MAX_REQUESTS in all), continuing the same generators. */
export function withMoreRequests(s: TaxSample, requests: number): TaxSample {
  const n = clampNumber(requests, { min: 0, max: MAX_REQUESTS - s.mansion.sorted.length, fallback: 0, integer: true });
  if (n <= 0) return s;
  return { ...s, mansion: grown(s.mansion, s.graph, IN_PROCESS, n), village: grown(s.village, s.graph, s.network, n) };
}

export function requestsIn(s: TaxSample): number {
  return s.mansion.sorted.length;
}

/** What a dashboard shows for a run: read off the sorted latencies, no sorting needed. */
export function summaryOf(run: Run): Summary {
  const n = run.sorted.length;
  return { requests: n, latencies: run.sorted, successRate: n === 0 ? NaN : run.ok / n, p50: percentile(run.sorted, 0.5), p99: percentile(run.sorted, 0.99) };
}

/** Points of the empirical CDF (latency, share finished by then) at 101 evenly spaced ranks: enough for a smooth curve. */
export function cdfPoints(sorted: readonly number[]): [number, number][] {
  if (sorted.length === 0) return [];
  const points: [number, number][] = [];
  for (let i = 0; i <= 100; i++) {
    const rank = Math.min(sorted.length - 1, Math.floor((i / 100) * (sorted.length - 1)));
    points.push([sorted[rank]!, (rank + 1) / sorted.length]);
  }
  return points;
}

/** Two ascending arrays as one ascending array. */
export function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}

/** What the figure shows of one run: the dashboard numbers and the CDF's points. */
export interface RunShown {
  p50: number;
  p99: number;
  successRate: number;
  fastest: number;
  slowest: number;
  cdf: [number, number][];
}

/** What the figure shows: small enough to compute at build time and pass to the page. */
export interface TaxShown {
  requests: number;
  mansion: RunShown;
  village: RunShown;
}

export function shownOf(s: TaxSample): TaxShown {
  const run = (r: Run): RunShown => {
    const { p50, p99, successRate } = summaryOf(r);
    return { p50, p99, successRate, fastest: r.sorted[0] ?? NaN, slowest: r.sorted.at(-1) ?? NaN, cdf: cdfPoints(r.sorted) };
  };
  return { requests: requestsIn(s), mansion: run(s.mansion), village: run(s.village) };
}

/**
 * The figure's model: the sample, the opening requests still to draw, and what is shown. The opening
 * is drawn on the page a bounded batch at a time (`buildSome`, which advances it in place); until then
 * the figure shows what the build computed for the same settings, or the sample as it grows.
 */
export interface TaxRun {
  sample: TaxSample;
  pending: number;
  shown: TaxShown;
  /** Shown was made at build time for these settings: keep it until the page has drawn the same requests. */
  prebuilt: boolean;
}

export function taxRunOf(settings: TaxSettings, prebuilt?: TaxShown): TaxRun {
  const sample = taxSampleOf(settings, 0);
  return { sample, pending: OPENING_REQUESTS, shown: prebuilt ?? shownOf(sample), prebuilt: prebuilt !== undefined };
}

/** Draws up to `maxRequests` more of the opening, in place; returns whether the opening is complete. */
export function buildSome(run: TaxRun, maxRequests: number): boolean {
  const n = Math.min(run.pending, Math.max(1, Math.floor(maxRequests)));
  if (run.pending > 0) {
    run.sample = withMoreRequests(run.sample, n);
    run.pending -= n;
    if (run.pending === 0 || !run.prebuilt) run.shown = shownOf(run.sample);
  }
  return run.pending === 0;
}

/**
 * `requests` more, after the opening. A Step during a half-built opening joins the requests still to
 * draw (in place, so the slices already building it draw them too, a bounded batch at a time, rather
 * than this event drawing thousands at once); a tick of playback waits for the slices instead.
 */
export function withMore(run: TaxRun, requests: number, how: 'step' | 'tick'): TaxRun {
  if (run.pending > 0) {
    if (how === 'step') {
      const room = MAX_REQUESTS - requestsIn(run.sample) - run.pending;
      run.pending += clampNumber(requests, { min: 0, max: Math.max(0, room), fallback: 0, integer: true });
    }
    return run;
  }
  const sample = withMoreRequests(run.sample, requests);
  return { sample, pending: 0, shown: shownOf(sample), prebuilt: false };
}

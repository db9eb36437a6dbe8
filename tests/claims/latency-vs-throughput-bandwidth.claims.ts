/**
 * Latency vs. throughput: the pipe and new-connection numbers from src/sims/latency-vs-throughput-bandwidth/ (pipe.ts, connection.ts),
 * the slow requests from the averages experiment, the queueing numbers from the formulas in
 * src/sims/engines/queueing/theory.ts, and the fan-out share from the microservices model the article links to.
 */
import { defineArticleClaims } from './claims.ts';
import { AveragesExperiment, SLOW_MS, SLOW_SHARE } from '../../src/sims/latency-vs-throughput-bandwidth/averages.ts';
import { MSS_BYTES, initialWindowBytes, newConnectionFetchMs, slowStart } from '../../src/sims/latency-vs-throughput-bandwidth/connection.ts';
import { arrivalMs, type Pipe } from '../../src/sims/latency-vs-throughput-bandwidth/pipe.ts';
import { erlangC, mm1MeanTimeInSystem, mm1TimeInSystemQuantile, mmcMeanWait } from '../../src/sims/engines/queueing/theory.ts';
import { atLeastOneSlow } from '../../src/sims/monolith-vs-microservices/callGraph.ts';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const power = (base: string, exponent: number) => `${base}${[...String(exponent)].map((d) => SUPERSCRIPT[Number(d)]).join('')}`;
const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;
const ms = (value: number) => `${Math.round(value).toLocaleString('en')} ms`;
/** "2 times", "1.3 times", "13 times": two significant figures, as the article writes multiples. */
const times = (value: number) => String(Number(value.toPrecision(2)));

/** The pipe the article's figure opens with: 100 Mbit/s wide, 40 ms long. */
const pipe = (payloadKb: number): Pipe => ({ bandwidthMbps: 100, latencyMs: 40, payloadKb });

function fetchOf(payloadKb: number) {
  const p = pipe(payloadKb);
  return { ...slowStart(p), fetch: newConnectionFetchMs(p), formula: arrivalMs(p) };
}

/** The averages experiment as the reader sees it settle after hydration: 100,000 requests (the figure's seed is 1). */
function settledAverages(seed: number) {
  const e = new AveragesExperiment({ sharePercent: SLOW_SHARE.fallback, slowMs: SLOW_MS.fallback }, seed);
  e.advance(100_000);
  return e.summary();
}

/** Time in system of an M/M/c queue at utilisation rho, in service times (mu = 1). */
const mmcTime = (c: number, rho: number) => 1 + mmcMeanWait(rho * c, 1, c);

/** Little's law for the article's service: 200 requests a second, each holding a thread for 50 ms. */
const LITTLE = { perSecond: 200, holdMs: 50 };
const inFlight = (LITTLE.perSecond * LITTLE.holdMs) / 1000;

export default defineArticleClaims('latency-vs-throughput-bandwidth', {
  claims: [
    {
      quote: 'it may send 10 segments, 14,600 bytes',
      numbers: () => [String(initialWindowBytes() / MSS_BYTES), initialWindowBytes().toLocaleString('en')],
    },
    {
      quote: 'In a pipe 100 Mbit/s wide and 40 ms long, a 2 kB response fits the first window and arrives after 240 ms, not 40 ms.',
      numbers: () => {
        const f = fetchOf(2);
        if (f.flights !== 1) throw new Error(`2 kB takes ${f.flights} windows, not the first alone`);
        return ['100 Mbit/s', '40 ms', '2 kB', ms(f.fetch), ms(f.formula)];
      },
    },
    {
      quote: 'A 500 kB photo goes out in 6 windows, waits for acknowledgements 5 times and takes 644 ms, not 80 ms.',
      numbers: () => {
        const f = fetchOf(500);
        return ['500 kB', String(f.flights), String(f.stalls), ms(f.fetch), ms(f.formula)];
      },
    },
    {
      quote: 'A 25 MB download stops 7 times before its window fills the pipe and takes 2,652 ms, not 2,040 ms.',
      numbers: () => {
        const f = fetchOf(25_000);
        return ['25 MB', String(f.stalls), ms(f.fetch), ms(f.formula)];
      },
    },
    { quote: 'The slow 1% matters more than it sounds.', numbers: () => [`${SLOW_SHARE.fallback}%`] },
    {
      quote: 'A page that makes 50 backend calls meets at least one slow one on 39% of loads (1 − 0.99⁵⁰)',
      numbers: () => ['50', percent(atLeastOneSlow(50)), '1', power('0.99', 50)],
    },
    {
      // With exactly 1 request in 100 slow, p99 sits on the edge of the slow ones and wanders from run to
      // run (from about 130 to 175 ms once settled), so the article states only what every run shows.
      quote: 'Inject a slow 1% below, 200 ms each: the mean moves from 21 ms to 24 ms, while p99 more than doubles.',
      numbers: () => {
        const runs = [1, 2, 3].map((seed) => settledAverages(seed));
        const means = runs.map((r) => [ms(r.baseline.mean), ms(r.withSlow.mean)].join(' to '));
        if (new Set(means).size !== 1) throw new Error(`the mean differs between runs: ${means.join('; ')}`);
        const p99Ratios = runs.map((r) => r.withSlow.p99 / r.baseline.p99);
        if (Math.min(...p99Ratios) <= 2) throw new Error(`p99 did not double in every run: ${p99Ratios.join(', ')}`);
        const { baseline, withSlow } = runs[0]!;
        return [`${SLOW_SHARE.fallback}%`, ms(SLOW_MS.fallback), ms(baseline.mean), ms(withSlow.mean), 'p99'];
      },
    },
    {
      quote: 'At 50% busy a request takes 2 times its service time; at 90%, 10 times; at 99%, 100 times.',
      numbers: () => [0.5, 0.9, 0.99].flatMap((rho) => [percent(rho), times(mm1MeanTimeInSystem(rho, 1))]),
    },
    {
      // The footnote's derivation: the p-quantile of an exponential time in system is W × ln(1 / (1 − p)).
      quote: 'so p50 = ln 2 × W and p99 = ln 100 × W ≈ 4.6 W.',
      numbers: () => {
        const inW = (p: number) => mm1TimeInSystemQuantile(0.5, 1, p) / mm1MeanTimeInSystem(0.5, 1);
        return ['p50', String(Math.round(Math.exp(inW(0.5)))), 'p99', String(Math.round(Math.exp(inW(0.99)))), inW(0.99).toFixed(1)];
      },
    },
    {
      quote: 'The p99 is about 4.6 times the mean at every load.',
      numbers: () => {
        const ratios = [0.1, 0.5, 0.8, 0.99].map((rho) => mm1TimeInSystemQuantile(rho, 1, 0.99) / mm1MeanTimeInSystem(rho, 1));
        if (Math.max(...ratios) - Math.min(...ratios) > 1e-9) throw new Error(`p99 / mean varies with load: ${ratios.join(', ')}`);
        return ['p99', ratios[0]!.toFixed(1)];
      },
    },
    {
      quote: 'So is "only 80% CPU" reassuring? For one server, no: at 80% a request already takes 5 times its service time.',
      numbers: () => ['80%', '80%', times(mm1MeanTimeInSystem(0.8, 1))],
    },
    {
      quote: 'puts 8 servers at 80% at only 1.3 times the service time, with 46% of requests waiting at all',
      numbers: () => ['8', '80%', times(mmcTime(8, 0.8)), percent(erlangC(8, 0.8 * 8))],
    },
    {
      quote: 'they reach 3.1 times at 95% and 13 times at 99%.',
      numbers: () => [times(mmcTime(8, 0.95)), '95%', times(mmcTime(8, 0.99)), '99%'],
    },
    {
      // Requests split at random from a Poisson stream form Poisson streams: each line is an M/M/1 queue at 80%.
      // The "1" is M/M/1's server count: one server per line.
      quote: 'Give each of the 8 its own line, deal requests at random, and they are 8 M/M/1 queues at 5 times again',
      numbers: () => ['8', '8', '1', times(mm1MeanTimeInSystem(0.8, 1))],
    },
    {
      quote: 'At 200 requests per second and 50 ms each, 10 requests are in flight;',
      numbers: () => [String(LITTLE.perSecond), ms(LITTLE.holdMs), String(inFlight)],
    },
    {
      quote: 'if each holds a worker thread, 10 threads are busy on average.',
      numbers: () => [String(inFlight)],
    },
    {
      quote: 'Give the service 8 threads and the load is 125%: they finish at most 160 requests a second, so the line grows by 40 every second, without bound',
      numbers: () => {
        // Erlang C has no answer at a load of 8 threads' worth or more: no queue is stable there.
        let stable = true;
        try {
          erlangC(8, inFlight);
        } catch {
          stable = false;
        }
        if (stable) throw new Error('Erlang C accepted an unstable queue');
        const capacity = (8 * 1000) / LITTLE.holdMs;
        return ['8', percent(inFlight / 8), String(capacity), String(LITTLE.perSecond - capacity)];
      },
    },
    {
      quote: 'With 12 the load is 83% and, in the M/M/c model, a request waits 11 ms on average.',
      numbers: () => ['12', percent(inFlight / 12), ms(mmcMeanWait(LITTLE.perSecond / 1000, 1 / LITTLE.holdMs, 12))],
    },
  ],
  // p50, p99 and M/M/1 name a percentile or a queue here, as in the card's description (the seed's wording).
  exempt: ['says 500 Mbit/s', '99 requests in 100', 'TLS 1.3', 'P99 latency', 'p50', 'p99', 'M/M/1'],
});

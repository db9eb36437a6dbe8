/**
 * Averages lie: a live latency histogram with the mean, p50 and p99 marked. Injecting a slow share of
 * requests barely moves the mean and sends p99 up by a multiple. Both runs share their arrivals and
 * work, so the only difference between them is the slow requests.
 */
import {
  Controls,
  Histogram,
  PlayControls,
  SimFrame,
  Slider,
  Toggle,
  boolParam,
  formatMs,
  formatNumber,
  formatPercent,
  intParam,
  island,
  numberParam,
  useSimulation,
  type StateOf,
} from '../kit/index.ts';
import { AveragesExperiment, MAX_REQUESTS, SLOW_MS, SLOW_SHARE, isOverloaded, slowRequestsEffect, type LatencySummary } from './averages.ts';
import './latency.css';

const schema = {
  slow: boolParam(false),
  share: numberParam(SLOW_SHARE.min, SLOW_SHARE.max, SLOW_SHARE.fallback),
  slowMs: intParam(SLOW_MS.min, SLOW_MS.max, SLOW_MS.fallback),
};

/** Requests in the static figure (and at hydration, so the markup matches it). */
const FIRST_REQUESTS = 5_000;
/**
 * Right after hydration the runs continue in slices to this many requests: with 1% slow requests, 5,000
 * requests hold only about 50 slow ones, too few for a steady p99.
 */
const SETTLED_REQUESTS = 100_000;
/**
 * Requests per tick of playback: small, because a slow frame can owe the clock up to four ticks and a
 * phone's CPU runs both queues four times slower; 2,500 made tasks of over 200 ms there.
 * The slices that settle the runs after hydration take small steps for the same reason.
 */
const PER_TICK = 300;
const PER_STEP = 10_000;
const SETTLE_STEP = 250;

const rows: { key: keyof LatencySummary; label: string }[] = [
  { key: 'mean', label: 'Mean' },
  { key: 'p50', label: 'p50 (median)' },
  { key: 'p99', label: 'p99' },
  { key: 'p999', label: 'p99.9' },
];

function change(before: number, after: number): string {
  const ratio = after / before;
  return ratio >= 1.5 ? `×${formatNumber(ratio, { digits: 1, grouping: false })}` : `${ratio >= 1 ? '+' : '−'}${formatPercent(Math.abs(ratio - 1))}`;
}

/** The slow share in tenths of a percent, as the slider shows it. */
const shareOf = (p: StateOf<typeof schema>) => Math.round(p.share * 10) / 10;

function start(p: StateOf<typeof schema>): AveragesExperiment {
  const e = new AveragesExperiment({ sharePercent: shareOf(p), slowMs: p.slowMs });
  e.advance(FIRST_REQUESTS);
  return e;
}

function AveragesView() {
  const sim = useSimulation('averages', schema, {
    title: 'Averages lie: a latency histogram with the mean, p50 and p99',
    init: start,
    // Showing the runs with or without the slow requests is a view of the same experiment.
    change: (e, p, before) => (shareOf(p) === shareOf(before) && p.slowMs === before.slowMs ? e : start(p)),
    step: (e) => (e.advance(PER_STEP), e),
    tick: (e) => (e.advance(PER_TICK), e),
    finished: (e) => e.finished,
    tickMs: 60,
    // After hydration the runs continue in slices to SETTLED_REQUESTS.
    settle: (e) => {
      e.advance(SETTLE_STEP);
      return e.requests >= SETTLED_REQUESTS || e.finished;
    },
  });
  const state = sim.params;
  const share = shareOf(state);
  const experiment = sim.model;

  const { baseline, withSlow } = experiment.summary();
  const shown = state.slow ? withSlow : baseline;
  const buckets = experiment.histogram(state.slow ? 'withSlow' : 'baseline');
  const requests = experiment.requests;
  const slowRequests = { sharePercent: share, slowMs: state.slowMs };
  const status = `${state.slow ? `With ${share}% slow requests` : 'Without slow requests'}, after ${formatNumber(requests)} requests: mean ${formatMs(shown.mean)}, p50 ${formatMs(shown.p50)}, p99 ${formatMs(shown.p99)}.${state.slow && isOverloaded(slowRequests) ? ' Overloaded: the line grows without bound.' : ''}`;

  return (
    <SimFrame
      {...sim.frame}
      caption={`Latencies of a service whose requests usually take about 20 ms (four workers, half busy), on a log scale; the table compares the same traffic with and without a slow ${share}% of requests that take ${state.slowMs} ms. ${slowRequestsEffect(slowRequests, { baseline, withSlow })}`}
      status={status}
    >
      <Controls>
        <Toggle sim={sim} param="slow" label="Inject slow requests" />
        <Slider sim={sim} param="share" label="Slow share" step={0.5} format={(v) => `${Math.round(v * 10) / 10}%`} />
        <Slider sim={sim} param="slowMs" label="Slow requests take" step={50} format={(v) => `${v} ms`} />
      </Controls>
      <Controls>
        <PlayControls sim={sim} />
        <span class="sim-note">{`${formatNumber(requests)} of ${formatNumber(MAX_REQUESTS)} requests`}</span>
      </Controls>
      <div class="latency-layer">
        <Histogram
          title={`Latency histogram, ${state.slow ? `with ${share}% slow requests` : 'without slow requests'}`}
          buckets={buckets}
          logX
          xLabel="latency (ms, log scale)"
          markers={[
            { label: `mean ${formatMs(shown.mean)}`, value: shown.mean },
            { label: `p50 ${formatMs(shown.p50)}`, value: shown.p50 },
            { label: `p99 ${formatMs(shown.p99)}`, value: shown.p99 },
          ]}
        />
      </div>
      <table class="latency-table">
        <caption class="visually-hidden">Latency with and without slow requests, same traffic</caption>
        <thead>
          <tr>
            <th scope="col">Statistic</th>
            <th scope="col">Without slow requests</th>
            <th scope="col">{`With ${share}% at ${state.slowMs} ms`}</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ key, label }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td>{formatMs(baseline[key])}</td>
              <td>{formatMs(withSlow[key])}</td>
              <td>{change(baseline[key], withSlow[key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </SimFrame>
  );
}

export default island(AveragesView);

/**
 * Averages lie: a live latency histogram with the mean, p50 and p99 marked. Injecting a slow share of
 * requests barely moves the mean and sends p99 up by a multiple. Both runs share their arrivals and
 * work, so the only difference between them is the slow requests.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Controls, Histogram, PlayControls, SimFrame, Slider, Toggle, boolParam, intParam, island, numberParam, useGuarded, useReportError, useSimState, useTicker } from '../kit/index.ts';
import { AveragesExperiment, MAX_REQUESTS, SLOW_MS, SLOW_SHARE, isOverloaded, slowRequestsEffect, type LatencySummary } from './averages.ts';
import { formatMs } from './format.ts';
import { runInSlices } from '../kit/slices.ts';
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
const PER_TICK = 2_500;
const PER_STEP = 10_000;

const rows: { key: keyof LatencySummary; label: string }[] = [
  { key: 'mean', label: 'Mean' },
  { key: 'p50', label: 'p50 (median)' },
  { key: 'p99', label: 'p99' },
  { key: 'p999', label: 'p99.9' },
];

function change(before: number, after: number): string {
  const ratio = after / before;
  return ratio >= 1.5 ? `×${ratio.toFixed(1)}` : `${ratio >= 1 ? '+' : '−'}${Math.abs((ratio - 1) * 100).toFixed(0)}%`;
}

function AveragesView() {
  const [state, update] = useSimState('averages', schema);
  const share = Math.round(state.share * 10) / 10;
  const [run, setRun] = useState(0);
  const experiment = useMemo(() => {
    const e = new AveragesExperiment({ sharePercent: share, slowMs: state.slowMs });
    e.advance(FIRST_REQUESTS);
    return e;
    // `run` restarts the experiment on Reset.
  }, [share, state.slowMs, run]);
  const [, setVersion] = useState(0);
  const [playing, setPlaying] = useState(false);
  const advance = useGuarded((requests: number) => {
    experiment.advance(requests);
    if (experiment.finished) setPlaying(false);
    setVersion((v) => v + 1);
  });
  useTicker(() => advance(PER_TICK), { running: playing, intervalMs: 100 });
  const report = useReportError();
  useEffect(
    () =>
      runInSlices(
        () => {
          try {
            experiment.advance(1_000);
            return experiment.requests >= SETTLED_REQUESTS || experiment.finished;
          } catch (error) {
            report(error);
            return true;
          }
        },
        () => setVersion((v) => v + 1),
      ),
    [experiment, report],
  );

  const { baseline, withSlow } = experiment.summary();
  const shown = state.slow ? withSlow : baseline;
  const buckets = experiment.histogram(state.slow ? 'withSlow' : 'baseline');
  const requests = experiment.requests;
  const slowRequests = { sharePercent: share, slowMs: state.slowMs };
  const status = `${state.slow ? `With ${share}% slow requests` : 'Without slow requests'}, after ${requests.toLocaleString('en')} requests: mean ${formatMs(shown.mean)}, p50 ${formatMs(shown.p50)}, p99 ${formatMs(shown.p99)}.${state.slow && isOverloaded(slowRequests) ? ' Overloaded: the line grows without bound.' : ''}`;

  return (
    <SimFrame
      id="averages"
      title="Averages lie: a latency histogram with the mean, p50 and p99"
      caption={`Latencies of a service whose requests usually take about 20 ms (four workers, half busy), on a log scale; the table compares the same traffic with and without a slow ${share}% of requests that take ${state.slowMs} ms. ${slowRequestsEffect(slowRequests, { baseline, withSlow })}`}
      status={status}
      share={{ schema, state }}
    >
      <Controls>
        <Toggle label="Inject slow requests" checked={state.slow} onChange={(slow) => update({ slow })} />
        <Slider label="Slow share" value={share} min={SLOW_SHARE.min} max={SLOW_SHARE.max} step={0.5} onChange={(v) => update({ share: v })} format={(v) => `${v}%`} />
        <Slider label="Slow requests take" value={state.slowMs} min={SLOW_MS.min} max={SLOW_MS.max} step={50} onChange={(slowMs) => update({ slowMs })} format={(v) => `${v} ms`} />
      </Controls>
      <Controls>
        <PlayControls
          playing={playing}
          finished={experiment.finished}
          onPlay={() => setPlaying(true)}
          onPause={() => setPlaying(false)}
          onStep={() => advance(PER_STEP)}
          onReset={() => {
            setPlaying(false);
            setRun((r) => r + 1);
          }}
        />
        <span class="sim-note">{`${requests.toLocaleString('en')} of ${MAX_REQUESTS.toLocaleString('en')} requests`}</span>
      </Controls>
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

export default island('Averages lie', AveragesView);

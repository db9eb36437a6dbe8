/**
 * The latency tax: the same checkout run in one process and across the network, side by side, as the
 * share of requests finished by a given time (a CDF). Requests arrive in batches so the reader can
 * watch the percentiles settle.
 */
import {
  Button,
  Controls,
  LineChart,
  PlayControls,
  Readout,
  Select,
  SimFrame,
  Slider,
  enumParam,
  formatMs,
  formatNumber,
  formatPercent,
  intParam,
  island,
  useSimulation,
  type StateOf,
} from '../kit/index.ts';
import { NETWORK_FAILURE, NETWORK_HOP_MEDIAN_MS, callsIn, type Summary } from './callGraph.ts';
import { MAX_REQUESTS, OPENING_REQUESTS, cdfPoints, requestsIn, summaryOf, taxSampleOf, withMoreRequests, type TaxSettings } from './latencyTax.ts';
import './microservices.css';

/** Requests a Step adds. */
const STEP_REQUESTS = 1000;
/** Requests a tick of playback adds: a Step's worth every half second, in halves, so no tick's work nears a frame budget on a phone. */
const TICK_REQUESTS = 500;

const schema = {
  shape: enumParam(['fan-out', 'chain'] as const, 'fan-out'),
  /** Median network hop in tenths of a millisecond. */
  hop: intParam(1, 100, Math.round(NETWORK_HOP_MEDIAN_MS * 10)),
  /** Failed hops per 10 000 calls. */
  loss: intParam(0, 100, Math.round(NETWORK_FAILURE * 10_000)),
  seed: intParam(1, 9999, 1),
};

/** The schema's integer controls in the model's units. */
const settingsOf = (p: StateOf<typeof schema>): TaxSettings => ({ shape: p.shape, hopMs: p.hop / 10, loss: p.loss / 10_000, seed: p.seed });

const ms = (v: number) => formatMs(v, { digits: 1 });
const pct = (v: number) => formatPercent(v, 2, { space: true });

function Result({ title, summary }: { title: string; summary: Summary }) {
  return (
    <section>
      <h3>{title}</h3>
      <Readout
        items={[
          ['p50', ms(summary.p50)],
          ['p99', ms(summary.p99)],
          ['succeeded', pct(summary.successRate)],
        ]}
      />
    </section>
  );
}

function LatencyTax() {
  const sim = useSimulation('tax', schema, {
    title: 'The latency tax: one checkout, in one process and across the network',
    init: (p) => taxSampleOf(settingsOf(p)),
    step: (s) => withMoreRequests(s, STEP_REQUESTS),
    // Playback sends the same stream in smaller batches, so each tick's work stays well inside a frame budget.
    tick: (s) => withMoreRequests(s, TICK_REQUESTS),
    finished: (s) => requestsIn(s) >= MAX_REQUESTS,
    tickMs: 250,
  });
  const state = sim.params;
  const samples = sim.model;
  const requests = requestsIn(samples);
  const mansion = summaryOf(samples.mansion);
  const village = summaryOf(samples.village);

  return (
    <SimFrame
      {...sim.frame}
      caption={`Share of ${formatNumber(requests)} simulated checkout requests finished by a given time. The work in each call is the same in both runs; the network run adds a hop with a ${ms(state.hop / 10)} median to each of the ${callsIn(samples.graph).length} calls and loses ${state.loss} hops in 10 000.`}
      status={`${requests} requests. In one process: p50 ${ms(mansion.p50)}, p99 ${ms(mansion.p99)}, ${pct(mansion.successRate)} succeeded. Across the network: p50 ${ms(village.p50)}, p99 ${ms(village.p99)}, ${pct(village.successRate)} succeeded.`}
    >
      <Controls>
        <Select
          sim={sim}
          param="shape"
          label="Call graph"
          options={[
            { value: 'fan-out', label: 'Four lookups in parallel' },
            { value: 'chain', label: 'All seven calls in a row' },
          ]}
        />
        <Slider sim={sim} param="hop" label="Network hop (median)" format={(v) => ms(v / 10)} />
        <Slider sim={sim} param="loss" label="Lost hops per 10 000" />
        <PlayControls sim={sim} />
        <Button onClick={() => sim.set({ seed: (state.seed % 9999) + 1 })}>Draw new requests</Button>
      </Controls>
      <div class="ms-compare">
        <Result title="Mansion (in-process calls)" summary={mansion} />
        <Result title="Village (network calls)" summary={village} />
      </div>
      <LineChart
        title="Share of requests finished by time (log scale)"
        xLabel="end-to-end latency, ms"
        yLabel="share finished"
        logX
        yDomain={[0, 1]}
        xDomain={[10 ** Math.floor(Math.log10(Math.max(0.1, mansion.latencies[0]!))), Math.max(mansion.latencies.at(-1)!, village.latencies.at(-1)!)]}
        series={[
          { label: 'in-process', points: cdfPoints(mansion.latencies) },
          { label: 'network', points: cdfPoints(village.latencies), dashed: true },
        ]}
      />
      <p class="sim-note">
        Step sends {formatNumber(STEP_REQUESTS)} more requests (up to {formatNumber(MAX_REQUESTS)}); Reset starts again from the same{' '}
        {formatNumber(OPENING_REQUESTS)}, and Draw new requests from {formatNumber(OPENING_REQUESTS)} fresh ones.
      </p>
    </SimFrame>
  );
}

export default island(LatencyTax);

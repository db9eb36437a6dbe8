/**
 * The latency tax: the same checkout run in one process and across the network, side by side, as the
 * share of requests finished by a given time (a CDF). Requests arrive in batches so the reader can
 * watch the percentiles settle.
 */
import {
  Controls,
  LineChart,
  PlayControls,
  Select,
  SimFrame,
  Slider,
  enumParam,
  formatMs,
  formatNumber,
  formatPercent,
  intParam,
  island,
  mulberry32,
  useSimulation,
  type Random,
  type StateOf,
  Readout,
} from '../kit/index.ts';
import {
  IN_PROCESS,
  NETWORK_FAILURE,
  NETWORK_HOP_MEDIAN_MS,
  callsIn,
  networkTransport,
  sampleBatch,
  summarize,
  type CallNode,
  type Summary,
  type Transport,
} from './callGraph.ts';
import { CHECKOUT, CHECKOUT_CHAIN } from './checkout.ts';
import './microservices.css';

const BATCH = 1000;
const OPENING = 5000;
const MAX_REQUESTS = 20_000;

const schema = {
  shape: enumParam(['fan-out', 'chain'] as const, 'fan-out'),
  /** Median network hop in tenths of a millisecond. */
  hop: intParam(1, 100, Math.round(NETWORK_HOP_MEDIAN_MS * 10)),
  /** Failed hops per 10 000 calls. */
  loss: intParam(0, 100, Math.round(NETWORK_FAILURE * 10_000)),
  seed: intParam(1, 9999, 1),
};

/** Points of the empirical CDF at 101 evenly spaced ranks, enough for a smooth curve. */
function cdfPoints(sorted: number[]): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i <= 100; i++) {
    const rank = Math.min(sorted.length - 1, Math.floor((i / 100) * (sorted.length - 1)));
    points.push([sorted[rank]!, (rank + 1) / sorted.length]);
  }
  return points;
}

const ms = (v: number) => formatMs(v, { digits: 1 });
const pct = (v: number) => formatPercent(v, 2, { space: true });

/** Both runs' samples so far, the call graph and network they were drawn with, and the generators that continue them. */
interface Samples {
  graph: CallNode;
  network: Transport;
  mansion: { latencies: number[]; ok: number; random: Random };
  village: { latencies: number[]; ok: number; random: Random };
}

function networkOf(hop: number, loss: number): Transport {
  return networkTransport(hop / 10, loss / 10_000);
}

type Settings = StateOf<typeof schema>;

/** The opening sample for a set of settings. */
function fresh(settings: Settings, requests: number): Samples {
  const graph = settings.shape === 'chain' ? CHECKOUT_CHAIN : CHECKOUT;
  const network = networkOf(settings.hop, settings.loss);
  const run = (transport: Transport, random: Random) => ({ ...sampleBatch(graph, transport, requests, random), random });
  return { graph, network, mansion: run(IN_PROCESS, mulberry32(settings.seed)), village: run(network, mulberry32(settings.seed + 7919)) };
}

/** More requests for the same settings: the samples carry their own graph, network and generators. */
function more(s: Samples, requests: number): Samples {
  const add = (run: Samples['mansion'], transport: Transport) => {
    const b = sampleBatch(s.graph, transport, requests, run.random);
    return { latencies: run.latencies.concat(b.latencies), ok: run.ok + b.ok, random: run.random };
  };
  return { ...s, mansion: add(s.mansion, IN_PROCESS), village: add(s.village, s.network) };
}

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
    init: (p) => fresh(p, OPENING),
    step: (s) => more(s, BATCH),
    finished: (s) => s.mansion.latencies.length >= MAX_REQUESTS,
    tickMs: 500,
  });
  const state = sim.params;
  const samples = sim.model;
  const requests = samples.mansion.latencies.length;
  const mansion = summarize(samples.mansion.latencies, samples.mansion.ok);
  const village = summarize(samples.village.latencies, samples.village.ok);

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
        {/* Reset draws fresh requests: a new seed, through the same path as any control. */}
        <PlayControls
          sim={sim}
          onReset={() => {
            sim.pause();
            sim.set({ seed: (state.seed % 9999) + 1 });
          }}
        />
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
        Step sends {formatNumber(BATCH)} more requests (up to {formatNumber(MAX_REQUESTS)}); Reset starts again from {formatNumber(OPENING)} with fresh random
        draws.
      </p>
    </SimFrame>
  );
}

export default island(LatencyTax);

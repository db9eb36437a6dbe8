/**
 * The latency tax: the same checkout run in one process and across the network, side by side, as the
 * share of requests finished by a given time (a CDF). Requests arrive in batches so the reader can
 * watch the percentiles settle.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { Controls, LineChart, PlayControls, Select, SimFrame, Slider, enumParam, intParam, island, mulberry32, useGuarded, useSimState, useTicker, type Random, type StateOf, Readout } from '../kit/index.ts';
import { IN_PROCESS, NETWORK_FAILURE, NETWORK_HOP_MEDIAN_MS, callsIn, networkTransport, sampleBatch, summarize, type CallNode, type Summary, type Transport } from './callGraph.ts';
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

const ms = (v: number) => `${v.toFixed(1)} ms`;
const pct = (v: number) => `${(v * 100).toFixed(2)} %`;

/** Both runs' samples so far, the settings they were drawn with, and the generators that continue them. */
interface Samples {
  key: string;
  graph: CallNode;
  network: Transport;
  mansion: { latencies: number[]; ok: number; random: Random };
  village: { latencies: number[]; ok: number; random: Random };
}

function networkOf(hop: number, loss: number): Transport {
  return networkTransport(hop / 10, loss / 10_000);
}

type Settings = StateOf<typeof schema>;

/** The opening sample for a set of settings; `key` tells samples of different settings apart. */
function fresh(settings: Settings, requests: number): Samples {
  const graph = settings.shape === 'chain' ? CHECKOUT_CHAIN : CHECKOUT;
  const network = networkOf(settings.hop, settings.loss);
  const run = (transport: Transport, random: Random) => ({ ...sampleBatch(graph, transport, requests, random), random });
  return { key: keyOf(settings), graph, network, mansion: run(IN_PROCESS, mulberry32(settings.seed)), village: run(network, mulberry32(settings.seed + 7919)) };
}

const keyOf = (s: Settings) => `${s.shape}/${s.hop}/${s.loss}/${s.seed}`;

/** More requests for the same settings: the samples carry their own, so a queued Step never mixes two. */
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
      <Readout items={[['p50', ms(summary.p50)], ['p99', ms(summary.p99)], ['succeeded', pct(summary.successRate)]]} />
    </section>
  );
}

function LatencyTax() {
  const [state, update] = useSimState('tax', schema);
  const [samples, setSamples] = useState<Samples>(() => fresh(state, OPENING));
  const [playing, setPlaying] = useState(false);
  // A control starts a fresh sample in its own event, so a Step pressed right after it adds to the
  // new one; the effect covers settings from a shared link.
  const change = (patch: Partial<Settings>) => {
    update(patch);
    setSamples(fresh({ ...state, ...patch }, OPENING));
  };
  useEffect(() => {
    if (samples.key !== keyOf(state)) setSamples(fresh(state, OPENING));
  }, [keyOf(state)]);
  const requests = samples.mansion.latencies.length;
  const mansion = useMemo(() => summarize(samples.mansion.latencies, samples.mansion.ok), [samples]);
  const village = useMemo(() => summarize(samples.village.latencies, samples.village.ok), [samples]);
  const step = useGuarded(() => {
    if (requests >= MAX_REQUESTS) setPlaying(false);
    setSamples((s) => (s.mansion.latencies.length >= MAX_REQUESTS ? s : more(s, BATCH)));
  });
  useTicker(step, { running: playing, intervalMs: 500 });

  return (
    <SimFrame
      id="tax"
      title="The latency tax: one checkout, in one process and across the network"
      caption={`Share of ${requests.toLocaleString('en-GB')} simulated checkout requests finished by a given time. The work in each call is the same in both runs; the network run adds a hop with a ${ms(state.hop / 10)} median to each of the ${callsIn(samples.graph).length} calls and loses ${state.loss} hops in 10 000.`}
      status={`${requests} requests. In one process: p50 ${ms(mansion.p50)}, p99 ${ms(mansion.p99)}, ${pct(mansion.successRate)} succeeded. Across the network: p50 ${ms(village.p50)}, p99 ${ms(village.p99)}, ${pct(village.successRate)} succeeded.`}
      share={{ schema, state }}
    >
      <Controls>
        <Select
          label="Call graph"
          value={state.shape}
          options={[{ value: 'fan-out', label: 'Four lookups in parallel' }, { value: 'chain', label: 'All seven calls in a row' }]}
          onChange={(shape) => change({ shape })}
        />
        <Slider label="Network hop (median)" value={state.hop} min={1} max={100} onChange={(hop) => change({ hop })} format={(v) => ms(v / 10)} />
        <Slider label="Lost hops per 10 000" value={state.loss} min={0} max={100} onChange={(loss) => change({ loss })} />
        <PlayControls
          playing={playing}
          onPlay={() => setPlaying(true)}
          onPause={() => setPlaying(false)}
          onStep={step}
          onReset={() => {
            setPlaying(false);
            change({ seed: (state.seed % 9999) + 1 });
          }}
          finished={requests >= MAX_REQUESTS}
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
      <p class="sim-note">Step sends {BATCH.toLocaleString('en-GB')} more requests (up to {MAX_REQUESTS.toLocaleString('en-GB')}); Reset starts again from {OPENING.toLocaleString('en-GB')} with fresh random draws.</p>
    </SimFrame>
  );
}

export default island('The latency tax', LatencyTax);

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
  defaults,
  enumParam,
  formatMs,
  formatNumber,
  formatPercent,
  intParam,
  island,
  useSimulation,
  type StateOf,
} from '../kit/index.ts';
import { NETWORK_FAILURE, NETWORK_HOP_MEDIAN_MS, callsIn } from './callGraph.ts';
import {
  MAX_REQUESTS,
  OPENING_REQUESTS,
  TAX_RANGES,
  buildSome,
  shownOf,
  taxRunOf,
  taxSampleOf,
  withMore,
  type RunShown,
  type TaxSettings,
  type TaxShown,
} from './latencyTax.ts';
import './microservices.css';

/** Requests a Step adds. */
const STEP_REQUESTS = 1000;
/** Requests a tick of playback adds: a Step's worth every half second, in halves, so no tick's work nears a frame budget on a phone. */
const TICK_REQUESTS = 500;

const schema = {
  shape: enumParam(['fan-out', 'chain'] as const, 'fan-out'),
  /** Median network hop in tenths of a millisecond. */
  hop: intParam(TAX_RANGES.hopTenthsMs.min, TAX_RANGES.hopTenthsMs.max, Math.round(NETWORK_HOP_MEDIAN_MS * 10)),
  /** Failed hops per 10,000 calls. */
  loss: intParam(TAX_RANGES.lossPer10k.min, TAX_RANGES.lossPer10k.max, Math.round(NETWORK_FAILURE * 10_000)),
  seed: intParam(1, 9999, 1),
};

/** The schema's integer controls in the model's units. */
const settingsOf = (p: StateOf<typeof schema>): TaxSettings => ({ shape: p.shape, hopMs: p.hop / 10, loss: p.loss / 10_000, seed: p.seed });

const ms = (v: number) => formatMs(v, { digits: 1 });
const pct = (v: number) => formatPercent(v, 2, { space: true });

function Result({ title, summary }: { title: string; summary: RunShown }) {
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

/** Requests drawn per slice step while the opening builds on the page: about a millisecond's work. */
const BUILD_REQUESTS = 250;

const isOpening = (p: StateOf<typeof schema>) => Object.entries(defaults(schema)).every(([k, v]) => p[k as keyof typeof p] === v);

/** What the figure shows for the opening settings, computed at build time for the article to pass in. */
export function openingShown(): TaxShown {
  return shownOf(taxSampleOf(settingsOf(defaults(schema))));
}

/** `opening`: the figure at the opening settings, so the page draws those requests in slices, never all at once on load. */
function LatencyTax({ opening }: { opening: TaxShown }) {
  const sim = useSimulation('tax', schema, {
    title: 'The latency tax: one checkout, in one process and across the network',
    init: (p) => {
      if (isOpening(p)) return taxRunOf(settingsOf(p), opening);
      // Other settings show their first requests at once and grow from there.
      const run = taxRunOf(settingsOf(p));
      buildSome(run, BUILD_REQUESTS);
      return run;
    },
    settle: (run) => buildSome(run, BUILD_REQUESTS),
    step: (run) => withMore(run, STEP_REQUESTS, 'step'),
    // Playback sends the same stream in smaller batches, so each tick's work stays well inside a frame budget.
    tick: (run) => withMore(run, TICK_REQUESTS, 'tick'),
    finished: (run) => run.shown.requests >= MAX_REQUESTS,
    tickMs: 250,
  });
  const state = sim.params;
  const { requests, mansion, village } = sim.model.shown;

  return (
    <SimFrame
      {...sim.frame}
      caption={`Share of ${formatNumber(requests)} simulated checkout requests finished by a given time. The work in each call follows the same distribution in both runs; the network run adds a hop with a ${ms(state.hop / 10)} median to each of the ${callsIn(sim.model.sample.graph).length} calls and loses ${formatNumber(state.loss)} hops in ${formatNumber(10_000)}.`}
      status={`${formatNumber(requests)} requests. In one process: p50 ${ms(mansion.p50)}, p99 ${ms(mansion.p99)}, ${pct(mansion.successRate)} succeeded. Across the network: p50 ${ms(village.p50)}, p99 ${ms(village.p99)}, ${pct(village.successRate)} succeeded.`}
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
        <Slider sim={sim} param="loss" label={`Lost hops per ${formatNumber(10_000)}`} />
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
        xDomain={[10 ** Math.floor(Math.log10(Math.max(0.1, mansion.fastest || 0.1))), Math.max(mansion.slowest, village.slowest) || 1]}
        series={[
          { label: 'in-process', points: mansion.cdf },
          { label: 'network', points: village.cdf, dashed: true },
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

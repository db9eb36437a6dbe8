/**
 * Fan-out and the tail: a request calls N backends in parallel, each slower than its own p99 one time
 * in a hundred. The simulated share of requests that meet at least one slow call, beside 1 − 0.99^N.
 */
import {
  Button,
  Controls,
  LineChart,
  PlayControls,
  Predict,
  SimFrame,
  Slider,
  formatMs,
  formatNumber,
  formatPercent,
  intParam,
  island,
  Readout,
  useSimulation,
  type StateOf,
} from '../kit/index.ts';
import { atLeastOneSlow, fanOutSlowShare } from './callGraph.ts';
import { p99Of } from './latency.ts';
import { tripOf, tripTicked, type Trip } from './fanOutTrip.ts';
import { FanOutDrawing } from './FanOutDrawing.tsx';
import './microservices.css';

const WORK = { kind: 'lognormal', median: 20, sigma: 0.6 } as const;
const P99 = p99Of(WORK);
// Enough requests for a dot within a few points of the curve, few enough to redraw as the slider moves.
const REQUESTS = 1000;
const SAMPLED_N = [1, 2, 5, 10, 20, 50, 100, 150, 200];

const schema = { n: intParam(1, 200, 10), seed: intParam(1, 9999, 1) };

const theory = (n: number) => atLeastOneSlow(n);
/** The fan-out the reader guesses about. */
const GUESS_N = 100;
const pct = (v: number) => formatPercent(v, 1, { space: true });
type Params = StateOf<typeof schema>;

/** Simulated shares at the sampled N (drawn again only with a new seed) and at the chosen N. */
interface Draws {
  simulated: [number, number][];
  chosen: number;
  /** One request fanning out, drawn as it happens. */
  trip: Trip;
}
/** The static figure shows the first request a little way in, its calls on their way. */
const OPENING_MS = 12;
const firstTrip = (p: Params): Trip => ({ ...tripOf(p.n, WORK, P99, p.seed * 1000 + 1), t: OPENING_MS });
const sampled = (seed: number) => SAMPLED_N.map((n, i) => [n, fanOutSlowShare(n, WORK, P99, REQUESTS, seed * 1000 + i)] as [number, number]);
const atChosen = (p: Params) => fanOutSlowShare(p.n, WORK, P99, 2 * REQUESTS, p.seed * 1000 + 999);

function FanOut() {
  const sim = useSimulation('fanout', schema, {
    title: 'Fan-out and the tail',
    init: (p): Draws => ({ simulated: sampled(p.seed), chosen: atChosen(p), trip: firstTrip(p) }),
    change: (d, p, before) => ({ simulated: p.seed === before.seed ? d.simulated : sampled(p.seed), chosen: atChosen(p), trip: firstTrip(p) }),
    // Playback moves the drawn request's clock on, then sends the next one.
    step: (d) => ({ ...d, trip: tripTicked(d.trip, WORK, P99) }),
    tickMs: 150,
  });
  const state = sim.params;
  const { simulated, chosen } = sim.model;
  const curve: [number, number][] = Array.from({ length: 200 }, (_, i) => [i + 1, theory(i + 1)]);

  return (
    <SimFrame
      {...sim.frame}
      caption={`Each backend answers in ${formatMs(P99, { digits: 0 })} or less 99 % of the time. The dashed curve is 1 − 0.99^N, the share of requests that meet at least one slower call when they call N backends in parallel; the dots are ${formatNumber(REQUESTS)} simulated requests at each N (${formatNumber(2 * REQUESTS)} at the N you choose). The drawing plays one request at a time: its calls go out and come back, each after its own latency, and the response leaves only when the slowest call is back.`}
      status={`With ${state.n} parallel calls, ${pct(chosen)} of simulated requests met a slow call; theory says ${pct(theory(state.n))}.`}
    >
      <Predict
        question={`A request calls ${GUESS_N} backends in parallel, and each is slow 1% of the time. What share of requests meets at least one slow call?`}
        label="Share of requests"
        min={0}
        max={100}
        initial={1}
        format={(v) => `${v}%`}
        truth={Math.round(theory(GUESS_N) * 100)}
        tolerance={5}
        why={`A request is fast only if all ${GUESS_N} calls are, which happens 0.99^${GUESS_N} of the time, so ${pct(theory(GUESS_N))} wait for at least one slow call.`}
        onLock={() => sim.set({ n: GUESS_N })}
      />
      <Controls>
        <Slider sim={sim} param="n" label="Backends called in parallel (N)" />
        <Button onClick={() => sim.set({ seed: (state.seed % 9999) + 1 })}>Draw new requests</Button>
      </Controls>
      <Controls>
        <PlayControls sim={sim} onReset={() => sim.act((d, p) => ({ ...d, trip: firstTrip(p) }))} />
      </Controls>
      <FanOutDrawing sim={sim} />
      <Readout
        items={[
          [`simulated, N = ${state.n}`, pct(chosen)],
          ['1 − 0.99^N', pct(theory(state.n))],
        ]}
      />
      <LineChart
        title="Share of requests that hit at least one slow call"
        xLabel="backends called in parallel (N)"
        yLabel="share of requests"
        yDomain={[0, 1]}
        xDomain={[0, 200]}
        series={[
          { label: '1 − 0.99^N', points: curve, dashed: true },
          { label: 'simulated', points: simulated, dots: true },
          { label: `N = ${state.n}`, points: [[state.n, chosen]], dots: true },
        ]}
      />
    </SimFrame>
  );
}

export default island(FanOut);

/**
 * Fan-out and the tail: a request calls N backends in parallel, each slower than its own p99 one time
 * in a hundred. The simulated share of requests that meet at least one slow call, beside 1 − 0.99^N.
 */
import { useMemo } from 'preact/hooks';
import { Button, Controls, LineChart, SimFrame, Slider, intParam, island, useSimState, Readout } from '../kit/index.ts';
import { atLeastOneSlow, fanOutSlowShare } from './callGraph.ts';
import { p99Of } from './latency.ts';
import './microservices.css';

const WORK = { kind: 'lognormal', median: 20, sigma: 0.6 } as const;
const P99 = p99Of(WORK);
// Enough requests for a dot within a few points of the curve, few enough to redraw as the slider moves.
const REQUESTS = 1000;
const SAMPLED_N = [1, 2, 5, 10, 20, 50, 100, 150, 200];

const schema = { n: intParam(1, 200, 10), seed: intParam(1, 9999, 1) };

const theory = (n: number) => atLeastOneSlow(n);
const pct = (v: number) => `${(v * 100).toFixed(1)} %`;

function FanOut() {
  const [state, update] = useSimState('fanout', schema);
  const simulated = useMemo(() => SAMPLED_N.map((n, i) => [n, fanOutSlowShare(n, WORK, P99, REQUESTS, state.seed * 1000 + i)] as [number, number]), [state.seed]);
  const chosen = useMemo(() => fanOutSlowShare(state.n, WORK, P99, 2 * REQUESTS, state.seed * 1000 + 999), [state.n, state.seed]);
  const curve: [number, number][] = Array.from({ length: 200 }, (_, i) => [i + 1, theory(i + 1)]);

  return (
    <SimFrame
      id="fanout"
      title="Fan-out and the tail"
      caption={`Each backend answers in ${P99.toFixed(0)} ms or less 99 % of the time. The dashed curve is 1 − 0.99^N, the share of requests that meet at least one slower call when they call N backends in parallel; the dots are ${REQUESTS.toLocaleString('en-GB')} simulated requests at each N (${(2 * REQUESTS).toLocaleString('en-GB')} at the N you choose).`}
      status={`With ${state.n} parallel calls, ${pct(chosen)} of simulated requests met a slow call; theory says ${pct(theory(state.n))}.`}
      share={{ schema, state }}
    >
      <Controls>
        <Slider label="Backends called in parallel (N)" value={state.n} min={1} max={200} onChange={(n) => update({ n })} />
        <Button onClick={() => update({ seed: (state.seed % 9999) + 1 })}>Draw new requests</Button>
      </Controls>
      <Readout items={[[`simulated, N = ${state.n}`, pct(chosen)], ['1 − 0.99^N', pct(theory(state.n))]]} />
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

export default island('Fan-out and the tail', FanOut);

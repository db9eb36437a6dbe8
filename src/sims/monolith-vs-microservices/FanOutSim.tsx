/**
 * Fan-out and the tail: a request calls N backends in parallel, each slower than its own p99 one time
 * in a hundred. The simulated share of requests that meet at least one slow call, beside 1 − 0.99^N.
 */
import { useMemo } from 'preact/hooks';
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
  defaults,
  useSimulation,
  type StateOf,
} from '../kit/index.ts';
import { atLeastOneSlow } from './callGraph.ts';
import { tripOf, tripTicked, type Trip } from './fanOutTrip.ts';
import {
  CHOSEN_REQUESTS,
  N_RANGE,
  P99,
  REQUESTS,
  SAMPLED_N,
  WORK,
  advanceCount,
  chosenOf,
  countedNow,
  madeCount,
  shareOf,
  sweepOf,
  tripSeedOf,
  type MadeCounts,
  type SlowCount,
} from './fanOutSweep.ts';
import { FanOutDrawing } from './FanOutDrawing.tsx';
import './microservices.css';

const schema = { n: intParam(N_RANGE.min, N_RANGE.max, 10), seed: intParam(1, 9999, 1) };

const theory = (n: number) => atLeastOneSlow(n);
const curve: [number, number][] = Array.from({ length: N_RANGE.max }, (_, i) => [i + 1, theory(i + 1)]);
/** The fan-out the reader guesses about. */
const GUESS_N = 100;
const pct = (v: number) => formatPercent(v, 1, { space: true });
type Params = StateOf<typeof schema>;

/** The simulated dots and the count at the chosen N (counted in slices on the page), and the request drawn travelling. */
interface Draws {
  sweep: SlowCount[];
  chosen: SlowCount;
  /** One request fanning out, drawn as it happens. */
  trip: Trip;
}
/** The static figure shows the first request a little way in, its calls on their way. */
const OPENING_MS = 12;
const firstTrip = (p: Params): Trip => ({ ...tripOf(p.n, WORK, P99, tripSeedOf(p.seed)), t: OPENING_MS });
/** Draws per slice step of counting: about a millisecond's work on a laptop, a few on a phone. */
const DRAWS_PER_STEP = 4000;

/** The counts for these parameters: those made at build time where they match, the rest still to count. */
function countsFor(p: Params, made: MadeCounts): Pick<Draws, 'sweep' | 'chosen'> {
  const sameSeed = made.seed === p.seed;
  return {
    sweep: sameSeed ? made.shares.map((share, i) => madeCount(SAMPLED_N[i]!, REQUESTS, p.seed * 1000 + i, share)) : sweepOf(p.seed),
    chosen: sameSeed && made.n === p.n ? madeCount(p.n, CHOSEN_REQUESTS, p.seed * 1000 + 999, made.chosen) : chosenOf(p.n, p.seed),
  };
}

/** One step of counting: the chosen N first (the reader just asked for it), then the dots. */
function countSome(d: Draws): boolean {
  const pending = [d.chosen, ...d.sweep].find((c) => shareOf(c) === undefined);
  if (!pending) return true;
  advanceCount(pending, DRAWS_PER_STEP);
  return [d.chosen, ...d.sweep].every((c) => shareOf(c) !== undefined);
}

/** The counts for the opening parameters, made in one go: for the article to pass in at build time. */
export function openingCounts(): MadeCounts {
  const p = defaults(schema);
  return countedNow(p.n, p.seed);
}

/** `opening`: the counts for the opening parameters, made at build time so the page never counts them on load. */
function FanOut({ opening }: { opening: MadeCounts }) {
  const sim = useSimulation('fanout', schema, {
    title: 'Fan-out and the tail',
    init: (p): Draws => ({ ...countsFor(p, opening), trip: firstTrip(p) }),
    change: (d, p, before) => ({
      sweep: p.seed === before.seed ? d.sweep : countsFor(p, opening).sweep,
      chosen: countsFor(p, opening).chosen,
      trip: firstTrip(p),
    }),
    settle: countSome,
    // Playback moves the drawn request's clock on, then sends the next one.
    step: (d) => ({ ...d, trip: tripTicked(d.trip, WORK, P99) }),
    tickMs: 150,
  });
  const state = sim.params;
  const chosen = shareOf(sim.model.chosen);
  const shares = sim.model.sweep.map(shareOf);
  // The chart changes only when a count finishes or N moves, not on each tick of the drawing.
  const sharesKey = shares.join(' ');
  const chart = useMemo(
    () => (
      <LineChart
        title="Share of requests that hit at least one slow call"
        xLabel="backends called in parallel (N)"
        yLabel="share of requests"
        yDomain={[0, 1]}
        xDomain={[0, N_RANGE.max]}
        series={[
          { label: '1 − 0.99^N', points: curve, dashed: true },
          { label: 'simulated', points: SAMPLED_N.flatMap((n, i) => (shares[i] === undefined ? [] : [[n, shares[i]] as [number, number]])), dots: true },
          { label: `N = ${state.n}`, points: chosen === undefined ? [] : [[state.n, chosen]], dots: true },
        ]}
      />
    ),
    // sharesKey stands for the shares, which are a new array on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [sharesKey, chosen, state.n],
  );
  const counting = `counting ${formatNumber(CHOSEN_REQUESTS)} requests…`;

  return (
    <SimFrame
      {...sim.frame}
      caption={`Each backend answers in ${formatMs(P99, { digits: 0 })} or less 99 % of the time. The dashed curve is 1 − 0.99^N, the share of requests that meet at least one slower call when they call N backends in parallel; the dots are ${formatNumber(REQUESTS)} simulated requests at each N (${formatNumber(CHOSEN_REQUESTS)} at the N you choose). The drawing plays one request at a time: its calls go out and come back, each after its own latency, and the response leaves only when the slowest call is back.`}
      status={
        chosen === undefined
          ? `With ${state.n} parallel calls: ${counting} Theory says ${pct(theory(state.n))}.`
          : `With ${state.n} parallel calls, ${pct(chosen)} of simulated requests met a slow call; theory says ${pct(theory(state.n))}.`
      }
    >
      <Predict
        question={`A request calls ${GUESS_N} backends in parallel, and each is slow 1% of the time. What share of requests meets at least one slow call?`}
        label="Share of requests"
        min={0}
        max={100}
        initial={1}
        format={(v) => formatPercent(v / 100)}
        truth={Math.round(theory(GUESS_N) * 100)}
        truthLabel="Theory"
        tolerance={5}
        why={`A request is fast only if all ${GUESS_N} calls are, which happens 0.99^${GUESS_N} of the time, so ${pct(theory(GUESS_N))} wait for at least one slow call; the ${formatNumber(CHOSEN_REQUESTS)} simulated requests land within a few points of it.`}
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
          [`simulated, N = ${state.n}`, chosen === undefined ? counting : pct(chosen)],
          ['1 − 0.99^N', pct(theory(state.n))],
        ]}
      />
      {chart}
    </SimFrame>
  );
}

export default island(FanOut);

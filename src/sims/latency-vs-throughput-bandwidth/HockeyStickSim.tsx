/**
 * The hockey stick: p50 and p99 latency of one server as its utilisation rises from 10% to 99%,
 * simulated points over the analytic M/M/1 curves, and the server itself at the chosen utilisation,
 * its line of requests moving. The reader guesses the time at 90% first. The opening sweep is run at
 * build time and comes in as a prop (the static figure has its dots too); any other runs in slices.
 */
import {
  Button,
  Controls,
  LineChart,
  PlayControls,
  Predict,
  Select,
  SimFrame,
  Slider,
  enumParam,
  formatMs,
  formatNumber,
  formatPercent,
  intParam,
  island,
  useHydrated,
  useSimulation,
} from '../kit/index.ts';
import { HockeySweep, OPENING_SWEEP, type KnownSweep, SHAPES, SHAPE_LABELS, SERVICE_MS, UTILISATIONS, analyticCurve, analyticLatency } from './hockey.ts';
import { hockeyScene, queueRestarted, queueTicked, utilisationMoved } from './hockeyScene.ts';
import { meanTimeInServiceTimes } from './serverQueue.ts';
import { ServerQueueDrawing } from './ServerQueueDrawing.tsx';
import { useMemo } from 'preact/hooks';
import './latency.css';

const schema = {
  service: enumParam(SHAPES, OPENING_SWEEP.shape),
  seed: intParam(1, 999, OPENING_SWEEP.seed),
  at: intParam(0, UTILISATIONS.length - 1, UTILISATIONS.indexOf(0.9)),
};

/** The chart stops at this latency so the low-load points stay readable; the curves run off the top. */
const Y_MAX_MS = 600;
// Small steps: a slice of the sweep overruns its few-ms budget by at most one step, even on a slow phone.
const EVENTS_PER_STEP = 2_000;
/** The utilisation the reader guesses about. */
const GUESS_RHO = 0.9;
const GUESS_AT = UTILISATIONS.indexOf(GUESS_RHO);
const P50_THEORY = analyticCurve(0.5);
const P99_THEORY = analyticCurve(0.99);

/** `opening`: the sweep at the opening parameters, run at build time (runSweep), so nothing runs on hydration. */
function HockeyView({ opening }: { opening?: KnownSweep }) {
  const sim = useSimulation('hockey', schema, {
    title: 'The hockey stick: latency against utilisation',
    init: (p) => hockeyScene(p.service, p.seed, p.at, opening),
    // Looking at another utilisation reads the same sweep; other service times or a seed sweep again.
    change: (m, p, before) =>
      p.service === before.service && p.seed === before.seed ? utilisationMoved(m, p.at) : hockeyScene(p.service, p.seed, p.at, opening),
    // Other sweeps than the opening one run in slices in the browser.
    settle: (m) => m.sweep.advance(EVENTS_PER_STEP),
    // Playback moves the server's clock on; the marker on the curve sets the utilisation it works at.
    step: queueTicked,
    sync: (m) => ({ at: m.at }),
    tickMs: 200,
  });
  const state = sim.params;
  const sweep: HockeySweep = sim.model.sweep;
  const points = sweep.points;
  const arrived = points.length;
  const running = useHydrated() && !sweep.done;

  const rho = UTILISATIONS[state.at] ?? 0.9;
  const chosen = points.find((p) => p.utilisation === rho);
  const label = SHAPE_LABELS[state.service];
  const status = chosen
    ? `At ${formatPercent(rho)} utilisation: simulated p50 ${formatMs(chosen.p50)} and p99 ${formatMs(chosen.p99)}; M/M/1 theory p50 ${formatMs(analyticLatency(rho, 0.5))} and p99 ${formatMs(analyticLatency(rho, 0.99))}.`
    : running
      ? `Simulating ${points.length} of ${UTILISATIONS.length} utilisations.`
      : '';

  // The chart and the table change only when a simulated point arrives or the reader looks elsewhere;
  // the sweep's slices and the server's ticks re-render this view far more often, so both are kept.
  const results = useMemo(
    () => {
      const simulated = points.slice(0, arrived);
      return (
        <>
          <LineChart
            title="p50 and p99 latency against utilisation"
            xLabel="utilisation (%)"
            yLabel="latency (ms)"
            xDomain={[0, 100]}
            yDomain={[0, Y_MAX_MS]}
            series={[
              { label: 'p99 theory', points: P99_THEORY, dashed: true, colour: 'var(--series-2)' },
              { label: 'p50 theory', points: P50_THEORY, dashed: true, colour: 'var(--series-1)' },
              { label: 'p99 simulated', points: simulated.map((p) => [p.utilisation * 100, p.p99] as const), dots: true, colour: 'var(--series-2)' },
              { label: 'p50 simulated', points: simulated.map((p) => [p.utilisation * 100, p.p50] as const), dots: true, colour: 'var(--series-1)' },
            ]}
          />
          <table class="latency-table">
            <caption class="visually-hidden">p50 and p99 latency by utilisation, theory and simulation</caption>
            <thead>
              <tr>
                <th scope="col">Utilisation</th>
                <th scope="col">p50 theory</th>
                <th scope="col">p50 simulated</th>
                <th scope="col">p99 theory</th>
                <th scope="col">p99 simulated</th>
              </tr>
            </thead>
            <tbody>
              {UTILISATIONS.map((u) => {
                const p = simulated.find((q) => q.utilisation === u);
                return (
                  <tr key={u} aria-current={u === rho ? 'true' : undefined} class={u === rho ? 'latency-current' : undefined}>
                    <th scope="row">{formatPercent(u)}</th>
                    <td>{formatMs(analyticLatency(u, 0.5))}</td>
                    <td>{p ? formatMs(p.p50) : '…'}</td>
                    <td>{formatMs(analyticLatency(u, 0.99))}</td>
                    <td>{p ? formatMs(p.p99) : '…'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      );
    },
    // The sweep grows in place: its length says when a point arrived.
    [points, arrived, rho],
  );

  return (
    <SimFrame
      {...sim.frame}
      caption={`One server whose requests take ${SERVICE_MS} ms on average, loaded from 10% to 99%. The lines are the M/M/1 formulas for p50 and p99 (time in system is exponential with rate μ − λ); the dots are simulated runs. Latency stays flat, then turns up sharply past about 80%. Near 99% a queue needs millions of requests to settle, so those dots wander from run to run. The chart is cut at ${Y_MAX_MS} ms; the table has every value.`}
      status={status}
    >
      <Predict
        question={`At ${formatPercent(GUESS_RHO)} utilisation, how many times its service time does a request spend at the server on average, waiting included?`}
        label="Times the service time"
        min={1}
        max={30}
        initial={2}
        format={(v) => `${v}×`}
        truth={Math.round(meanTimeInServiceTimes(GUESS_RHO))}
        tolerance={1}
        why={`On average a request spends the service time divided by (1 − utilisation) at an M/M/1 server: at ${formatPercent(GUESS_RHO)} that is ${formatNumber(meanTimeInServiceTimes(GUESS_RHO), { significant: 2 })} times, most of it spent in line.`}
        onLock={() => sim.set({ at: GUESS_AT })}
      />
      <Controls>
        <Select sim={sim} param="service" label="Service times" options={SHAPES.map((s) => ({ value: s, label: SHAPE_LABELS[s] }))} />
        <Slider sim={sim} param="at" label="Look at utilisation" format={(i) => formatPercent(UTILISATIONS[i] ?? 0.9)} />
        <Button onClick={() => sim.set({ seed: (state.seed % 999) + 1 })} disabled={running}>
          Run again with a new seed
        </Button>
        <span class="sim-note">
          {running
            ? `Simulating… ${points.length} of ${UTILISATIONS.length}`
            : points.length
              ? `Seed ${state.seed}: ${label}`
              : 'The simulated points appear when the simulation runs.'}
        </span>
      </Controls>
      <Controls>
        <PlayControls sim={sim} onReset={() => sim.act(queueRestarted)} />
      </Controls>
      <ServerQueueDrawing sim={sim} />
      {results}
    </SimFrame>
  );
}

export default island(HockeyView);

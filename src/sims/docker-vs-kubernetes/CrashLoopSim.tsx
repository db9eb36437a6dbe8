/**
 * CrashLoopBackOff: a container that exits shortly after each start, and the kubelet's waits before
 * each restart. Stepping reveals one restart at a time.
 */
import { BarChart, Controls, PlayControls, SimFrame, Slider, Toggle, boolParam, intParam, island, useSimulation } from '../kit/index.ts';
import { CRASH_LOOP_RANGES, LONG_RUN_AT, MAX_BACKOFF_S, RESTARTS, backOffMessage, figureRestarts, formatDuration } from './crashLoop.ts';
import './kubernetes.css';

const POD = { name: 'web-7d4b9c6f8-x2k9p', namespace: 'default', uid: '6c2f9a41-8e3b-4d7a-b5c0-1e9d3f7a2b64' };

const { run } = CRASH_LOOP_RANGES;
const schema = { run: intParam(run.min, run.max, run.fallback), longRun: boolParam(false) };

function CrashLoop() {
  // The model is how many restarts are revealed: the page opens on eight, Reset goes back to one.
  const sim = useSimulation('crashloop', schema, {
    title: 'CrashLoopBackOff',
    opening: () => 8,
    init: () => 1,
    change: (shown) => shown,
    step: (shown) => Math.min(RESTARTS, shown + 1),
    finished: (shown) => shown >= RESTARTS,
    tickMs: 800,
  });
  const state = sim.params;
  const shown = sim.model;
  const restarts = figureRestarts(state.run, state.longRun).slice(0, shown);
  const last = restarts.at(-1)!;
  const waiting =
    last.wait > 0
      ? `CrashLoopBackOff: ${backOffMessage(last.wait, 'web', POD)}`
      : last.reset
        ? 'Restarted at once: it ran for over 10 minutes, so the back-off started over'
        : 'Restarted at once (the first restart has no back-off)';

  return (
    <SimFrame
      {...sim.frame}
      caption={`A container that exits ${formatDuration(state.run)} after each start. Bars are the kubelet's wait before each restart: none the first time, then 10 s doubling to the 5-minute cap${state.longRun ? `; run ${LONG_RUN_AT} lasts 11 minutes, so the back-off starts over` : ''}.`}
      status={`Restart ${last.restartCount} at ${formatDuration(last.restartedAt)} after a wait of ${formatDuration(last.wait)}.`}
    >
      <Controls>
        <Slider sim={sim} param="run" label="Each run lasts" format={formatDuration} />
        <Toggle sim={sim} param="longRun" label={`Run ${LONG_RUN_AT} stays up for 11 minutes`} />
        <PlayControls sim={sim} />
      </Controls>
      <p class="sim-readout" style={{ margin: 0 }}>
        RESTARTS {last.restartCount} · {waiting}
      </p>
      <BarChart
        title="Wait before each restart, in seconds"
        unit=" s"
        max={MAX_BACKOFF_S}
        reference={{ label: 'cap: 300 s', value: MAX_BACKOFF_S }}
        bars={restarts.map((r) => ({
          label: `#${r.restartCount}`,
          value: r.wait,
          colour: r.reset ? 'var(--ok)' : r.wait >= MAX_BACKOFF_S ? 'var(--bad)' : undefined,
        }))}
      />
    </SimFrame>
  );
}

export default island(CrashLoop);

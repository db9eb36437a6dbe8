/**
 * Rolling update: old pods replaced by new ones within maxSurge and maxUnavailable, drawn pod by pod,
 * with the ready count and the total pod count over time against the floor and ceiling the settings
 * allow. A failing readiness probe stalls the rollout.
 */
import {
  Controls,
  LineChart,
  PlayControls,
  Select,
  SimFrame,
  Slider,
  Toggle,
  boolParam,
  enumParam,
  intParam,
  island,
  useSimulation,
  type StateOf,
} from '../kit/index.ts';
import type { KubeEvent } from './events.ts';
import { EventLog } from './EventLog.tsx';
import { ROLLOUT_RANGES, podCount, readyCount, resolveFenceposts, startRollout, status, stepRollout, type Fencepost, type Rollout } from './rollingUpdate.ts';
import './kubernetes.css';

const FENCEPOSTS = ['0', '1', '2', '25%', '50%', '100%'] as const;
type Choice = (typeof FENCEPOSTS)[number];
const options = FENCEPOSTS.map((v) => ({ value: v, label: v }));
const asFencepost = (c: Choice): Fencepost => (c.endsWith('%') ? (c as Fencepost) : Number(c));

const schema = {
  replicas: intParam(ROLLOUT_RANGES.replicas.min, ROLLOUT_RANGES.replicas.max, ROLLOUT_RANGES.replicas.fallback),
  surge: enumParam(FENCEPOSTS, '25%'),
  unavailable: enumParam(FENCEPOSTS, '25%'),
  failing: boolParam(false),
};

interface Run {
  rollout: Rollout;
  events: KubeEvent[];
  /** [step, ready pods, pods] after each step, for the chart. */
  history: [number, number, number][];
}

function advance(run: Run): Run {
  if (status(run.rollout) !== 'progressing') return run;
  const out = stepRollout(run.rollout);
  const history: Run['history'] = [...run.history, [out.rollout.step, readyCount(out.rollout), podCount(out.rollout)]];
  return { rollout: out.rollout, events: [...run.events, ...out.events], history };
}

function begin({ replicas, surge, unavailable, failing }: StateOf<typeof schema>, steps = 0): Run | string {
  try {
    const f = resolveFenceposts(asFencepost(surge), asFencepost(unavailable), replicas);
    const rollout = startRollout(replicas, f, !failing);
    let run: Run = { rollout, events: [], history: [[0, readyCount(rollout), podCount(rollout)]] };
    for (let i = 0; i < steps; i++) run = advance(run);
    return run;
  } catch (error) {
    // The API server refuses such a Deployment; say so as it would.
    return `The API server rejects this Deployment: spec.strategy.rollingUpdate.${(error as Error).message}.`;
  }
}

const OPENING_STEPS = 3;
const W = 640;
const POD = 56;

function PodsFigure({ rollout }: { rollout: Rollout }) {
  const pods = [...rollout.pods].sort((a, b) => (a.version === b.version ? 0 : a.version === 'old' ? -1 : 1));
  const perRow = Math.floor((W - 20) / (POD + 6));
  const rows = Math.max(1, Math.ceil(pods.length / perRow));
  const H = 20 + rows * (POD + 8);
  const text = pods.map((p) => `${p.name} ${p.terminating ? 'terminating' : p.ready ? 'ready' : 'not ready'}`).join(', ');
  return (
    <svg class="k8s-cluster" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Pods: ${text}.`}>
      {pods.map((p, i) => {
        const x = 10 + (i % perRow) * (POD + 6);
        const y = 10 + Math.floor(i / perRow) * (POD + 8);
        const cls = p.terminating ? 'terminating' : p.ready ? 'ready' : 'unready';
        return (
          <g>
            <rect class={`pod ${cls} ${p.version}`} x={x} y={y} width={POD} height={POD} rx={8} />
            <text x={x + POD / 2} y={y + 22} text-anchor="middle" style={{ fontWeight: 600 }}>
              {p.version === 'old' ? 'v1' : 'v2'}
            </text>
            <text class="muted" x={x + POD / 2} y={y + 40} text-anchor="middle" style={{ fontSize: '10px' }}>
              {p.terminating ? 'stopping' : p.ready ? 'ready' : 'not ready'}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function RollingUpdate() {
  const sim = useSimulation('rollout', schema, {
    title: 'Rolling update',
    // The page opens mid-rollout, so the static figure already shows old and new pods side by side;
    // new settings and Reset start the rollout again.
    opening: (p) => begin(p, OPENING_STEPS),
    init: (p) => begin(p),
    step: (run) => (typeof run === 'string' ? run : advance(run)),
    finished: (run) => typeof run === 'string' || status(run.rollout) !== 'progressing',
    tickMs: 900,
  });
  const state = sim.params;
  const run = sim.model;

  const controls = (
    <Controls>
      <Slider sim={sim} param="replicas" label="Replicas" />
      <Select sim={sim} param="surge" label="maxSurge" options={options} />
      <Select sim={sim} param="unavailable" label="maxUnavailable" options={options} />
      <Toggle sim={sim} param="failing" label="New version fails its readiness probe" />
      <PlayControls sim={sim} />
    </Controls>
  );

  if (typeof run === 'string') {
    return (
      <SimFrame {...sim.frame} caption="Choose settings the API server accepts to see the rollout." status={run}>
        {controls}
        <p class="k8s-error" role="note">
          {run}
        </p>
      </SimFrame>
    );
  }

  const { rollout, events, history } = run;
  const { surge, unavailable } = rollout.fenceposts;
  const floor = rollout.replicas - unavailable;
  const ceiling = rollout.replicas + surge;
  const phase = status(rollout);
  const lastStep = Math.max(6, history.at(-1)![0]);
  return (
    <SimFrame
      {...sim.frame}
      caption={`Replacing ${rollout.replicas} pods of v1 with v2. maxSurge ${state.surge} allows ${surge} extra pod(s), so at most ${ceiling} pods; maxUnavailable ${state.unavailable} allows ${unavailable} missing, so at least ${floor} ready. Solid outline: ready; dashed: started but not ready; dotted: stopping.`}
      status={`Step ${rollout.step}: ${readyCount(rollout)} ready of ${podCount(rollout)} pods (floor ${floor}, ceiling ${ceiling}); rollout ${phase}.`}
    >
      {controls}
      <p class="sim-readout" style={{ margin: 0 }}>
        Step {rollout.step} · ready {readyCount(rollout)} (at least {floor}) · pods {podCount(rollout)} (at most {ceiling}) ·{' '}
        {phase === 'stalled' ? 'stalled: ProgressDeadlineExceeded' : phase}
      </p>
      <PodsFigure rollout={rollout} />
      <LineChart
        title="Ready pods and all pods at each step, against the allowed floor and ceiling"
        xLabel="step"
        yLabel="pods"
        xDomain={[0, lastStep]}
        yDomain={[0, ceiling + 1]}
        series={[
          { label: 'pods', points: history.map(([s, , p]) => [s, p]), dots: true },
          { label: 'ready', points: history.map(([s, r]) => [s, r]), dots: true },
          {
            label: `ceiling ${ceiling}`,
            points: [
              [0, ceiling],
              [lastStep, ceiling],
            ],
            dashed: true,
            colour: 'var(--bad)',
          },
          {
            label: `floor ${floor}`,
            points: [
              [0, floor],
              [lastStep, floor],
            ],
            dashed: true,
            colour: 'var(--warn)',
          },
        ]}
      />
      <EventLog events={events} label="Deployment events" />
    </SimFrame>
  );
}

export default island(RollingUpdate);

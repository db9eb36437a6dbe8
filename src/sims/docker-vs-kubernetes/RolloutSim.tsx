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
  lerp,
  useProgress,
  useSimulation,
  type Simulation,
  type StateOf,
} from '../kit/index.ts';
import { useMemo } from 'preact/hooks';
import type { KubeEvent } from './events.ts';
import { EventLog } from './EventLog.tsx';
import {
  ROLLOUT_RANGES,
  podCount,
  readyCount,
  resolveFenceposts,
  startRollout,
  status,
  stepRollout,
  type Fencepost,
  type Rollout,
  type RolloutPod,
} from './rollingUpdate.ts';
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
const PER_ROW = Math.floor((W - 20) / (POD + 6));

type Sim = Simulation<typeof schema, Run | string>;

/** Where each pod's box sits (its top left): old pods first, then new, in rows of as many as fit. */
function podSpots(rollout: Rollout): Map<string, { x: number; y: number }> {
  const pods = [...rollout.pods].sort((a, b) => (a.version === b.version ? 0 : a.version === 'old' ? -1 : 1));
  return new Map(pods.map((p, i) => [p.name, { x: 10 + (i % PER_ROW) * (POD + 6), y: 10 + Math.floor(i / PER_ROW) * (POD + 8) }]));
}

const heightOf = (rollout: Rollout) => 20 + Math.max(1, Math.ceil(rollout.pods.length / PER_ROW)) * (POD + 8);

function PodBox({ pod, x, y, opacity }: { pod: RolloutPod; x: number; y: number; opacity: number }) {
  const cls = pod.terminating ? 'terminating' : pod.ready ? 'ready' : 'unready';
  return (
    <g opacity={opacity === 1 ? undefined : Math.round(opacity * 100) / 100}>
      <rect class={`pod ${cls} ${pod.version}`} x={Math.round(x * 10) / 10} y={y} width={POD} height={POD} rx={8} />
      <text x={Math.round((x + POD / 2) * 10) / 10} y={y + 22} text-anchor="middle" style={{ fontWeight: 600 }}>
        {pod.version === 'old' ? 'v1' : 'v2'}
      </text>
      <text class="muted" x={Math.round((x + POD / 2) * 10) / 10} y={y + 40} text-anchor="middle" style={{ fontSize: '10px' }}>
        {pod.terminating ? 'stopping' : pod.ready ? 'ready' : 'not ready'}
      </text>
    </g>
  );
}

/**
 * The pods, drawn at the display's rate: a new pod fades in, a pod whose kubelet finished stopping it
 * fades out where it was, and the others slide to close the gap. Pods that stay put are built once per
 * step and reused, so a frame redraws only what moves.
 */
function MovingPods({ sim, rollout }: { sim: Sim; rollout: Rollout }) {
  const t = useProgress(sim);
  const { from, to, gone, still } = useMemo(() => {
    const before = typeof sim.before === 'string' ? null : sim.before.rollout;
    const from = before ? podSpots(before) : new Map<string, { x: number; y: number }>();
    const to = podSpots(rollout);
    const gone = before ? before.pods.filter((p) => !to.has(p.name)) : [];
    const still = new Map(
      rollout.pods.flatMap((p) => {
        const [start, end] = [from.get(p.name), to.get(p.name)!];
        return start && start.x === end.x && start.y === end.y ? [[p.name, <PodBox key={p.name} pod={p} x={end.x} y={end.y} opacity={1} />] as const] : [];
      }),
    );
    return { from, to, gone, still };
  }, [sim.before, rollout]);
  return (
    <g>
      {t < 1 && gone.map((p) => <PodBox key={`gone-${p.name}`} pod={{ ...p, terminating: true }} {...from.get(p.name)!} opacity={1 - t} />)}
      {rollout.pods.map((p) => {
        const kept = still.get(p.name);
        if (kept) return kept;
        const end = to.get(p.name)!;
        const start = from.get(p.name);
        return start ? (
          <PodBox key={p.name} pod={p} x={lerp(start.x, end.x, t)} y={lerp(start.y, end.y, t)} opacity={1} />
        ) : (
          <PodBox key={p.name} pod={p} x={end.x} y={end.y} opacity={t} />
        );
      })}
    </g>
  );
}

function PodsFigure({ sim, rollout }: { sim: Sim; rollout: Rollout }) {
  // Tall enough for the pods on their way out as well as those arriving.
  const H = Math.max(heightOf(rollout), typeof sim.before === 'string' ? 0 : heightOf(sim.before.rollout));
  const text = rollout.pods.map((p) => `${p.name} ${p.terminating ? 'terminating' : p.ready ? 'ready' : 'not ready'}`).join(', ');
  return (
    <svg class="k8s-cluster" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Pods: ${text}.`}>
      <MovingPods sim={sim} rollout={rollout} />
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
      caption={`Replacing ${rollout.replicas} pods of v1 with v2. maxSurge ${state.surge} allows ${surge} extra ${surge === 1 ? 'pod' : 'pods'}, so at most ${ceiling} pods; maxUnavailable ${state.unavailable} allows ${unavailable} missing${rollout.fenceposts.raised ? ` (${state.unavailable} rounds down to 0 pods here; with no surge either, the controller raises it to 1)` : ''}, so at least ${floor} ready. Solid outline: ready; dashed: started but not ready; dotted: stopping.`}
      status={`Step ${rollout.step}: ${readyCount(rollout)} ready of ${podCount(rollout)} pods (floor ${floor}, ceiling ${ceiling}); rollout ${phase}.`}
    >
      {controls}
      <p class="sim-readout" style={{ margin: 0 }}>
        Step {rollout.step} · ready {readyCount(rollout)} (at least {floor}) · pods {podCount(rollout)} (at most {ceiling}) ·{' '}
        {phase === 'stalled' ? 'stalled: ProgressDeadlineExceeded' : phase}
      </p>
      <PodsFigure sim={sim} rollout={rollout} />
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

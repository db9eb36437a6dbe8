/**
 * The reconciliation loop: a ReplicaSet on a small cluster. The reader changes the roster, deletes
 * pods and fails nodes; each step runs one pass of the kubelets, the node controller, the scheduler
 * and the ReplicaSet controller, and logs the events they would log.
 */
import {
  Button,
  Controls,
  Grabbable,
  PlayControls,
  Predict,
  SimFrame,
  Slider,
  intParam,
  island,
  lerp,
  useHydrated,
  useProgress,
  useSimulation,
  type Simulation,
} from '../kit/index.ts';
import { useMemo } from 'preact/hooks';
import { EventLog } from './EventLog.tsx';
import { SHAPE_RANGES, afterDeletingOldest, pass, reshape, settled, summarisePass, withChange, type World } from './reconcileLoop.ts';
import { converged, counted, deletePod, evictionTimeline, failNode, oldestRunning, recoverNode, type Change, type Cluster, type Pod } from './replicaSet.ts';
import './kubernetes.css';

const { nodes, replicas, seed } = SHAPE_RANGES;
const schema = {
  replicas: intParam(replicas.min, replicas.max, replicas.fallback),
  nodes: intParam(nodes.min, nodes.max, nodes.fallback),
  seed: intParam(seed.min, seed.max, seed.fallback),
};

const W = 640;
const POD = { w: 104, h: 30, gap: 8 };
const TOP = 50;

type Sim = Simulation<typeof schema, World>;

interface Lane {
  name: string;
  ready: boolean;
  reporting: boolean;
  title: string;
}

function lanesOf(cluster: Cluster): Lane[] {
  return [
    { name: 'unscheduled', ready: true, reporting: true, title: 'waiting for a node' },
    ...cluster.nodes.map((n) => ({
      name: n.name,
      ready: n.ready,
      reporting: n.reporting,
      title: n.ready ? (n.reporting ? 'Ready' : 'Ready, silent') : 'NotReady',
    })),
  ];
}

const laneWidth = (cluster: Cluster) => (W - 20) / (cluster.nodes.length + 1);
const laneOf = (p: Pod) => p.node ?? 'unscheduled';

/** Where each pod's box sits (its top left): the column of its node, stacked in the order the pods were created. */
function podSpots(cluster: Cluster): Map<string, { x: number; y: number }> {
  const laneW = laneWidth(cluster);
  const spots = new Map<string, { x: number; y: number }>();
  lanesOf(cluster).forEach((lane, i) => {
    cluster.pods
      .filter((p) => laneOf(p) === lane.name)
      .forEach((p, j) => spots.set(p.name, { x: 10 + i * laneW + (laneW - POD.w) / 2, y: TOP + j * (POD.h + POD.gap) }));
  });
  return spots;
}

function figureHeight(cluster: Cluster): number {
  const rows = Math.max(3, ...lanesOf(cluster).map((l) => cluster.pods.filter((p) => laneOf(p) === l.name).length));
  return TOP + 10 + rows * (POD.h + POD.gap);
}

/** SVG coordinates to a tenth of a unit: short attributes, and no locale (they are syntax, not text to read). */
const tenth = (v: number) => Math.round(v * 10) / 10;

function PodBox({ pod, x, y, opacity = 1 }: { pod: Pod; x: number; y: number; opacity?: number }) {
  const state = pod.terminating ? 'terminating' : pod.phase === 'Running' ? 'running' : 'pending';
  return (
    <g opacity={opacity === 1 ? undefined : Math.round(opacity * 100) / 100}>
      <rect class={`pod ${state}`} x={tenth(x)} y={tenth(y)} width={POD.w} height={POD.h} rx={6} />
      {/* The trailing space keeps the two lines apart in the text a button's name is checked against. */}
      <text x={tenth(x + POD.w / 2)} y={tenth(y + 13)} text-anchor="middle">{`${pod.name.slice(-5)} `}</text>
      <text class="muted" x={tenth(x + POD.w / 2)} y={tenth(y + 26)} text-anchor="middle" style={{ fontSize: '10px' }}>
        {pod.terminating ? 'Terminating' : pod.phase}
      </text>
    </g>
  );
}

/** A pod where the drawing puts it: a button that deletes it, unless it is already on its way out. */
function podNode(sim: Sim, p: Pod, x: number, y: number, opacity: number) {
  const box = <PodBox pod={p} x={x} y={y} opacity={opacity} />;
  if (p.terminating) return <g key={p.name}>{box}</g>;
  const where = p.node ? `on ${p.node}` : 'not yet scheduled';
  return (
    <Grabbable
      key={p.name}
      sim={sim}
      x={x + POD.w / 2}
      y={y + POD.h / 2}
      r={POD.h / 2}
      label={`${p.name.slice(-5)} ${p.phase}: pod ${where}; Enter or Delete deletes it`}
      activate={(w) => withChange(w, deletePod(w.cluster, p.name))}
      remove={(w) => withChange(w, deletePod(w.cluster, p.name))}
    >
      {box}
    </Grabbable>
  );
}

/**
 * The pods, drawn at the display's rate: a pod the scheduler bound slides from the unscheduled column to
 * its node, a new pod fades in, a pod whose kubelet finished stopping it fades out where it was. Only
 * those are drawn anew each frame; the pods that stay put are built once per transition and handed back
 * as the same elements, which Preact skips (most passes of a settled cluster move nothing at all).
 */
function Pods({ sim }: { sim: Sim }) {
  const t = useProgress(sim);
  const { from, to, gone, still } = useMemo(() => {
    const from = podSpots(sim.before.cluster);
    const to = podSpots(sim.model.cluster);
    const gone = sim.before.cluster.pods.filter((p) => !to.has(p.name));
    const still = new Map<string, ReturnType<typeof podNode>>();
    for (const p of sim.model.cluster.pods) {
      const start = from.get(p.name);
      const end = to.get(p.name)!;
      if (start && start.x === end.x && start.y === end.y) still.set(p.name, podNode(sim, p, end.x, end.y, 1));
    }
    return { from, to, gone, still };
  }, [sim]);
  return (
    <g>
      {t < 1 &&
        gone.map((p) => <PodBox key={`gone-${p.name}`} pod={{ ...p, terminating: true }} x={from.get(p.name)!.x} y={from.get(p.name)!.y} opacity={1 - t} />)}
      {sim.model.cluster.pods.map((p) => {
        const kept = still.get(p.name);
        if (kept) return kept;
        const end = to.get(p.name)!;
        const start = from.get(p.name);
        return start ? podNode(sim, p, lerp(start.x, end.x, t), lerp(start.y, end.y, t), 1) : podNode(sim, p, end.x, end.y, t);
      })}
    </g>
  );
}

function ClusterFigure({ sim }: { sim: Sim }) {
  const { cluster } = sim.model;
  const laneW = laneWidth(cluster);
  const lanes = lanesOf(cluster);
  // Tall enough for the pods on their way out as well as those arriving.
  const H = Math.max(figureHeight(cluster), sim.before.cluster.nodes.length === cluster.nodes.length ? figureHeight(sim.before.cluster) : 0);
  const running = counted(cluster).filter((p) => p.phase === 'Running').length;
  const describe = lanes
    .map(
      (l) =>
        `${l.name} (${l.title}): ${
          cluster.pods
            .filter((p) => laneOf(p) === l.name)
            .map((p) => `${p.name.slice(-5)} ${p.terminating ? 'Terminating' : p.phase}`)
            .join(', ') || 'no pods'
        }`,
    )
    .join('; ');
  // Until hydrated nothing in it can be acted on: the static figure is one image with its description.
  const hydrated = useHydrated();
  return (
    <svg
      class="k8s-cluster"
      viewBox={`0 0 ${W} ${H}`}
      role={hydrated ? 'group' : 'img'}
      aria-label={`Desired ${cluster.desired} pods, ${running} running. ${describe}.${hydrated ? " Click a pod to delete it, a node's name to fail or recover it." : ''}`}
    >
      {lanes.map((lane, i) => {
        const x = 10 + i * laneW;
        const heading = (
          <>
            <text x={x + laneW / 2} y={22} text-anchor="middle" style={{ fontWeight: 600 }}>{`${lane.name} `}</text>
            <text class="muted" x={x + laneW / 2} y={38} text-anchor="middle">
              {lane.title}
            </text>
          </>
        );
        return (
          <g key={lane.name}>
            <rect class={`floor${lane.ready ? '' : ' down'}`} x={x + 2} y={4} width={laneW - 4} height={H - 8} rx={8} />
            {i === 0 ? (
              heading
            ) : (
              <Grabbable
                sim={sim}
                x={x + laneW / 2}
                y={24}
                r={14}
                label={`${lane.name} ${lane.title}: node; ${lane.reporting ? 'Enter or Delete fails it' : 'failed, Enter recovers it'}`}
                activate={(w) => withChange(w, lane.reporting ? failNode(w.cluster, lane.name) : recoverNode(w.cluster, lane.name))}
                remove={(w) => withChange(w, failNode(w.cluster, lane.name))}
              >
                <rect class="node-head" x={x + 8} y={8} width={laneW - 16} height={36} rx={6} />
                {heading}
              </Grabbable>
            )}
          </g>
        );
      })}
      <Pods sim={sim} />
    </svg>
  );
}

/**
 * One pass of the loop as it happens: observe (what the pass started from), compare (with the roster),
 * act (what the controllers did). Each lights up in turn while the pass is drawn; a reader's own action
 * between passes waits for the next one.
 */
function LoopPhases({ sim }: { sim: Sim }) {
  const t = useProgress(sim);
  const summary = summarisePass(sim.before.cluster, sim.model);
  const phase = !summary ? -1 : t < 1 / 3 ? 0 : t < 2 / 3 ? 1 : 2;
  const compared = (s: NonNullable<typeof summary>) =>
    `desired ${s.desired}: ${s.short === 0 ? 'no difference' : s.short > 0 ? `${s.short} short` : `${-s.short} too many`}`;
  const phases = [
    ['Observe', summary ? `${summary.observed} pods counted` : 'waiting for the next pass'],
    ['Compare', summary ? compared(summary) : '…'],
    ['Act', summary ? summary.acts : '…'],
  ] as const;
  return (
    <ol class="k8s-loop" aria-label={`Reconcile pass ${sim.model.cluster.step}`}>
      {phases.map(([name, what], i) => (
        <li class={i === phase ? 'now' : undefined}>
          <strong>{name}</strong> {what}
        </li>
      ))}
    </ol>
  );
}

/** The predict step asks about the figure's opening cluster: the schema's defaults. */
const ASKED = { nodes: schema.nodes.default, replicas: schema.replicas.default, seed: schema.seed.default };
/** What the model says one pass after the scenario that locking in runs: the answer the guess is held against. */
const ASKED_TRUTH = counted(pass(afterDeletingOldest(ASKED)).cluster).length;

function DeletePredict({ sim }: { sim: Sim }) {
  const d = ASKED.replicas;
  return (
    <Predict
      question={`You delete one of the ${d} running pods of this Deployment. One pass of the loop later, how many pods does its ReplicaSet count?`}
      choices={[
        { value: String(d - 1), label: `${d - 1}: one short until someone acts` },
        { value: String(d), label: `${d}: a replacement is already counted` },
        { value: String(d + 1), label: `${d + 1}: the replacement and the deleted pod` },
      ]}
      truth={String(ASKED_TRUTH)}
      why="The controller counts every pod not marked for deletion, so the deleted pod drops out of the count the moment it is marked; one short of the roster, the controller creates a replacement in the same pass."
      onLock={() => {
        // Run the scenario the question is about, from the figure's opening cluster.
        sim.set(ASKED);
        sim.act(() => afterDeletingOldest(ASKED));
      }}
    />
  );
}

function Reconcile() {
  const sim = useSimulation('reconcile', schema, {
    title: 'The reconciliation loop',
    init: settled,
    change: reshape,
    step: pass,
    tickMs: 900,
  });
  const world = sim.model;
  const apply = (change: (c: Cluster) => Change) => sim.act((w) => withChange(w, change(w.cluster)));
  const { cluster, events } = world;
  const active = counted(cluster);
  const running = active.filter((p) => p.phase === 'Running').length;
  const victim = oldestRunning(cluster);

  return (
    <SimFrame
      {...sim.frame}
      caption={`A ReplicaSet on a small cluster: each column is a node, each box a pod (green: running, dashed amber: pending, dotted grey: terminating). Each step is one pass of the kubelets, the node controller, the scheduler and the ReplicaSet controller; the log shows the events they would record. ${evictionTimeline()}`}
      status={`Step ${cluster.step}: desired ${cluster.desired}, ${active.length} pods counted, ${running} running${converged(cluster) ? ', converged' : ''}. ${events.at(-1) ? `Last event: ${events.at(-1)!.reason} ${events.at(-1)!.message}` : ''}`}
    >
      <DeletePredict sim={sim} />
      <Controls>
        <Slider sim={sim} param="replicas" label="Desired replicas" />
        <Slider sim={sim} param="nodes" label="Nodes" />
        <PlayControls sim={sim} />
      </Controls>
      <Controls>
        <Button onClick={() => victim && apply((c) => deletePod(c, victim.name))} disabled={!victim}>
          {victim ? `Delete pod ${victim.name.slice(-5)}` : 'Delete a pod'}
        </Button>
        {cluster.nodes.map((n) => (
          <Button onClick={() => apply((c) => (n.reporting ? failNode(c, n.name) : recoverNode(c, n.name)))}>
            {n.reporting ? `Fail ${n.name}` : `Recover ${n.name}`}
          </Button>
        ))}
      </Controls>
      <p class="sim-readout" style={{ margin: 0 }}>
        Desired {cluster.desired} · counted {active.length} · running {running} ·{' '}
        {converged(cluster) ? 'converged' : sim.playing ? 'reconciling' : 'reconciling: press Step'}
      </p>
      <LoopPhases sim={sim} />
      <ClusterFigure sim={sim} />
      <EventLog events={events} label="Events" />
    </SimFrame>
  );
}

export default island(Reconcile);

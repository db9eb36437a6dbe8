/**
 * The reconciliation loop: a ReplicaSet on a small cluster. The reader changes the roster, deletes
 * pods and fails nodes; each step runs one pass of the kubelets, the node controller, the scheduler
 * and the ReplicaSet controller, and logs the events they would log.
 */
import { Button, Controls, PlayControls, SimFrame, Slider, intParam, island, mulberry32, useSimulation, type Random, type StateOf } from '../kit/index.ts';
import type { KubeEvent } from './events.ts';
import { EventLog } from './EventLog.tsx';
import { MAX_REPLICAS, converged, deletePod, evictionTimeline, failNode, newCluster, recoverNode, scale, step, type Change, type Cluster } from './replicaSet.ts';
import './kubernetes.css';

const schema = { replicas: intParam(0, MAX_REPLICAS, 3), nodes: intParam(2, 4, 3), seed: intParam(1, 9999, 1) };

interface World {
  cluster: Cluster;
  events: KubeEvent[];
  random: Random;
}

/** A cluster that has already settled, so the page opens on a healthy ReplicaSet and its history. */
function settled(nodes: number, replicas: number, seed: number): World {
  const random = mulberry32(seed);
  let cluster = newCluster(nodes, replicas);
  const events: KubeEvent[] = [];
  for (let i = 0; i < 6 && !converged(cluster); i++) {
    const out = step(cluster, random);
    cluster = out.cluster;
    events.push(...out.events);
  }
  return { cluster, events, random };
}

function withChange(w: World, change: Change): World {
  // The log keeps the last 200 events: enough to scroll back, bounded however long the reader plays.
  return { ...w, cluster: change.cluster, events: [...w.events, ...change.events].slice(-200) };
}

type Params = StateOf<typeof schema>;

/**
 * Another cluster shape (nodes, seed) starts a new, settled cluster; a new replica count is only a
 * change of roster, as with `kubectl scale`, so the running cluster carries on.
 */
function reshape(w: World, p: Params, before: Params): World {
  if (p.nodes !== before.nodes || p.seed !== before.seed) return settled(p.nodes, p.replicas, p.seed);
  return p.replicas === before.replicas ? w : withChange(w, scale(w.cluster, p.replicas));
}

const W = 640;
const POD = { w: 104, h: 30, gap: 8 };

function ClusterFigure({ cluster }: { cluster: Cluster }) {
  const laneW = (W - 20) / (cluster.nodes.length + 1);
  const lanes = [{ name: 'unscheduled', ready: true, title: 'waiting for a node' }, ...cluster.nodes.map((n) => ({ ...n, title: n.ready ? (n.reporting ? 'Ready' : 'Ready, silent') : 'NotReady' }))];
  const rows = Math.max(3, ...lanes.map((l) => cluster.pods.filter((p) => (p.node ?? 'unscheduled') === l.name).length));
  const H = 60 + rows * (POD.h + POD.gap);
  const running = cluster.pods.filter((p) => !p.terminating && p.phase === 'Running').length;
  const describe = lanes
    .map((l) => `${l.name} (${l.title}): ${cluster.pods.filter((p) => (p.node ?? 'unscheduled') === l.name).map((p) => `${p.name.slice(-5)} ${p.terminating ? 'Terminating' : p.phase}`).join(', ') || 'no pods'}`)
    .join('; ');
  return (
    <svg class="k8s-cluster" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Desired ${cluster.desired} pods, ${running} running. ${describe}.`}>
      {lanes.map((lane, i) => {
        const x = 10 + i * laneW;
        const pods = cluster.pods.filter((p) => (p.node ?? 'unscheduled') === lane.name);
        return (
          <g>
            <rect class={`floor${lane.ready ? '' : ' down'}`} x={x + 2} y={4} width={laneW - 4} height={H - 8} rx={8} />
            <text x={x + laneW / 2} y={22} text-anchor="middle" style={{ fontWeight: 600 }}>{lane.name}</text>
            <text class="muted" x={x + laneW / 2} y={38} text-anchor="middle">{lane.title}</text>
            {pods.map((p, j) => {
              const state = p.terminating ? 'terminating' : p.phase === 'Running' ? 'running' : 'pending';
              const label = p.terminating ? 'Terminating' : p.phase;
              const px = x + (laneW - POD.w) / 2;
              const py = 50 + j * (POD.h + POD.gap);
              return (
                <g>
                  <rect class={`pod ${state}`} x={px} y={py} width={POD.w} height={POD.h} rx={6} />
                  <text x={px + POD.w / 2} y={py + 13} text-anchor="middle">{p.name.slice(-5)}</text>
                  <text class="muted" x={px + POD.w / 2} y={py + 26} text-anchor="middle" style={{ fontSize: '10px' }}>{label}</text>
                </g>
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

function Reconcile() {
  const sim = useSimulation('reconcile', schema, {
    title: 'The reconciliation loop',
    init: (p) => settled(p.nodes, p.replicas, p.seed),
    change: reshape,
    step: (w) => withChange(w, step(w.cluster, w.random)),
    tickMs: 900,
  });
  const world = sim.model;
  const apply = (change: (c: Cluster) => Change) => sim.act((w) => withChange(w, change(w.cluster)));
  const { cluster, events } = world;
  const active = cluster.pods.filter((p) => !p.terminating);
  const running = active.filter((p) => p.phase === 'Running').length;
  const victim = [...active].filter((p) => p.phase === 'Running').sort((a, b) => a.created - b.created)[0];

  return (
    <SimFrame
      {...sim.frame}
      caption={`A ReplicaSet on a small cluster: each column is a node, each box a pod (green: running, dashed amber: pending, dotted grey: terminating). Each step is one pass of the kubelets, the node controller, the scheduler and the ReplicaSet controller; the log shows the events they would record. ${evictionTimeline()}`}
      status={`Step ${cluster.step}: desired ${cluster.desired}, ${active.length} pods counted, ${running} running${converged(cluster) ? ', converged' : ''}. ${events.at(-1) ? `Last event: ${events.at(-1)!.reason} ${events.at(-1)!.message}` : ''}`}
    >
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
        Desired {cluster.desired} · counted {active.length} · running {running} · {converged(cluster) ? 'converged' : 'reconciling: press Step'}
      </p>
      <ClusterFigure cluster={cluster} />
      <EventLog events={events} label="Events" />
    </SimFrame>
  );
}

export default island(Reconcile);

/**
 * The hockey stick's server at work: a small curve of time at the server against utilisation, with a
 * marker the reader drags along it (or moves with the arrow keys), beside the server itself, where
 * requests arrive, wait in line and leave. The requests move at the display's rate between two
 * snapshots of the seeded M/M/1 trace (serverQueue.ts); nothing is simulated per frame.
 */
import { useMemo } from 'preact/hooks';
import { Grabbable, formatNumber, formatPercent, lerp, useProgress, type Simulation, type Schema } from '../kit/index.ts';
import { UTILISATIONS } from './hockey.ts';
import { meanTimeInServiceTimes, type QueueSnapshot } from './serverQueue.ts';
import type { HockeyModel } from './hockeyScene.ts';
import { nearestUtilisation, utilisationMoved } from './hockeyScene.ts';

type HockeySim = Simulation<Schema, HockeyModel>;

/** The small curve's frame, in the drawing's units. */
const CURVE = { left: 40, right: 290, top: 24, bottom: 150, yMax: 20 } as const;
const curveX = (rho: number) => CURVE.left + ((rho - 0.1) / 0.89) * (CURVE.right - CURVE.left);
const curveY = (times: number) => CURVE.bottom - (Math.min(CURVE.yMax, times) / CURVE.yMax) * (CURVE.bottom - CURVE.top);
const rhoAt = (x: number) => 0.1 + ((x - CURVE.left) / (CURVE.right - CURVE.left)) * 0.89;
const CURVE_PATH = Array.from({ length: 90 }, (_, i) => 0.1 + (0.89 * i) / 89)
  .map((rho, i) => `${i ? 'L' : 'M'}${curveX(rho).toFixed(1)},${curveY(meanTimeInServiceTimes(rho)).toFixed(1)}`)
  .join('');

/** Where the line, the server and the way out are drawn. */
const DOOR_X = 340;
const HEAD_X = 540;
const SLOT = 13;
const SHOWN = 14;
const SERVER_X = 580;
const LANE_Y = 95;

function spotOf(snap: QueueSnapshot, id: number): { x: number; opacity: number } | null {
  if (snap.serving === id) return { x: SERVER_X, opacity: 1 };
  const place = snap.waiting.indexOf(id);
  if (place >= 0) return { x: HEAD_X - SLOT * Math.min(place, SHOWN), opacity: place > SHOWN ? 0 : 1 };
  const leaving = snap.leaving.find((l) => l.id === id);
  if (leaving) return { x: SERVER_X + 25 + 30 * leaving.gone, opacity: 1 - leaving.gone };
  return null;
}

/** The requests, moved from the previous snapshot to this one at the display's rate. */
function Requests({ sim }: { sim: HockeySim }) {
  const t = useProgress(sim);
  const now = sim.model.queue.now;
  // Another utilisation is another trace: its requests appear where they are.
  const before = sim.before.queue.rho === sim.model.queue.rho ? sim.before.queue.now : now;
  const ids = [...now.waiting.slice(0, SHOWN + 1), ...(now.serving === null ? [] : [now.serving]), ...now.leaving.map((l) => l.id)];
  return (
    <g class="latency-requests">
      {ids.map((id) => {
        const to = spotOf(now, id)!;
        const from = spotOf(before, id) ?? { x: DOOR_X, opacity: 0.3 };
        return (
          <circle
            key={id}
            cx={lerp(from.x, to.x, t).toFixed(1)}
            cy={LANE_Y}
            r={5}
            opacity={lerp(from.opacity, to.opacity, t).toFixed(2)}
            class="latency-request"
          />
        );
      })}
    </g>
  );
}

export function ServerQueueDrawing({ sim }: { sim: HockeySim }) {
  const { at, queue } = sim.model;
  const rho = UTILISATIONS[at] ?? 0.9;
  const times = meanTimeInServiceTimes(rho);
  const waiting = queue.now.waiting.length;
  const mx = curveX(rho);
  const my = curveY(times);
  const percent = formatPercent(rho);
  // The curve, its axes and the server never change: drawn once, so a tick redraws only what moves.
  const axes = useMemo(
    () => (
      <>
        <path d={CURVE_PATH} class="latency-curve" />
        <line x1={CURVE.left} x2={CURVE.right} y1={CURVE.bottom} y2={CURVE.bottom} class="latency-axis" />
        <line x1={CURVE.left} x2={CURVE.left} y1={CURVE.top} y2={CURVE.bottom} class="latency-axis" />
        <text class="sim-chart-label" x={CURVE.left} y={CURVE.bottom + 16}>
          10%
        </text>
        <text class="sim-chart-label" x={CURVE.right} y={CURVE.bottom + 16} text-anchor="end">
          99%
        </text>
        <text class="sim-chart-label" x={(CURVE.left + CURVE.right) / 2} y={CURVE.bottom + 30} text-anchor="middle">
          utilisation
        </text>
        <text class="sim-chart-label" x={CURVE.left + 4} y={CURVE.top - 8}>{`time at the server (× service time, cut at ${CURVE.yMax}×)`}</text>
        {/* the server and its line */}
        <text class="sim-chart-label" x={DOOR_X} y={LANE_Y - 24}>
          arrivals →
        </text>
        {/* The server is always the curve's M/M/1 (serverQueue.ts), whatever service times the sweep runs. */}
        <text class="sim-chart-label" x={DOOR_X} y={LANE_Y - 44}>
          M/M/1: random arrivals and service times
        </text>
        <rect x={SERVER_X - 16} y={LANE_Y - 18} width={32} height={36} rx={4} class="latency-server-box" />
        <text class="sim-chart-label" x={SERVER_X} y={LANE_Y + 34} text-anchor="middle">
          server
        </text>
      </>
    ),
    [],
  );
  return (
    <svg
      class="sim-drawing latency-server"
      viewBox="0 0 640 190"
      role="group"
      aria-label={`An M/M/1 server (random arrivals, exponential service) at ${percent} utilisation with ${waiting} requests waiting in line, beside the curve of average time at the server against utilisation.`}
    >
      {axes}
      <Grabbable
        sim={sim}
        x={mx}
        y={my}
        r={7}
        step={SLOT}
        label={`Marker at ${percent} utilisation, where a request spends ${formatTimes(times)} its service time at the server on average. Arrow keys or a drag move it along the curve.`}
        move={(m, to, how) => utilisationMoved(m, how.via === 'keyboard' ? m.at + Math.round((how.dx || -how.dy) / SLOT) : nearestUtilisation(rhoAt(to.x)))}
      >
        <circle cx={mx} cy={my} r={7} class="latency-marker" />
      </Grabbable>
      <text class="sim-chart-label" x={Math.min(mx + 10, CURVE.right - 40)} y={Math.max(my - 10, CURVE.top + 10)}>{`${percent}: ${formatTimes(times)}`}</text>
      <Requests sim={sim} />
      <text class="sim-chart-label" x={DOOR_X} y={LANE_Y + 60}>{`${waiting} waiting${waiting > SHOWN + 1 ? ` (${SHOWN + 1} drawn)` : ''}`}</text>
    </svg>
  );
}

function formatTimes(times: number): string {
  return `${formatNumber(times, { significant: 2 })}×`;
}

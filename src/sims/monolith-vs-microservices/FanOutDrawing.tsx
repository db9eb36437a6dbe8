/**
 * One request fanning out, at the display's rate: the calls travel to their backends and back, each
 * over its own latency, and the response leaves only when the slowest is back. The trip's clock is
 * interpolated between ticks, so nothing but positions is computed per frame.
 */
import { formatMs, lerp, useProgress, type Motion } from '../kit/index.ts';
import { LANES, callReach, responseReach, type Trip } from './fanOutTrip.ts';

const CLIENT_X = 40;
const CALLER_X = 170;
const BACKEND_X = 560;
const TOP = 24;
const LANE = 22;
const laneY = (i: number) => TOP + i * LANE;
const MID_Y = laneY((LANES - 1) / 2);
/** Positions to a tenth of a drawing unit: finer than a pixel, and a short attribute. */
const tenth = (v: number) => Math.round(v * 10) / 10;
const ms = (v: number) => formatMs(v, { digits: 0 });

function Travellers({ sim }: { sim: { motion: Motion; before: { trip: Trip }; model: { trip: Trip } } }) {
  const progress = useProgress(sim);
  const trip = sim.model.trip;
  const same = sim.before.trip.seed === trip.seed && sim.before.trip.n === trip.n;
  const t = same ? lerp(sim.before.trip.t, trip.t, progress) : trip.t;
  const back = responseReach({ ...trip, t });
  return (
    <g class="ms-travellers">
      {trip.calls.map((c, i) => (
        <circle cx={tenth(CALLER_X + (BACKEND_X - CALLER_X) * callReach(c, t))} cy={laneY(i)} r={5} class={c.slow ? 'ms-call-dot slow' : 'ms-call-dot'} />
      ))}
      {back > 0 && <circle cx={tenth(CALLER_X - (CALLER_X - CLIENT_X) * back)} cy={MID_Y} r={6} class="ms-response-dot" />}
    </g>
  );
}

export function FanOutDrawing({ sim }: { sim: { motion: Motion; before: { trip: Trip }; model: { trip: Trip } } }) {
  const trip = sim.model.trip;
  const label = `A request calls ${trip.n} backends at once (${trip.calls.length} drawn); its response waits ${ms(trip.responseMs)} for the slowest, backend ${trip.slowest + 1}${trip.slowCalls ? `, slower than its p99` : ''}.`;
  const height = TOP + LANES * LANE + 16;
  return (
    <svg class="sim-drawing ms-map ms-fanout" viewBox={`0 0 640 ${height}`} role="img" aria-label={label}>
      <title>{label}</title>
      <text x={CLIENT_X} y={MID_Y - 14} text-anchor="middle">
        client
      </text>
      <circle cx={CLIENT_X} cy={MID_Y} r={8} class="db" />
      <line x1={CLIENT_X + 8} x2={CALLER_X - 14} y1={MID_Y} y2={MID_Y} class="call" />
      <g class="service">
        <rect x={CALLER_X - 14} y={TOP - 10} width={28} height={LANES * LANE - 2} rx={4} />
      </g>
      {trip.calls.map((c, i) => (
        <g>
          <line x1={CALLER_X + 14} x2={BACKEND_X - 10} y1={laneY(i)} y2={laneY(i)} class={c.backend === trip.slowest ? 'call chain' : 'call async'} />
          <rect x={BACKEND_X - 10} y={laneY(i) - 8} width={20} height={16} rx={3} class={c.slow ? 'ms-backend slow' : 'ms-backend'} />
          <text x={BACKEND_X + 16} y={laneY(i) + 4}>{`#${c.backend + 1}: ${ms(c.ms)}${c.backend === trip.slowest ? ' (slowest)' : ''}`}</text>
        </g>
      ))}
      <Travellers sim={sim} />
      <text x={CALLER_X + 24} y={height - 4} class="legend">
        {trip.n > trip.calls.length ? `${trip.calls.length} of ${trip.n} calls drawn, the slowest always among them` : `all ${trip.n} calls drawn`}
      </text>
    </svg>
  );
}

/**
 * "Balancing algorithms": the same stream of guests sent to four rooms of unequal speed by the chosen
 * policy, on the queueing engine. Per room: share of requests and p99 latency side by side, and the
 * number of guests in each room over time, with room 2 optionally out of order for the middle third.
 */
import {
  BarChart,
  Controls,
  LineChart,
  Select,
  SimFrame,
  Slider,
  Toggle,
  boolParam,
  enumParam,
  formatMs,
  formatNumber,
  formatPercent,
  intParam,
  island,
  numberParam,
  useSimulation,
} from '../kit/index.ts';
import { POLICY_LABELS } from './policies.ts';
import {
  BALANCING_POLICIES,
  FAILING_ROOM,
  LOAD,
  MEAN_SERVICE_MS,
  ROOM_NAMES,
  ROOM_SPEED,
  ROOM_SPEEDS,
  SEED,
  runBalancing,
  weightFor,
} from './balancing.ts';
import './loadbalancer.css';

const schema = {
  policy: enumParam(BALANCING_POLICIES, 'round-robin'),
  load: intParam(LOAD.min * 100, LOAD.max * 100, 60),
  speed1: numberParam(ROOM_SPEED.min, ROOM_SPEED.max, ROOM_SPEEDS[0]),
  speed2: numberParam(ROOM_SPEED.min, ROOM_SPEED.max, ROOM_SPEEDS[1]),
  speed3: numberParam(ROOM_SPEED.min, ROOM_SPEED.max, ROOM_SPEEDS[2]),
  speed4: numberParam(ROOM_SPEED.min, ROOM_SPEED.max, ROOM_SPEEDS[3]),
  outage: boolParam(false),
  seed: intParam(SEED.min, SEED.max, SEED.fallback),
};
const SPEED_KEYS = ['speed1', 'speed2', 'speed3', 'speed4'] as const;

const REQUESTS = 12_000;

function BalancingView() {
  const sim = useSimulation('balancing', schema, {
    title: 'How the front desk picks a room',
    init: (p) =>
      runBalancing({ policy: p.policy, load: p.load / 100, speeds: SPEED_KEYS.map((key) => p[key]), outage: p.outage, seed: p.seed, requests: REQUESTS }),
  });
  const state = sim.params;
  const result = sim.model;
  const speeds = result.rooms.map((r) => r.speed);
  const policyLabel =
    state.policy === 'weighted-round-robin' ? `${POLICY_LABELS[state.policy]} (weights ${speeds.map(weightFor).join(':')})` : POLICY_LABELS[state.policy];
  const worst = result.rooms.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  const outage = result.outageWindow
    ? ` ${ROOM_NAMES[FAILING_ROOM]} is out of order from ${formatNumber(result.outageWindow[0], { digits: 0 })} s to ${formatNumber(result.outageWindow[1], { digits: 0 })} s; ${formatNumber(result.dropped)} guests in it were turned away.`
    : '';
  const status = `${policyLabel} at ${state.load}% load: overall p99 ${formatMs(result.p99)}; the worst room is ${worst.name} with p99 ${formatMs(worst.p99)}.${outage}`;
  return (
    <SimFrame
      {...sim.frame}
      caption={`${formatNumber(REQUESTS)} guests arrive at random (Poisson) and each needs ${MEAN_SERVICE_MS} ms of work on an ordinary room; the rooms' speeds are ${speeds.map((s) => `${s}×`).join(', ')}. Only weighted round robin is told the speeds. ${status}`}
      status={status}
    >
      <Controls>
        <Select sim={sim} param="policy" label="Policy" options={BALANCING_POLICIES.map((p) => ({ value: p, label: POLICY_LABELS[p] }))} />
        <Slider sim={sim} param="load" label="Load" step={5} format={(v) => `${v}%`} />
        {SPEED_KEYS.map((key, i) => (
          <Slider key={key} sim={sim} param={key} label={`${ROOM_NAMES[i]} speed`} step={ROOM_SPEED.step} format={(v) => `${formatNumber(v)}×`} />
        ))}
        <Toggle sim={sim} param="outage" label={`Take ${ROOM_NAMES[FAILING_ROOM]} out of order midway`} />
        <Slider sim={sim} param="seed" label="Seed" />
      </Controls>
      <div class="lb-columns">
        <div>
          <p class="lb-chart-title" aria-hidden="true">Share of guests per room</p>
          <BarChart
            title="Share of guests per room (%)"
            bars={result.rooms.map((r, i) => ({ label: `${r.name} (${r.speed}×)`, value: Math.round(r.share * 1000) / 10, colour: `var(--series-${i + 1})` }))}
            unit="%"
          />
        </div>
        <div>
          <p class="lb-chart-title" aria-hidden="true">p99 latency per room</p>
          <BarChart
            title="p99 latency per room (ms)"
            bars={result.rooms.map((r, i) => ({ label: `${r.name} (${r.speed}×)`, value: Math.round(r.p99), colour: `var(--series-${i + 1})` }))}
            unit=" ms"
          />
        </div>
      </div>
      <table class="lb-table">
        <caption>Per room, side by side</caption>
        <thead>
          <tr>
            <th scope="col">Room</th>
            <th scope="col">Speed</th>
            <th scope="col">Share of guests</th>
            <th scope="col">p99 latency</th>
          </tr>
        </thead>
        <tbody>
          {result.rooms.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td>{r.speed}×</td>
              <td>{formatPercent(r.share, 1)}</td>
              <td>{formatMs(r.p99)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All</th>
            <td>{speeds.reduce((a, b) => a + b, 0)}×</td>
            <td>{result.dropped > 0 ? `${formatNumber(result.dropped)} turned away` : formatPercent(1)}</td>
            <td>{formatMs(result.p99)}</td>
          </tr>
        </tfoot>
      </table>
      <LineChart
        title="Guests in each room (waiting or being served) over time"
        xLabel="time (s)"
        yLabel="guests in room"
        series={result.timeline.map((points, i) => ({ label: ROOM_NAMES[i]!, points, colour: `var(--series-${i + 1})`, dashed: i === FAILING_ROOM }))}
      />
    </SimFrame>
  );
}

export default island(BalancingView);

/**
 * "Balancing algorithms": the same stream of guests sent to four rooms of unequal speed by the chosen
 * policy, on the queueing engine. Per room: share of requests and p99 latency side by side, and the
 * number of guests in each room over time, with room 2 optionally out of order for the middle third.
 */
import { useMemo } from 'preact/hooks';
import { BarChart, Controls, LineChart, Select, SimFrame, Slider, Toggle, boolParam, enumParam, intParam, island, useSimState } from '../kit/index.ts';
import { FAILING_ROOM, ROOM_NAMES, ROOM_SPEEDS, SIM_POLICIES, runBalancing, type SimPolicy } from './balancing.ts';
import './loadbalancer.css';

export const POLICY_LABELS: Record<SimPolicy, string> = {
  'round-robin': 'Round robin',
  'weighted-round-robin': 'Weighted round robin (weights 4:2:2:1)',
  'least-connections': 'Least connections',
  random: 'Random',
  'two-choices': 'Power of two choices',
  'consistent-hash': 'Consistent hash (per guest)',
};

const schema = {
  policy: enumParam(SIM_POLICIES, 'round-robin'),
  load: intParam(30, 95, 60),
  outage: boolParam(false),
  seed: intParam(1, 999, 1),
};

const REQUESTS = 12_000;
const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`);

function BalancingView() {
  const [state, update] = useSimState('balancing', schema);
  const result = useMemo(
    () => runBalancing({ policy: state.policy, load: state.load / 100, outage: state.outage, seed: state.seed, requests: REQUESTS }),
    [state.policy, state.load, state.outage, state.seed],
  );
  const worst = result.rooms.reduce((a, b) => (b.p99 > a.p99 ? b : a));
  const outage = result.outageWindow
    ? ` ${ROOM_NAMES[FAILING_ROOM]} is out of order from ${result.outageWindow[0].toFixed(0)} s to ${result.outageWindow[1].toFixed(0)} s; ${result.dropped} guests in it were turned away.`
    : '';
  const status = `${POLICY_LABELS[state.policy]} at ${state.load}% load: overall p99 ${ms(result.p99)}; the worst room is ${worst.name} with p99 ${ms(worst.p99)}.${outage}`;
  return (
    <SimFrame
      id="balancing"
      title="How the front desk picks a room"
      caption={`${REQUESTS.toLocaleString('en')} guests arrive at random (Poisson) and each needs ${20} ms of work on an ordinary room; the rooms' speeds are ${ROOM_SPEEDS.map((s) => `${s}×`).join(', ')}. Only weighted round robin is told the speeds. ${status}`}
      status={status}
      share={{ schema, state }}
    >
      <Controls>
        <Select label="Policy" value={state.policy} options={SIM_POLICIES.map((p) => ({ value: p, label: POLICY_LABELS[p] }))} onChange={(policy) => update({ policy })} />
        <Slider label="Load" value={state.load} min={30} max={95} step={5} onChange={(load) => update({ load })} format={(v) => `${v}%`} />
        <Toggle label={`Take ${ROOM_NAMES[FAILING_ROOM]} out of order midway`} checked={state.outage} onChange={(outage) => update({ outage })} />
        <Slider label="Seed" value={state.seed} min={1} max={999} onChange={(seed) => update({ seed })} />
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
              <td>{(r.share * 100).toFixed(1)}%</td>
              <td>{ms(r.p99)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All</th>
            <td>{ROOM_SPEEDS.reduce((a, b) => a + b, 0)}×</td>
            <td>{result.dropped > 0 ? `${result.dropped} turned away` : '100%'}</td>
            <td>{ms(result.p99)}</td>
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

export default island('How the front desk picks a room', BalancingView);

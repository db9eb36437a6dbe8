/**
 * "The request's journey": one request from a guest through the doorman (reverse proxy), the
 * concierge (API gateway) and the front desk (load balancer) to a room (backend), as runJourney
 * computes it: who answers, with which status, and which headers each station adds.
 */
import { Controls, Select, SimFrame, Slider, Toggle, boolParam, enumParam, intParam, island, useSimulation } from '../kit/index.ts';
import {
  ADDRESSES,
  BACKEND_STATES,
  BURST,
  BURST_SIZE,
  KEY_STATES,
  PATHS,
  RATE_PER_SECOND,
  STATIONS,
  runJourney,
  type JourneyResult,
  type Station,
} from './journey.ts';
import './loadbalancer.css';

const schema = {
  path: enumParam(PATHS, '/api/orders'),
  key: enumParam(KEY_STATES, 'valid'),
  burst: intParam(BURST_SIZE.min, BURST_SIZE.max, BURST_SIZE.fallback),
  https: boolParam(true),
  cached: boolParam(true),
  office: boolParam(false),
  rooms: enumParam(BACKEND_STATES, 'healthy'),
};

export const STATION_NAMES: Record<Station, { name: string; role: string }> = {
  client: { name: 'Guest', role: 'client' },
  doorman: { name: 'Doorman', role: 'reverse proxy' },
  concierge: { name: 'Concierge', role: 'API gateway' },
  'front-desk': { name: 'Front desk', role: 'load balancer' },
  room: { name: 'Room', role: 'backend' },
};

const KEY_LABELS: Record<(typeof KEY_STATES)[number], string> = { valid: 'valid key', missing: 'no key', wrong: 'wrong key' };
const ROOM_LABELS: Record<(typeof BACKEND_STATES)[number], string> = {
  healthy: 'all healthy',
  'one-down': 'one refuses connections',
  'all-down': 'all refuse connections',
  unreachable: 'none answers a connection attempt',
  slow: 'all slower than the timeout',
};

const W = 640;
const H = 150;
const X = (i: number) => 64 + i * 128;

function statusClass(status: number): string {
  if (status < 400) return 'lb-ok';
  if (status < 500) return 'lb-warn';
  return 'lb-bad';
}

function JourneyDiagram({ result, label }: { result: JourneyResult; label: string }) {
  // A slow room's 504 reaches the room and is answered by the front desk: draw the path as far as it went.
  const reached = Math.max(...result.steps.map((s) => STATIONS.indexOf(s.station)));
  const answered = STATIONS.indexOf(result.answeredBy);
  return (
    <svg class="lb-journey" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <title>{label}</title>
      <line class="lb-track" x1={X(0)} x2={X(STATIONS.length - 1)} y1={70} y2={70} />
      <line class="lb-travelled" x1={X(0)} x2={X(reached)} y1={70} y2={70} />
      {STATIONS.map((station, i) => (
        <g key={station} class={i <= reached ? 'lb-station lb-visited' : 'lb-station'}>
          <rect x={X(i) - 50} y={50} width={100} height={40} rx={8} />
          <text x={X(i)} y={68} text-anchor="middle" class="lb-station-name">
            {STATION_NAMES[station].name}
          </text>
          <text x={X(i)} y={83} text-anchor="middle" class="lb-station-role">
            {STATION_NAMES[station].role}
          </text>
          <text x={X(i)} y={110} text-anchor="middle" class="lb-address">
            {ADDRESSES[station]}
          </text>
        </g>
      ))}
      <g class={`lb-badge ${statusClass(result.status)}`}>
        <rect x={X(answered) - 26} y={12} width={52} height={26} rx={13} />
        <text x={X(answered)} y={30} text-anchor="middle">
          {result.status}
        </text>
      </g>
      <text x={X(answered)} y={136} text-anchor="middle" class="lb-station-role">
        answers
      </text>
    </svg>
  );
}

function HeaderList({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return null;
  return (
    <ul class="lb-headers">
      {entries.map(([name, value]) => (
        <li key={name}>
          <code>
            {name}: {value}
          </code>
        </li>
      ))}
    </ul>
  );
}

function JourneyView() {
  const sim = useSimulation('journey', schema, {
    title: "A request's journey through the Grand Hotel",
    init: (p) =>
      runJourney({
        https: p.https,
        path: p.path,
        apiKey: p.key,
        burstSize: p.burst,
        cached: p.cached,
        behindClientProxy: p.office,
        backends: p.rooms,
      }),
  });
  const state = sim.params;
  const result = sim.model;
  const isApi = state.path === '/api/orders';
  const who = STATION_NAMES[result.answeredBy];
  const status = `GET ${state.path}: ${result.status} from the ${who.name.toLowerCase()} (${who.role}).${
    result.atBackend['X-Forwarded-For'] ? ` The room saw X-Forwarded-For: ${result.atBackend['X-Forwarded-For']}.` : ''
  }`;
  return (
    <SimFrame
      {...sim.frame}
      caption={`Each station is a separate machine with the address shown under it. Change the request and the rooms to see which station answers and with which status: 401 without a valid key, 429 past a burst of ${BURST + 1} (limit ${RATE_PER_SECOND} per second), 502 when every room refuses the connection, 504 when no room answers the connection attempt or the room is too slow. ${status}`}
      status={status}
    >
      <Controls>
        <Select sim={sim} param="path" label="Request" options={PATHS.map((p) => ({ value: p, label: `GET ${p}${p === '/menu' ? ' (public)' : ' (API)'}` }))} />
        <Select sim={sim} param="key" label="API key" options={KEY_STATES.map((k) => ({ value: k, label: KEY_LABELS[k] }))} disabled={!isApi} />
        <Slider sim={sim} param="burst" label="Requests sent at once" disabled={!isApi} />
        <Select sim={sim} param="rooms" label="Rooms" options={BACKEND_STATES.map((r) => ({ value: r, label: ROOM_LABELS[r] }))} />
        <Toggle sim={sim} param="https" label="HTTPS" />
        <Toggle sim={sim} param="cached" label="Page in the doorman's cache" disabled={isApi} />
        <Toggle sim={sim} param="office" label="Guest behind an office proxy" />
      </Controls>
      <JourneyDiagram result={result} label={`The request travels from the guest to the ${who.name.toLowerCase()}, which answers ${result.status}.`} />
      <ol class="lb-steps">
        {result.steps.map((step, i) => (
          <li key={i}>
            <strong>{STATION_NAMES[step.station].name}</strong> ({STATION_NAMES[step.station].role}): {step.action}
            <HeaderList headers={step.added} />
          </li>
        ))}
      </ol>
      {result.backendSeesPeer && (
        <p class="lb-note">
          The room's socket shows <code>{result.backendSeesPeer}</code>, the front desk. The guest's address survives only in the headers:{' '}
          <code>X-Forwarded-For: {result.atBackend['X-Forwarded-For']}</code>.
        </p>
      )}
    </SimFrame>
  );
}

export default island(JourneyView);

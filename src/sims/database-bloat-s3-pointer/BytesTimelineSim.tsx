/** "Where the bytes go": the two routes of one "fetch the log" request, drawn as lanes on one time axis. */
import {
  Controls,
  SimFrame,
  Slider,
  formatMs,
  formatNumber,
  intParam,
  island,
  niceTicks,
  formatTick,
  linearScale,
  Readout,
  useSimulation,
  type StateOf,
} from '../kit/index.ts';
import { ASSUMPTIONS as A, timeline, type Lane, type Timeline } from './timeline.ts';
import './bytes.css';

const schema = {
  mib: intParam(1, 200, 10),
  miss: intParam(0, 100, 90),
  mbps: intParam(5, 1000, 100),
  rtt: intParam(5, 300, 40),
};

const LANES: readonly { lane: Lane; label: string }[] = [
  { lane: 'browser', label: 'Browser' },
  { lane: 'app', label: 'App server' },
  { lane: 'database', label: 'Database' },
  { lane: 'storage', label: 'Object storage' },
];
const COLOUR: Record<Lane, string> = { browser: 'var(--series-5)', app: 'var(--series-4)', database: 'var(--series-2)', storage: 'var(--series-3)' };

const W = 640;
const LEFT = 112;
const RIGHT = 16;
const LANE_H = 22;
const PANEL_H = 24 + LANES.length * LANE_H;

function bytes(n: number): string {
  if (n >= 1024 * 1024) return `${formatNumber(n / 1024 / 1024, { digits: 1, grouping: false })} MiB`;
  if (n >= 1024) return `${formatNumber(n / 1024, { digits: 1, grouping: false })} KiB`;
  return `${n} B`;
}
const ms = (n: number) => formatMs(n, { maxDigits: 1, seconds: false });

/** Both routes of one request, on the reader's settings. */
function routes(p: StateOf<typeof schema>): { db: Timeline; url: Timeline } {
  const input = { logBytes: p.mib * 1024 * 1024, missShare: p.miss / 100, clientMbps: p.mbps, clientRttMs: p.rtt };
  return { db: timeline('database', input), url: timeline('presigned', input) };
}

function Panel({ t, title, y, x }: { t: Timeline; title: string; y: number; x: (v: number) => number }) {
  return (
    <g transform={`translate(0 ${y})`}>
      <text class="bt-title" x={0} y={14}>
        {title}: {ms(t.totalMs)}
      </text>
      {LANES.map(({ lane, label }, i) => (
        <g key={lane}>
          <text class="sim-chart-label" x={0} y={24 + i * LANE_H + 15}>
            {label}
          </text>
          <line class="sim-chart-grid" x1={LEFT} x2={W - RIGHT} y1={24 + i * LANE_H + LANE_H / 2} y2={24 + i * LANE_H + LANE_H / 2} />
        </g>
      ))}
      {t.phases.map((p) => {
        const row = LANES.findIndex((l) => l.lane === p.lane);
        return (
          <rect
            x={x(p.startMs)}
            y={24 + row * LANE_H + 4}
            width={Math.max(2, x(p.endMs) - x(p.startMs))}
            height={LANE_H - 8}
            rx={3}
            style={{ fill: COLOUR[p.lane] }}
          >
            <title>{`${p.label}: ${ms(p.endMs - p.startMs)}`}</title>
          </rect>
        );
      })}
    </g>
  );
}

function PhaseTable({ t, caption }: { t: Timeline; caption: string }) {
  return (
    <table class="bt-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Where</th>
          <th scope="col">What</th>
          <th scope="col">Starts</th>
          <th scope="col">Takes</th>
        </tr>
      </thead>
      <tbody>
        {t.phases.map((p) => (
          <tr>
            <td>{LANES.find((l) => l.lane === p.lane)!.label}</td>
            <td>{p.label}</td>
            <td>{ms(p.startMs)}</td>
            <td>{ms(p.endMs - p.startMs)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BytesTimeline() {
  const sim = useSimulation('bytes', schema, { title: 'Where the bytes go: fetching one log', init: routes });
  const state = sim.params;
  const { db, url } = sim.model;
  const end = Math.max(db.totalMs, url.totalMs);
  const x = linearScale([0, end], [LEFT, W - RIGHT]);
  const height = 2 * PANEL_H + 52;
  const status =
    `A ${state.mib} MiB log: from the database ${ms(db.totalMs)}, ${bytes(db.appBytes)} through the app, an app worker busy ${ms(db.appBusyMs)} and ${ms(db.databaseMs)} of database time; ` +
    `through a presigned URL ${ms(url.totalMs)}, ${bytes(url.appBytes)} through the app, ${ms(url.appBusyMs)} of app time and ${ms(url.databaseMs)} of database time.`;
  return (
    <SimFrame
      {...sim.frame}
      status={status}
      caption={
        <>
          One click on "view log", served from a database column (top) and through a presigned URL (bottom), on one time axis. The model assumes a{' '}
          {A.dbMbps / 1000} Gbit/s link with a {A.dbRttMs} ms round trip between app and database,
          {A.pageReadMs} ms per {A.pageBytes / 1024} KiB page read from disk, a {A.storageFirstByteMs} ms first byte from object storage, a first download that
          must reach the bucket (a {A.dnsMs} ms DNS answer, then TCP and TLS 1.3 handshakes), full speed from the first byte (no TCP slow start), and an app
          that buffers the whole result, as most drivers do. {status}
        </>
      }
    >
      <Controls>
        <Slider sim={sim} param="mib" label="Log size" format={(v) => `${v} MiB`} />
        <Slider sim={sim} param="miss" label="Log pages not in the buffer pool" format={(v) => `${v}%`} />
        <Slider sim={sim} param="mbps" label="Reader's bandwidth" step={5} format={(v) => `${v} Mbit/s`} />
        <Slider sim={sim} param="rtt" label="Reader's round trip" step={5} format={(v) => `${v} ms`} />
      </Controls>
      <svg class="sim-chart" viewBox={`0 0 ${W} ${height}`} role="img" aria-label={status}>
        <Panel t={db} title="Log in the database" y={4} x={x} />
        <Panel t={url} title="Presigned URL" y={PANEL_H + 16} x={x} />
        {niceTicks(0, end, 5).map((tick) => (
          <text class="sim-chart-label" x={x(tick)} y={height - 8} text-anchor="middle">
            {formatTick(tick)} ms
          </text>
        ))}
      </svg>
      <Readout
        items={[
          ['Through the app (database / presigned)', `${bytes(db.appBytes)} / ${bytes(url.appBytes)}`],
          ['App memory per request', `${bytes(db.appPeakBytes)} / ${bytes(url.appPeakBytes)}`],
          ['App worker busy', `${ms(db.appBusyMs)} / ${ms(url.appBusyMs)}`],
          ['Database time', `${ms(db.databaseMs)} / ${ms(url.databaseMs)}`],
          ['Until the last byte', `${ms(db.totalMs)} / ${ms(url.totalMs)}`],
        ]}
      />
      <details class="bt-details">
        <summary>Phase by phase</summary>
        <div class="bt-scroll">
          <PhaseTable t={db} caption="Log in the database" />
          <PhaseTable t={url} caption="Presigned URL" />
        </div>
      </details>
    </SimFrame>
  );
}

export default island(BytesTimeline);

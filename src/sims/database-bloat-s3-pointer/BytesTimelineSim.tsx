/**
 * "Where the bytes go": the two routes of one "fetch the log" request. Above, the bytes themselves flow
 * between the places (through the app, or straight from the bucket), replayed on the request's clock;
 * below, the same phases as lanes on one time axis, with the replay's moment marked.
 */
import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import {
  Controls,
  PlayControls,
  SimFrame,
  Slider,
  formatMs,
  formatNumber,
  formatPercent,
  intParam,
  island,
  niceTicks,
  formatTick,
  linearScale,
  Readout,
  lerp,
  useForParams,
  useProgress,
  useSimulation,
  type Simulation,
  type StateOf,
} from '../kit/index.ts';
import { ASSUMPTIONS as A, DEFAULT_TIMELINE as D, TIMELINE_RANGES as R, bytesThrough, inTransit, phaseDone, type Lane, type Timeline } from './timeline.ts';
import { advanceReplay, newReplay, shownMs, type Replay } from './replay.ts';
import './bytes.css';

const MiB = 1024 * 1024;
// The model's ranges and defaults, in the units the controls show (MiB, per cent).
const schema = {
  mib: intParam(R.logBytes.min / MiB, R.logBytes.max / MiB, D.logBytes / MiB),
  miss: intParam(R.missShare.min * 100, R.missShare.max * 100, D.missShare * 100),
  mbps: intParam(R.clientMbps.min, R.clientMbps.max, D.clientMbps),
  rtt: intParam(R.clientRttMs.min, R.clientRttMs.max, D.clientRttMs),
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
const LANES_H = 2 * PANEL_H + 52;

function bytes(n: number): string {
  if (n >= 1024 * 1024) return `${formatNumber(n / 1024 / 1024, { digits: 1, grouping: false })} MiB`;
  if (n >= 1024) return `${formatNumber(n / 1024, { digits: 1, grouping: false })} KiB`;
  return `${n} B`;
}
const ms = (n: number) => formatMs(n, { maxDigits: 1, seconds: false });

type BytesSimulation = Simulation<typeof schema, Replay>;

/** Both routes of one request, on the reader's settings, replayed from a moment with bytes in flight. */
function replayFor(p: StateOf<typeof schema>): Replay {
  return newReplay({ logBytes: p.mib * MiB, missShare: p.miss / 100, clientMbps: p.mbps, clientRttMs: p.rtt });
}

/** The moment to draw on this display frame: between the last tick's and this tick's, except across the jump back to the click. */
function useMoment(sim: BytesSimulation): number {
  const t = useProgress(sim);
  const { before, model } = sim;
  const from = before.db === model.db && before.atMs <= model.atMs ? before.atMs : model.atMs;
  return shownMs(model, lerp(from, model.atMs, t));
}

/** The flow diagram: the places, left to right, and the links between neighbours. */
const PLACES: readonly { lane: Lane; label: string; x: number }[] = [
  { lane: 'database', label: 'Database', x: 62 },
  { lane: 'app', label: 'App server', x: 234 },
  { lane: 'browser', label: 'Browser', x: 406 },
  { lane: 'storage', label: 'Object storage', x: 578 },
];
const BOX_W = 112;
const BOX_H = 30;
const FLOW_ROW = 78;
const FLOW_H = 2 * FLOW_ROW + 4;
const placeX = (lane: Lane) => PLACES.find((p) => p.lane === lane)!.x;
/** Where a hop between two places leaves one box and reaches the other. */
function ends(from: Lane, to: Lane): [number, number] {
  const a = placeX(from);
  const b = placeX(to);
  const half = BOX_W / 2 + 3;
  return a < b ? [a + half, b - half] : [a - half, b + half];
}
/** Dots of a log in transit: one every GAP units, moving three link lengths over the phase. */
const GAP = 13;

function FlowRow({ t, title, y }: { t: Timeline; title: string; y: number }) {
  const used = new Set(t.phases.flatMap((p) => (p.hop ? [`${p.hop.from}|${p.hop.to}`, `${p.hop.to}|${p.hop.from}`] : [])));
  return (
    <g transform={`translate(0 ${y})`}>
      <text class="bt-title" x={0} y={14}>
        {title}
      </text>
      {PLACES.slice(1).map((p, i) => {
        const left = PLACES[i]!;
        const [x1, x2] = ends(left.lane, p.lane);
        return (
          <line class={used.has(`${left.lane}|${p.lane}`) ? 'bt-link' : 'bt-link bt-link-unused'} x1={x1} x2={x2} y1={22 + BOX_H / 2} y2={22 + BOX_H / 2} />
        );
      })}
      {PLACES.map((p) => (
        <g>
          <rect class="bt-place" x={p.x - BOX_W / 2} y={22} width={BOX_W} height={BOX_H} rx={5} style={{ stroke: COLOUR[p.lane] }} />
          <text class="sim-chart-label" x={p.x} y={22 + BOX_H / 2 + 4} text-anchor="middle">
            {p.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** What moves in one route at one moment: the messages and the log's bytes in transit, and each place's running byte count. */
function FlowMotion({ t, y, at }: { t: Timeline; y: number; at: number }) {
  const mid = 22 + BOX_H / 2;
  const moving = [];
  for (const p of t.phases) {
    const done = phaseDone(p, at);
    if (!p.hop || done <= 0 || done >= 1) continue;
    const [x1, x2] = ends(p.hop.from, p.hop.to);
    const length = Math.abs(x2 - x1);
    const dir = Math.sign(x2 - x1);
    // The stretch of the link the model has bytes on: from the last byte sent so far to the first.
    const [tail, head] = inTransit({ ...p, hop: p.hop }, at);
    if (p.hop.what === 'log') {
      // The same dots every frame, each wrapping round to the start: the drawing keeps its shape and only moves.
      // Their drift is a picture of flow; which of them show is the model's (bytes not yet sent, or already in, are not drawn).
      const count = Math.floor(length / GAP) + 1;
      const lap = count * GAP;
      for (let k = 0; k < count; k++) {
        const d = (k * GAP + done * 3 * length) % lap;
        const shown = d <= length && d >= tail * length && d <= head * length;
        moving.push(<circle class="bt-byte" cx={x1 + dir * Math.min(d, length)} cy={mid} r={shown ? 3.5 : 0} style={{ fill: COLOUR[p.lane] }} />);
      }
    } else {
      // A message's front: a request is all delay, so it crosses the link over its phase.
      const x = lerp(x1, x2, head);
      moving.push(
        p.hop.what === 'url' ? (
          <rect class="bt-url" x={x - 5} y={mid - 5} width={10} height={10} style={{ fill: COLOUR[p.lane] }} />
        ) : (
          <circle class="bt-request" cx={x} cy={mid} r={4.5} />
        ),
      );
    }
  }
  return (
    <g transform={`translate(0 ${y})`}>
      {moving}
      {PLACES.map((p) => (
        <text class="sim-chart-label bt-count" x={p.x} y={22 + BOX_H + 16} text-anchor="middle">
          {bytes(Math.round(bytesThrough(t, p.lane, at)))}
        </text>
      ))}
    </g>
  );
}

/** The moving part of the flow figure, redrawn on every display frame; the boxes and links are drawn once per model. */
function Flow({ sim, still }: { sim: BytesSimulation; still: ComponentChildren }) {
  const at = useMoment(sim);
  const { db, url } = sim.model;
  return (
    <svg class="sim-chart bt-flow" viewBox={`0 0 ${W} ${FLOW_H}`} role="img" aria-label={flowLabel(db, url)}>
      {still}
      <FlowMotion t={db} y={0} at={at} />
      <FlowMotion t={url} y={FLOW_ROW} at={at} />
      <text class="sim-chart-label" x={W - RIGHT} y={14} text-anchor="end">
        {`${ms(at)} after the click`}
      </text>
    </svg>
  );
}

function flowLabel(db: Timeline, url: Timeline): string {
  return (
    `Bytes on their way. Log in the database: the log flows from the database through the app server to the browser, ${bytes(db.appBytes)} through the app. ` +
    `Presigned URL: the app answers with a URL of ${bytes(url.appBytes)}, and the log flows from object storage straight to the browser.`
  );
}

/** The replay's moment on the lanes' time axis, redrawn per display frame. */
function Playhead({ sim, x, height }: { sim: BytesSimulation; x: (v: number) => number; height: number }) {
  const at = x(useMoment(sim));
  return <line class="bt-playhead" x1={at} x2={at} y1={4} y2={height - 22} />;
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
  const sim = useSimulation('bytes', schema, {
    title: 'Where the bytes go: fetching one log',
    init: replayFor,
    step: advanceReplay,
    tickMs: 100,
  });
  const state = sim.params;
  const { db, url, endMs } = sim.model;
  const x = useMemo(() => linearScale([0, endMs], [LEFT, W - RIGHT]), [endMs]);
  // Drawn once per model (the reader's settings), not on each tick of the replay.
  const still = useMemo(
    () => ({
      flow: (
        <>
          <FlowRow t={db} title="Log in the database" y={0} />
          <FlowRow t={url} title="Presigned URL" y={FLOW_ROW} />
        </>
      ),
      lanes: (
        <>
          <Panel t={db} title="Log in the database" y={4} x={x} />
          <Panel t={url} title="Presigned URL" y={PANEL_H + 16} x={x} />
          {niceTicks(0, endMs, 5).map((tick) => (
            <text class="sim-chart-label" x={x(tick)} y={LANES_H - 8} text-anchor="middle">
              {formatTick(tick)} ms
            </text>
          ))}
        </>
      ),
      tables: (
        <details class="bt-details">
          <summary>Phase by phase</summary>
          <div class="bt-scroll">
            <PhaseTable t={db} caption="Log in the database" />
            <PhaseTable t={url} caption="Presigned URL" />
          </div>
        </details>
      ),
    }),
    [db, url, x, endMs],
  );
  const status =
    `A ${formatNumber(state.mib)} MiB log: from the database ${ms(db.totalMs)}, ${bytes(db.appBytes)} through the app, an app worker busy ${ms(db.appBusyMs)} and ${ms(db.databaseMs)} of database time; ` +
    `through a presigned URL ${ms(url.totalMs)}, ${bytes(url.appBytes)} through the app, ${ms(url.appBusyMs)} of app time and ${ms(url.databaseMs)} of database time.`;
  // A tick of the replay moves only the flow and the playhead: the caption, sliders and readout are built
  // once per setting, so Preact skips them on each of the ten ticks a second (a phone felt every one).
  const settled = useForParams(sim, () => ({
    caption: (
      <>
        One click on "view log", served from a database column (top) and through a presigned URL (bottom). The upper drawing replays the request: dots are the
        log's bytes on their way, a circle a request, a square the URL, and each place counts the bytes that have passed through it. The lower drawing puts each
        phase on one time axis. The model assumes a {formatNumber(A.dbMbps / 1000)} Gbit/s link with a {formatNumber(A.dbRttMs)} ms round trip between app and
        database, {formatNumber(A.pageReadMs)} ms per {formatNumber(A.pageBytes / 1024)} KiB page read from disk, a {formatNumber(A.storageFirstByteMs)} ms
        first byte from object storage, a first download that must reach the bucket (a {formatNumber(A.dnsMs)} ms DNS answer, then TCP and TLS 1.3 handshakes),
        full speed from the first byte (no TCP slow start), and an app that buffers the whole result, as most drivers do. {status}
      </>
    ),
    sliders: (
      <Controls>
        <Slider sim={sim} param="mib" label="Log size" format={(v) => `${formatNumber(v)} MiB`} />
        <Slider sim={sim} param="miss" label="Log pages not in the buffer pool" format={(v) => formatPercent(v / 100)} />
        <Slider sim={sim} param="mbps" label="Reader's bandwidth" step={5} format={(v) => `${formatNumber(v)} Mbit/s`} />
        <Slider sim={sim} param="rtt" label="Reader's round trip" step={5} format={(v) => `${formatNumber(v, { grouping: false })} ms`} />
      </Controls>
    ),
    readout: (
      <Readout
        items={[
          ['Through the app (database / presigned)', `${bytes(db.appBytes)} / ${bytes(url.appBytes)}`],
          ['App memory per request', `${bytes(db.appPeakBytes)} / ${bytes(url.appPeakBytes)}`],
          ['App worker busy', `${ms(db.appBusyMs)} / ${ms(url.appBusyMs)}`],
          ['Database time', `${ms(db.databaseMs)} / ${ms(url.databaseMs)}`],
          ['Until the last byte', `${ms(db.totalMs)} / ${ms(url.totalMs)}`],
        ]}
      />
    ),
  }));
  return (
    <SimFrame {...sim.frame} status={status} caption={settled.caption}>
      <Controls>
        <PlayControls sim={sim} />
      </Controls>
      {settled.sliders}
      <Flow sim={sim} still={still.flow} />
      <svg class="sim-chart bt-lanes" viewBox={`0 0 ${W} ${LANES_H}`} role="img" aria-label={status}>
        {still.lanes}
        <Playhead sim={sim} x={x} height={LANES_H} />
      </svg>
      {settled.readout}
      {still.tables}
    </SimFrame>
  );
}

export default island(BytesTimeline);

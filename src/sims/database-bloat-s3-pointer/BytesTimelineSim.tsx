/**
 * "Where the bytes go": the two routes of one "fetch the log" request. Above, the bytes themselves flow
 * between the places (through the app, or straight from the bucket), replayed on the request's clock;
 * below, the same phases as lanes on one time axis, with the replay's moment marked.
 */
import type { ComponentChildren } from 'preact';
import { useMemo, useRef } from 'preact/hooks';
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
  Mark,
  Marks,
  useForParams,
  useProgress,
  useSimulation,
  type Simulation,
  type StateOf,
} from '../kit/index.ts';
import {
  ASSUMPTIONS as A,
  DEFAULT_TIMELINE as D,
  TIMELINE_RANGES as R,
  bytesThrough,
  inTransit,
  phaseDone,
  type HopPhase,
  type Lane,
  type Timeline,
} from './timeline.ts';
import { advanceReplay, newReplay, shownMs, type Replay } from './replay.ts';
import { fewestPoses } from './poses.ts';
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

/** How long a tick of the replay takes, and how many poses of the model a mark follows within one. */
const TICK_MS = 100;
const SAMPLES = 8;
/**
 * A log byte's dot, and the strip along a link that its dots are drawn in: as tall as a dot, and reaching
 * past the link's ends only up to the boxes' outlines (3 units off, 2 wide), which it must not paint over.
 */
const DOT_R = 3.5;
const HALF_H = 4;
const SIDE = 2;

/**
 * The moments one tick's move passes through, evenly in time, from the last tick's moment to this one's
 * (one moment when nothing moves: the static figure, a new setting, the jump back to the click). Marks
 * follow these poses on the compositor; the model's motion is piecewise linear (a phase can start or end
 * within a tick), so a few samples trace it.
 */
function momentsOf(before: Replay, model: Replay): number[] {
  const to = shownMs(model);
  const from = before.db === model.db && before.atMs <= model.atMs ? shownMs(model, before.atMs) : to;
  if (from === to) return [to];
  return Array.from({ length: SAMPLES + 1 }, (_, k) => shownMs(model, lerp(before.atMs, model.atMs, k / SAMPLES)));
}

/** The stretch of a hop's link that holds its bytes: nothing before the phase (none sent), nothing after (all in). */
function onLink(p: HopPhase, at: number): [tail: number, head: number] {
  if (at <= p.startMs) return [0, 0];
  if (at >= p.endMs) return [1, 1];
  return inTransit(p, at);
}

/** A length in the flow drawing's units as a share of its width, which is how the marks layer measures. */
const cqw = (v: number) => `${((v / W) * 100).toFixed(3)}cqw`;

/**
 * A log's dots on one link, moved by the compositor. Every dot of a hop moves by the same vector, so one
 * mark carries the whole row; the row is long enough to slide the whole phase's travel (three link
 * lengths) and still fill the link, so each tick's move is the next stretch of one straight line, which
 * the marks layer lets run on from tick to tick. A strip as wide as the link clips it, and two covers of
 * the link's own colours slide in from the ends to hide what the model has not yet sent and what has
 * already arrived.
 */
function LogDots({ p, y, moments, at }: { p: HopPhase; y: number; moments: readonly number[]; at: number }) {
  const [x1, x2] = ends(p.hop.from, p.hop.to);
  const length = Math.abs(x2 - x1);
  const dir = Math.sign(x2 - x1);
  const strip = length + 2 * SIDE;
  // A distance from the sender, as x in the strip.
  const along = (d: number) => SIDE + (dir > 0 ? d : length - d);
  const travel = (m: number) => phaseDone(p, m) * 3 * length;
  const behind = Math.ceil((GAP + 3 * length) / GAP) + 1;
  const ahead = Math.ceil(length / GAP) + 1;
  const centre = ((ahead - behind) / 2) * GAP;
  // One path of many dots rather than a circle each: the browser restyles one element, not a score, when a tick starts the row's move.
  let dots = '';
  for (let j = -behind; j <= ahead; j++) {
    const cx = dir * (j * GAP - centre);
    dots += `M${(cx - DOT_R).toFixed(2)} 0a${DOT_R} ${DOT_R} 0 1 0 ${2 * DOT_R} 0a${DOT_R} ${DOT_R} 0 1 0 ${-2 * DOT_R} 0`;
  }
  const cover = strip + 4;
  const coverShape = (
    <>
      <rect x={-cover / 2} y={-HALF_H} width={cover} height={2 * HALF_H} />
      <line x1={-cover / 2} x2={cover / 2} y1={0} y2={0} />
    </>
  );
  // Covers wait off the strip while the row is unseen: drawn in a layer of their own, their stretch of link
  // sits a hair off the drawing's, which shows if they rest over it (a finished hop) but not in a passing tick.
  // Within a tick the row is seen at some moments, the covers hold the nearest seen moment's place at the
  // others: parking them there would sweep them across the link in one sample while the row still fades.
  const onIt = moments.map((m) => onLink(p, m));
  const seenAt = onIt.flatMap(([tail, head], k) => (tail < head ? [k] : []));
  const windows = onIt.map(([tail, head], k) => {
    if (tail < head) return { seen: true, tail, head };
    const near = seenAt.reduce<number | undefined>((best, j) => (best === undefined || Math.abs(j - k) < Math.abs(best - k) ? j : best), undefined);
    return near === undefined ? { seen: false, tail: 0, head: 1 } : { seen: false, tail: onIt[near]![0], head: onIt[near]![1] };
  });
  return (
    <div class="bt-strip" style={{ left: cqw(Math.min(x1, x2) - SIDE), top: cqw(y - HALF_H), width: cqw(strip), height: cqw(2 * HALF_H) }}>
      <Mark
        class="bt-bytes"
        r={((ahead + behind) / 2) * GAP + DOT_R + 1}
        poses={fewestPoses(
          moments.map((m, k) => ({
            x: along(travel(m) + centre),
            y: HALF_H,
            opacity: windows[k]!.seen ? 1 : 0,
          })),
        )}
        ms={TICK_MS}
        at={at}
      >
        <path class="bt-byte" d={dots} style={{ fill: COLOUR[p.lane] }} />
      </Mark>
      <Mark
        class="bt-cover"
        r={cover / 2 + 1}
        poses={fewestPoses(windows.map(({ head }) => ({ x: along(head * length + DOT_R) + (dir * cover) / 2, y: HALF_H })))}
        ms={TICK_MS}
        at={at}
      >
        {coverShape}
      </Mark>
      <Mark
        class="bt-cover"
        r={cover / 2 + 1}
        poses={fewestPoses(windows.map(({ tail }) => ({ x: along(tail * length - DOT_R) - (dir * cover) / 2, y: HALF_H })))}
        ms={TICK_MS}
        at={at}
      >
        {coverShape}
      </Mark>
    </div>
  );
}

/** A request or the URL on its way: its front crosses the link over the phase, and it shows only during it. */
function Message({ p, y, moments, at }: { p: HopPhase; y: number; moments: readonly number[]; at: number }) {
  const [x1, x2] = ends(p.hop.from, p.hop.to);
  const poses = fewestPoses(
    moments.map((m) => {
      const done = phaseDone(p, m);
      // Outside its phase inTransit says [0, 0]: an arrived message would slide back to its sender as it fades.
      const front = done <= 0 ? 0 : done >= 1 ? 1 : inTransit(p, m)[1];
      return { x: lerp(x1, x2, front), y, opacity: done > 0 && done < 1 ? 1 : 0 };
    }),
  );
  return p.hop.what === 'url' ? (
    <Mark class="bt-url-mark" r={7} poses={poses} ms={TICK_MS} at={at}>
      <rect class="bt-url" x={-5} y={-5} width={10} height={10} style={{ fill: COLOUR[p.lane] }} />
    </Mark>
  ) : (
    <Mark class="bt-request-mark" r={7} poses={poses} ms={TICK_MS} at={at}>
      <circle class="bt-request" r={4.5} />
    </Mark>
  );
}

/** What moves in one route: the messages and the log's bytes on their links, one mark (or strip) per hop. */
function FlowMarks({ t, y, moments, at }: { t: Timeline; y: number; moments: readonly number[]; at: number }) {
  const mid = y + 22 + BOX_H / 2;
  return (
    <>
      {t.phases.map((p) => {
        if (!p.hop) return null;
        const hop: HopPhase = { ...p, hop: p.hop };
        return p.hop.what === 'log' ? <LogDots p={hop} y={mid} moments={moments} at={at} /> : <Message p={hop} y={mid} moments={moments} at={at} />;
      })}
    </>
  );
}

/**
 * The tick's move, for marks: rebuilt when a tick lands, not per display frame. The compositor plays the
 * frames in between, so the re-renders useProgress causes return the same elements and change nothing.
 */
function useTickMarks(sim: BytesSimulation, draw: (moments: readonly number[], at: number) => ComponentChildren): ComponentChildren {
  const t = useProgress(sim);
  const { before, model } = sim;
  // How far the move was when this component first saw it: marks that appear mid-move start there.
  const begun = useRef({ model, t });
  if (begun.current.model !== model) begun.current = { model, t };
  // What the caller draws depends only on the model (its scales change with the model), so the move is
  // rebuilt when the model changes, with the caller's latest drawing.
  const drawing = useRef(draw);
  drawing.current = draw;
  return useMemo(() => drawing.current(momentsOf(before, model), begun.current.t), [before, model]);
}

/** Each place's running byte count, at the tick's moment (ten times a second, not per display frame). */
function Counts({ t, y, at }: { t: Timeline; y: number; at: number }) {
  return (
    <g transform={`translate(0 ${y})`}>
      {PLACES.map((p) => (
        <text class="sim-chart-label bt-count" x={p.x} y={22 + BOX_H + 16} text-anchor="middle">
          {bytes(Math.round(bytesThrough(t, p.lane, at)))}
        </text>
      ))}
    </g>
  );
}

/** The flow's moving parts: this alone re-renders per display frame (to no effect), not the drawing under it. */
function FlowMoves({ sim }: { sim: BytesSimulation }) {
  return useTickMarks(sim, (moments, begun) => (
    <>
      <FlowMarks t={sim.model.db} y={0} moments={moments} at={begun} />
      <FlowMarks t={sim.model.url} y={FLOW_ROW} moments={moments} at={begun} />
    </>
  ));
}

/** The flow figure: boxes and links drawn once per model, counts and clock once per tick, and the moving parts as marks. */
function Flow({ sim, still }: { sim: BytesSimulation; still: ComponentChildren }) {
  const { db, url } = sim.model;
  const at = shownMs(sim.model);
  return (
    <div class="sim-overlaid bt-flow-wrap">
      <svg class="sim-chart bt-flow" viewBox={`0 0 ${W} ${FLOW_H}`} role="img" aria-label={flowLabel(db, url)}>
        {still}
        <Counts t={db} y={0} at={at} />
        <Counts t={url} y={FLOW_ROW} at={at} />
        <text class="sim-chart-label" x={W - RIGHT} y={14} text-anchor="end">
          {`${ms(at)} after the click`}
        </text>
      </svg>
      <Marks width={W} playing={sim.playing}>
        <FlowMoves sim={sim} />
      </Marks>
    </div>
  );
}

function flowLabel(db: Timeline, url: Timeline): string {
  return (
    `Bytes on their way. Log in the database: the log flows from the database through the app server to the browser, ${bytes(db.appBytes)} through the app. ` +
    `Presigned URL: the app answers with a URL of ${bytes(url.appBytes)}, and the log flows from object storage straight to the browser.`
  );
}

/** The replay's moment on the lanes' time axis: a mark the compositor moves along with the flow's. */
function Playhead({ sim, x, height }: { sim: BytesSimulation; x: (v: number) => number; height: number }) {
  const top = 4;
  const bottom = height - 22;
  const half = (bottom - top) / 2;
  return useTickMarks(sim, (moments, at) => (
    <Mark class="bt-playhead-mark" r={half + 2} poses={fewestPoses(moments.map((m) => ({ x: x(m), y: top + half })))} ms={TICK_MS} at={at}>
      <line class="bt-playhead" x1={0} x2={0} y1={-half} y2={half} />
    </Mark>
  ));
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
    tickMs: TICK_MS,
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
      <div class="sim-overlaid">
        <svg class="sim-chart bt-lanes" viewBox={`0 0 ${W} ${LANES_H}`} role="img" aria-label={status}>
          {still.lanes}
        </svg>
        <Marks width={W} playing={sim.playing}>
          <Playhead sim={sim} x={x} height={LANES_H} />
        </Marks>
      </div>
      {settled.readout}
      {still.tables}
    </SimFrame>
  );
}

export default island(BytesTimeline);

/**
 * The trust check: pick verify, cert and the server's situation; the handshake plays out message by
 * message (each one travelling between the lifelines, by itself once in view, or by Step) and stops
 * where requests really stops (the model is checked against requests 2.28).
 */
import {
  Controls,
  Mark,
  Marks,
  PlayControls,
  Select,
  SimFrame,
  enumParam,
  island,
  useForParams,
  useProgress,
  useSimulation,
  type Simulation,
  type StateOf,
} from '../kit/index.ts';
import { SERVERS, SITUATIONS } from '../engines/tls/servers.ts';
import { CERT_OPTIONS, TRUST_STORES, VERIFY_OPTIONS, trustCheck, type Step, type StepState, type TrustCheckResult } from './trustCheck.ts';
import { SIMULATION_DAY } from '../engines/tls/catalogue.ts';
import '../api-certificates-chain-of-trust/tls.css';

const schema = {
  verify: enumParam(VERIFY_OPTIONS, 'true'),
  cert: enumParam(CERT_OPTIONS, 'none'),
  server: enumParam(SITUATIONS, 'valid'),
};

const VERIFY_LABELS = { true: TRUST_STORES.true.label, false: 'verify=False', bundle: TRUST_STORES.bundle.label } as const;
const CERT_LABELS = { none: 'cert=None', client: "cert=('client.pem', 'client.key')", stranger: "cert=('other.pem', 'other.key'), from another CA" } as const;
/** A step or outcome playback has yet to reach: its place kept, itself unseen. */
const PENDING = { visibility: 'hidden' } as const;
/**
 * What a tick redraws (diagram, steps, outcome) sits on a layer of its own, so the tick repaints and
 * re-layers that part, not the whole article around it.
 */
const LAYER = { willChange: 'transform', contain: 'paint' } as const;
const MARK: Record<StepState, string> = { ok: '✓', fail: '✗', warn: '!', skipped: '–' };
const STATE_WORD: Record<StepState, string> = { ok: 'passed', fail: 'failed', warn: 'warning', skipped: 'skipped' };

const ROW_H = 46;
const TOP = 56;
const LEFT = 110;
const RIGHT = 530;
const rowY = (i: number) => TOP + i * ROW_H + 20;
/** One message or check per tick; a message takes the whole tick to cross. */
const TICK_MS = 900;

const isCheck = (s: Step) => s.actor === 'client' || s.actor === 'server';
/** Where a message leaves and arrives, and which way it goes. */
function ends(s: Step) {
  const x1 = s.actor === 'server-to-client' ? RIGHT : LEFT;
  const x2 = s.actor === 'server-to-client' ? LEFT : RIGHT;
  return { x1, x2, dir: x2 > x1 ? 1 : -1 };
}

/**
 * One row of the diagram. `arrived` false: the message is still on its way (its title and a faint track
 * are drawn; the message itself moves over the drawing, see Travelling), or the check is still running.
 */
function Row({ s, i, arrived }: { s: Step; i: number; arrived: boolean }) {
  const y = rowY(i);
  if (isCheck(s)) {
    // A check one side makes alone: a box on its own lifeline.
    const x = s.actor === 'client' ? LEFT : RIGHT;
    const anchor = s.actor === 'client' ? 'start' : 'end';
    return (
      <g>
        <rect class={`tls-${s.state}`} x={x - 9} y={y - 13} width={18} height={18} rx={3} />
        <text x={s.actor === 'client' ? x + 18 : x - 18} y={y + 1} text-anchor={anchor} class={`tls-${s.state}`} opacity={arrived ? 1 : 0.4}>
          {MARK[s.state]} {s.title}
        </text>
      </g>
    );
  }
  const { x1, x2, dir } = ends(s);
  return (
    <g>
      <text x={(LEFT + RIGHT) / 2} y={y - 8} text-anchor="middle" class={`tls-${s.state}`}>
        {MARK[s.state]} {s.title}
      </text>
      {arrived ? (
        <>
          <line class={`tls-${s.state}`} x1={x1} y1={y} x2={x2 - dir * 8} y2={y} stroke-dasharray={s.state === 'skipped' ? '5 5' : undefined} />
          <path class={`tls-${s.state}`} d={`M ${x2 - dir * 12} ${y - 6} L ${x2} ${y} L ${x2 - dir * 12} ${y + 6}`} />
        </>
      ) : (
        <line class="tls-skipped" x1={x1} y1={y} x2={x2} y2={y} stroke-dasharray="2 6" />
      )}
    </g>
  );
}

/** How far the newest row has moved: 1 unless this Step or tick revealed it (a change of settings draws the whole handshake at once). */
function useNewestProgress(sim: Simulation<typeof schema, Handshake>): number {
  const t = useProgress(sim);
  const { before, model } = sim;
  return before.result === model.result && before.shown !== model.shown ? t : 1;
}

/** The newest row in the drawing: re-rendered every frame while it moves, but its markup changes only when it arrives. */
function NewestRow({ sim, s, i }: { sim: Simulation<typeof schema, Handshake>; s: Step; i: number }) {
  return <Row s={s} i={i} arrived={useNewestProgress(sim) >= 1} />;
}

/** What moves over the drawing for the newest row: the message travelling, or a ring widening around a running check. */
function Travelling({ sim, s, i }: { sim: Simulation<typeof schema, Handshake>; s: Step; i: number }) {
  const t = useNewestProgress(sim);
  // A skipped step is a message nobody sends or a check nobody makes: nothing travels for it. Between
  // moves the mark rests (in the page, unseen), returned from here like the moving ones so it stays one element.
  if (t >= 1 || s.state === 'skipped') return <Mark resting class="tls-idle" r={9} />;
  const y = rowY(i);
  if (isCheck(s)) {
    const x = s.actor === 'client' ? LEFT : RIGHT;
    return (
      <Mark
        class="tls-ring"
        r={24}
        poses={[
          { x, y: y - 4, scale: 6 / 22 },
          { x, y: y - 4, scale: 1, opacity: 0 },
        ]}
        ms={TICK_MS}
        at={t}
      >
        <circle r={22} />
      </Mark>
    );
  }
  const { x1, x2, dir } = ends(s);
  return (
    <Mark
      class="tls-message"
      r={9}
      poses={[
        { x: x1 + dir * 12, y },
        { x: x2 - dir * 8, y },
      ]}
      ms={TICK_MS}
      at={t}
    >
      <rect x={-8} y={-6} width={16} height={12} rx={2} />
    </Mark>
  );
}

function Diagram({ sim }: { sim: Simulation<typeof schema, Handshake> }) {
  const { result, shown } = sim.model;
  const steps = result.steps;
  const h = TOP + steps.length * ROW_H + 12;
  const last = steps[shown - 1];
  const stopped = shown >= steps.length && last?.state === 'fail';
  return (
    <div class="sim-overlaid" style={LAYER}>
      <svg
        class="tls-diagram"
        viewBox={`0 0 640 ${h}`}
        role="img"
        aria-label={`Handshake diagram: ${steps
          .slice(0, shown)
          .map((s) => `${s.title}, ${STATE_WORD[s.state]}`)
          .join('; ')}${stopped ? '; the handshake stops here' : ''}`}
      >
        <rect class="tls-box" x={LEFT - 80} y={8} width={160} height={32} rx={6} />
        <text x={LEFT} y={29} text-anchor="middle">
          Python client
        </text>
        <rect class="tls-box" x={RIGHT - 80} y={8} width={160} height={32} rx={6} />
        <text x={RIGHT} y={29} text-anchor="middle">
          Server (localhost)
        </text>
        <line class="tls-lifeline" x1={LEFT} y1={40} x2={LEFT} y2={h - 6} />
        <line class="tls-lifeline" x1={RIGHT} y1={40} x2={RIGHT} y2={h - 6} />
        {steps.slice(0, shown - 1).map((s, i) => (
          <Row key={i} s={s} i={i} arrived />
        ))}
        {last && <NewestRow key={shown - 1} sim={sim} s={last} i={shown - 1} />}
        {stopped && (
          <g class="tls-stop">
            <line class="tls-fail" x1={LEFT - 60} y1={rowY(shown - 1) + 16} x2={RIGHT + 60} y2={rowY(shown - 1) + 16} stroke-dasharray="8 4" />
            <text class="tls-fail" x={(LEFT + RIGHT) / 2} y={rowY(shown - 1) + 32} text-anchor="middle">
              The handshake stops here
            </text>
          </g>
        )}
      </svg>
      <Marks width={640}>{last && <Travelling sim={sim} s={last} i={shown - 1} />}</Marks>
    </div>
  );
}

type Params = StateOf<typeof schema>;
const check = (p: Params) => trustCheck(p.verify, p.cert, p.server, { host: 'localhost', port: 443, now: SIMULATION_DAY });
const total = (p: Params) => check(p).steps.length;
/** The handshake for these settings with its first `shown` messages drawn. */
const handshake = (p: Params, shown: number): Handshake => ({ result: check(p), shown, held: 0 });
/** Playback rests this many ticks on the finished handshake (where it stopped) before replaying it. */
const HOLD_TICKS = 2;

interface Handshake {
  result: TrustCheckResult;
  /** Messages and checks drawn so far, from the first. */
  shown: number;
  /** Ticks playback has rested on the finished handshake. */
  held: number;
}

function TrustCheckView() {
  const sim = useSimulation('trust', schema, {
    title: 'The trust check: what requests does with verify and cert',
    // New settings show the whole handshake at once; Reset (and Play at the end) replays it from the first message.
    init: (p) => handshake(p, 1),
    change: (_, p) => handshake(p, total(p)),
    opening: (p) => handshake(p, total(p)),
    // Stepping past the end starts the handshake again from the first message.
    step: (h) => ({ ...h, shown: h.shown >= h.result.steps.length ? 1 : h.shown + 1, held: 0 }),
    // Playback loops: it rests on the outcome a while, then replays. No `finished`: the opening figure shows
    // the whole handshake, and a finished model would never start by itself.
    tick: (h) =>
      h.shown < h.result.steps.length ? { ...h, shown: h.shown + 1, held: 0 } : h.held < HOLD_TICKS ? { ...h, held: h.held + 1 } : { ...h, shown: 1, held: 0 },
    tickMs: TICK_MS,
  });
  const state = sim.params;
  const settings = useForParams(sim, () => (
    <Controls>
      <Select sim={sim} param="verify" label="verify" options={VERIFY_OPTIONS.map((v) => ({ value: v, label: VERIFY_LABELS[v] }))} />
      <Select sim={sim} param="cert" label="cert" options={CERT_OPTIONS.map((c) => ({ value: c, label: CERT_LABELS[c] }))} />
      <Select sim={sim} param="server" label="Server" options={SITUATIONS.map((s) => ({ value: s, label: SERVERS[s].label }))} />
    </Controls>
  ));
  const { result, shown: visible } = sim.model;
  const finished = visible >= result.steps.length;
  const o = result.outcome;
  const outcomeClass = o.kind === 'success' ? 'tls-ok' : o.kind === 'warning' ? 'tls-warn' : 'tls-fail';
  const headline =
    o.kind === 'success' ? 'Success: HTTP 200, verified.' : o.kind === 'warning' ? `HTTP 200 with ${o.warnings.join(', ')}` : `Raises ${o.exception}`;
  return (
    <SimFrame
      {...sim.frame}
      caption="A sequence diagram of one HTTPS request from Python to a server over TLS 1.3: whether the server asks for a client certificate (it asks before it sends its own), the certificates it sends, the client's chain check, the client's certificate if asked, the host name check, the server's check of that certificate, and the final outcome. Each outcome and message was produced by real requests 2.28 against local test servers."
      status={`${SERVERS[state.server].label}, ${VERIFY_LABELS[state.verify]}, ${CERT_LABELS[state.cert]}: ${headline}`}
    >
      {settings}
      <Controls>
        {/* At the end, Play and Step replay the handshake, so neither is disabled there. */}
        <PlayControls sim={sim} finished={false} />
      </Controls>
      <p class="tls-code">{result.code}</p>
      <Diagram sim={sim} />
      {/* While playing, the steps still to come and the outcome keep their place, hidden, so a tick changes
          what is drawn but not the figure's height: a taller figure would lay out, repaint and re-layer the
          whole page below it, a long task on a slow phone. Hidden by visibility, they are also out of the
          accessibility tree. */}
      <ol class="tls-steps" style={LAYER}>
        {result.steps.slice(0, sim.playing ? undefined : visible).map((s, i) => (
          <li key={i} class={`tls-${s.state}`} style={i < visible ? undefined : PENDING}>
            <span class="tls-step-title">
              {MARK[s.state]} {s.title}
            </span>{' '}
            <span style={{ color: 'var(--text)' }}>
              ({STATE_WORD[s.state]}): {s.detail}
            </span>
          </li>
        ))}
      </ol>
      {(finished || sim.playing) && (
        <div class={`tls-outcome ${outcomeClass}`} style={finished ? LAYER : { ...LAYER, ...PENDING }}>
          <p class="tls-badge">{headline}</p>
          {o.kind === 'error' && (
            <p>
              <code>
                {o.exception}: {o.message}
              </code>
            </p>
          )}
          {o.kind !== 'error' && o.warnings.length > 0 && <p>The response arrives, but nothing proved who sent it.</p>}
          {o.kind === 'error' && o.warnings.length > 0 && <p>The warning {o.warnings.join(', ')} was printed first.</p>}
        </div>
      )}
    </SimFrame>
  );
}

export default island(TrustCheckView);

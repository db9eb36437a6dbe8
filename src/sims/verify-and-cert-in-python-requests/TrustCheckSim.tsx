/**
 * The trust check: pick verify, cert and the server's situation; the handshake plays out message by
 * message (each one travelling between the lifelines, by itself once in view, or by Step) and stops
 * where requests really stops (the model is checked against requests 2.28).
 */
import { Controls, PlayControls, Select, SimFrame, enumParam, island, lerp, useProgress, useSimulation, type Simulation, type StateOf } from '../kit/index.ts';
import { SERVERS, SITUATIONS } from '../engines/tls/servers.ts';
import { CERT_OPTIONS, TRUST_STORES, VERIFY_OPTIONS, trustCheck, type Step, type StepState, type TrustCheckResult } from './trustCheck.ts';
import { SIMULATION_DAY } from '../engines/tls/catalogue.ts';
import '../engines/tls/tls.css';

const schema = {
  verify: enumParam(VERIFY_OPTIONS, 'true'),
  cert: enumParam(CERT_OPTIONS, 'none'),
  server: enumParam(SITUATIONS, 'valid'),
};

const VERIFY_LABELS = { true: TRUST_STORES.true.label, false: 'verify=False', bundle: TRUST_STORES.bundle.label } as const;
const CERT_LABELS = { none: 'cert=None', client: "cert=('client.pem', 'client.key')", stranger: "cert=('other.pem', 'other.key'), from another CA" } as const;
const MARK: Record<StepState, string> = { ok: '✓', fail: '✗', warn: '!', skipped: '–' };
const STATE_WORD: Record<StepState, string> = { ok: 'passed', fail: 'failed', warn: 'warning', skipped: 'skipped' };

const ROW_H = 46;
const TOP = 56;
const LEFT = 110;
const RIGHT = 530;
const rowY = (i: number) => TOP + i * ROW_H + 20;

/** One row of the diagram, drawn `t` (0..1) of the way: a message's arrow reaches across, a check's box fills in. */
function Row({ s, i, t }: { s: Step; i: number; t: number }) {
  const y = rowY(i);
  if (s.actor === 'client' || s.actor === 'server') {
    // A check one side makes alone: a box on its own lifeline; while it runs, a ring widens around it.
    const x = s.actor === 'client' ? LEFT : RIGHT;
    const anchor = s.actor === 'client' ? 'start' : 'end';
    return (
      <g>
        {t < 1 && <circle class="tls-skipped" cx={x} cy={y - 4} r={lerp(6, 22, t)} opacity={1 - t} />}
        <rect class={`tls-${s.state}`} x={x - 9} y={y - 13} width={18} height={18} rx={3} />
        <text x={s.actor === 'client' ? x + 18 : x - 18} y={y + 1} text-anchor={anchor} class={`tls-${s.state}`} opacity={lerp(0.3, 1, t)}>
          {MARK[s.state]} {s.title}
        </text>
      </g>
    );
  }
  const x1 = s.actor === 'server-to-client' ? RIGHT : LEFT;
  const x2 = s.actor === 'server-to-client' ? LEFT : RIGHT;
  const dir = x2 > x1 ? 1 : -1;
  // The message travels: the arrow's head is where the message is now.
  const head = lerp(x1 + dir * 12, x2, t);
  return (
    <g>
      <text x={(LEFT + RIGHT) / 2} y={y - 8} text-anchor="middle" class={`tls-${s.state}`}>
        {MARK[s.state]} {s.title}
      </text>
      <line class={`tls-${s.state}`} x1={x1} y1={y} x2={head - dir * 8} y2={y} stroke-dasharray={s.state === 'skipped' ? '5 5' : undefined} />
      <path class={`tls-${s.state}`} d={`M ${head - dir * 12} ${y - 6} L ${head} ${y} L ${head - dir * 12} ${y + 6}`} />
      {t < 1 && <rect class="tls-message" x={head - dir * 12 - 8} y={y - 6} width={16} height={12} rx={2} />}
    </g>
  );
}

/** The newest row, the only part redrawn at the display's rate while it moves. */
function NewestRow({ sim, s, i }: { sim: Simulation<typeof schema, Handshake>; s: Step; i: number }) {
  const t = useProgress(sim);
  const { before, model } = sim;
  // It moves only when this Step or tick revealed it; a change of settings draws the whole handshake at once.
  const moving = before.result === model.result && before.shown !== model.shown;
  return <Row s={s} i={i} t={moving ? t : 1} />;
}

function Diagram({ sim }: { sim: Simulation<typeof schema, Handshake> }) {
  const { result, shown } = sim.model;
  const steps = result.steps;
  const h = TOP + steps.length * ROW_H + 12;
  const last = steps[shown - 1];
  const stopped = shown >= steps.length && last?.state === 'fail';
  return (
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
        <Row key={i} s={s} i={i} t={1} />
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
    tickMs: 900,
  });
  const state = sim.params;
  const { result, shown: visible } = sim.model;
  const finished = visible >= result.steps.length;
  const o = result.outcome;
  const outcomeClass = o.kind === 'success' ? 'tls-ok' : o.kind === 'warning' ? 'tls-warn' : 'tls-fail';
  const headline =
    o.kind === 'success' ? 'Success: HTTP 200, verified.' : o.kind === 'warning' ? `HTTP 200 with ${o.warnings.join(', ')}` : `Raises ${o.exception}`;
  return (
    <SimFrame
      {...sim.frame}
      caption="A sequence diagram of one HTTPS request from Python to a server: the certificates the server sends, the client's chain and host name checks, the client certificate when the server asks for one, and the final outcome. Each outcome and message was produced by real requests 2.28 against local test servers."
      status={`${SERVERS[state.server].label}, ${VERIFY_LABELS[state.verify]}, ${CERT_LABELS[state.cert]}: ${headline}`}
    >
      <Controls>
        <Select sim={sim} param="verify" label="verify" options={VERIFY_OPTIONS.map((v) => ({ value: v, label: VERIFY_LABELS[v] }))} />
        <Select sim={sim} param="cert" label="cert" options={CERT_OPTIONS.map((c) => ({ value: c, label: CERT_LABELS[c] }))} />
        <Select sim={sim} param="server" label="Server" options={SITUATIONS.map((s) => ({ value: s, label: SERVERS[s].label }))} />
      </Controls>
      <Controls>
        {/* At the end, Play and Step replay the handshake, so neither is disabled there. */}
        <PlayControls sim={sim} finished={false} />
      </Controls>
      <p class="tls-code">{result.code}</p>
      <Diagram sim={sim} />
      <ol class="tls-steps">
        {result.steps.slice(0, visible).map((s, i) => (
          <li key={i} class={`tls-${s.state}`}>
            <span class="tls-step-title">
              {MARK[s.state]} {s.title}
            </span>{' '}
            <span style={{ color: 'var(--text)' }}>
              ({STATE_WORD[s.state]}): {s.detail}
            </span>
          </li>
        ))}
      </ol>
      {finished && (
        <div class={`tls-outcome ${outcomeClass}`}>
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

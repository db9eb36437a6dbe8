/**
 * The trust check: pick verify, cert and the server's situation; the handshake plays out step by
 * step and ends in what requests really does (the model is checked against requests 2.28).
 */
import { Controls, PlayControls, Select, SimFrame, enumParam, island, useSimulation, type StateOf } from '../kit/index.ts';
import { SERVERS, SITUATIONS } from '../engines/tls/servers.ts';
import { CERT_OPTIONS, TRUST_STORES, VERIFY_OPTIONS, trustCheck, type Step, type StepState } from './trustCheck.ts';
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

function Diagram({ steps, shown }: { steps: Step[]; shown: number }) {
  const rowH = 46;
  const top = 56;
  const h = top + steps.length * rowH + 12;
  const left = 110;
  const right = 530;
  return (
    <svg class="tls-diagram" viewBox={`0 0 640 ${h}`} role="img" aria-label={`Handshake diagram: ${steps.slice(0, shown).map((s) => `${s.title}, ${STATE_WORD[s.state]}`).join('; ')}`}>
      <rect class="tls-box" x={left - 80} y={8} width={160} height={32} rx={6} />
      <text x={left} y={29} text-anchor="middle">Python client</text>
      <rect class="tls-box" x={right - 80} y={8} width={160} height={32} rx={6} />
      <text x={right} y={29} text-anchor="middle">Server (localhost)</text>
      <line class="tls-lifeline" x1={left} y1={40} x2={left} y2={h - 6} />
      <line class="tls-lifeline" x1={right} y1={40} x2={right} y2={h - 6} />
      {steps.map((s, i) => {
        if (i >= shown) return null;
        const y = top + i * rowH + 20;
        if (s.actor === 'client' || s.actor === 'server') {
          // A check one side makes alone: a box on its own lifeline.
          const x = s.actor === 'client' ? left : right;
          const anchor = s.actor === 'client' ? 'start' : 'end';
          return (
            <g key={i}>
              <rect class={`tls-${s.state}`} x={x - 9} y={y - 13} width={18} height={18} rx={3} />
              <text x={s.actor === 'client' ? x + 18 : x - 18} y={y + 1} text-anchor={anchor} class={`tls-${s.state}`}>
                {MARK[s.state]} {s.title}
              </text>
            </g>
          );
        }
        const x1 = s.actor === 'server-to-client' ? right : left;
        const x2 = s.actor === 'server-to-client' ? left : right;
        const dir = x2 > x1 ? 1 : -1;
        return (
          <g key={i}>
            <text x={(left + right) / 2} y={y - 8} text-anchor="middle" class={`tls-${s.state}`}>
              {MARK[s.state]} {s.title}
            </text>
            <line class={`tls-${s.state}`} x1={x1} y1={y} x2={x2 - dir * 8} y2={y} stroke-dasharray={s.state === 'skipped' ? '5 5' : undefined} />
            <path class={`tls-${s.state}`} d={`M ${x2 - dir * 12} ${y - 6} L ${x2} ${y} L ${x2 - dir * 12} ${y + 6}`} />
          </g>
        );
      })}
    </svg>
  );
}

type Params = StateOf<typeof schema>;
const check = (p: Params) => trustCheck(p.verify, p.cert, p.server, { host: 'localhost', port: 443, now: SIMULATION_DAY });
const total = (p: Params) => check(p).steps.length;
/** The handshake for these settings with its first `shown` messages drawn. */
const handshake = (p: Params, shown: number) => ({ result: check(p), shown });

function TrustCheckView() {
  const sim = useSimulation('trust', schema, {
    title: 'The trust check: what requests does with verify and cert',
    // New settings show the whole handshake at once; Reset (and Play at the end) replays it from the first message.
    init: (p) => handshake(p, 1),
    change: (_, p) => handshake(p, total(p)),
    opening: (p) => handshake(p, total(p)),
    // Stepping past the end starts the handshake again from the first message.
    step: (h) => ({ ...h, shown: h.shown >= h.result.steps.length ? 1 : h.shown + 1 }),
    finished: (h) => h.shown >= h.result.steps.length,
    tickMs: 900,
  });
  const state = sim.params;
  const { result, shown: visible } = sim.model;
  const finished = sim.finished;
  const o = result.outcome;
  const outcomeClass = o.kind === 'success' ? 'tls-ok' : o.kind === 'warning' ? 'tls-warn' : 'tls-fail';
  const headline = o.kind === 'success' ? 'Success: HTTP 200, verified.' : o.kind === 'warning' ? `HTTP 200 with ${o.warnings.join(', ')}` : `Raises ${o.exception}`;
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
      <Diagram steps={result.steps} shown={visible} />
      <ol class="tls-steps">
        {result.steps.slice(0, visible).map((s, i) => (
          <li key={i} class={`tls-${s.state}`}>
            <span class="tls-step-title">{MARK[s.state]} {s.title}</span> <span style={{ color: 'var(--text)' }}>({STATE_WORD[s.state]}): {s.detail}</span>
          </li>
        ))}
      </ol>
      {finished && (
        <div class={`tls-outcome ${outcomeClass}`}>
          <p class="tls-badge">{headline}</p>
          {o.kind === 'error' && <p><code>{o.exception}: {o.message}</code></p>}
          {o.kind !== 'error' && o.warnings.length > 0 && <p>The response arrives, but nothing proved who sent it.</p>}
          {o.kind === 'error' && o.warnings.length > 0 && <p>The warning {o.warnings.join(', ')} was printed first.</p>}
        </div>
      )}
    </SimFrame>
  );
}

export default island(TrustCheckView);

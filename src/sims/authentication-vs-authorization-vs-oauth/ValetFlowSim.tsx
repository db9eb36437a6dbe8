import {
  island,
  Button,
  Controls,
  enumParam,
  intParam,
  Mark,
  Marks,
  PlayControls,
  Select,
  SimFrame,
  Stack,
  useProgress,
  useSimulation,
  type Simulation,
} from '../kit/index.ts';
import { codeChallengeFor, createCodeVerifier } from './samples/pkce.ts';
import {
  EXAMPLE_ENDPOINTS,
  flowLength,
  flowSteps,
  LONGEST_FLOW,
  TAMPER_LABELS,
  TAMPERS,
  type FlowValues,
  type HttpRequest,
  type HttpResponse,
  type Party,
  type Step,
  type Tamper,
} from './valetFlow.ts';
import { OPENING_VALUES as INITIAL } from './openingValues.ts';
import './auth.css';

const schema = { tamper: enumParam<Tamper>(TAMPERS, 'none'), step: intParam(1, LONGEST_FLOW, 1) };

const LANES: Record<Party, { x: number; label: string }> = {
  browser: { x: 75, label: 'Browser' },
  client: { x: 225, label: 'Photo printer' },
  server: { x: 385, label: 'Authorization server' },
  api: { x: 535, label: 'Photo API' },
};

const REASON: Record<number, string> = { 200: 'OK', 303: 'See Other', 400: 'Bad Request', 403: 'Forbidden' };

function requestText(r: HttpRequest): string {
  const url = new URL(r.url);
  // URL percent-encodes the path; the model's placeholder (…) is shown as written, as in shortLabel.
  const lines = [`${r.method} ${url.origin}${decodeURI(url.pathname)}${url.search ? '?' : ''}`];
  for (const [k, v] of url.searchParams) lines.push(`    ${k}=${v}`);
  for (const [k, v] of Object.entries(r.headers)) lines.push(`${k}: ${v}`);
  if (r.form) {
    lines.push('');
    for (const [k, v] of Object.entries(r.form)) lines.push(`${k}=${v}`);
  }
  return lines.join('\n');
}

function responseText(r: HttpResponse): string {
  const lines = [`HTTP/1.1 ${r.status} ${REASON[r.status] ?? ''}`];
  for (const [k, v] of Object.entries(r.headers)) lines.push(`${k}: ${v}`);
  if (r.json) lines.push('', JSON.stringify(r.json, null, 2));
  if (r.errorVia === 'page') lines.push('', `(an error page: ${r.error})`);
  return lines.join('\n');
}

function shortLabel(step: Step): string {
  const path = decodeURI(new URL(step.request.url).pathname).replace(/^\/api/, '');
  const outcome = step.response.error ? `${step.response.status} ${step.response.error}` : String(step.response.status);
  return `${step.request.method} ${path} → ${outcome}`;
}

/**
 * What travels on the current arrow: the request goes from sender to receiver in the first half of
 * the move, the response comes back in the second (red when it carries an error).
 */
function Traveller({ sim, step, y }: { sim: Simulation<typeof schema, Flow>; step: Step; y: number }) {
  const t = useProgress(sim);
  // The token travels when the flow reaches another step, or starts over after resting on its last (a
  // one-request flow replays the same step); a new verifier redraws in place. Between moves the mark rests
  // (in the page, unseen), returned from here like the moving one so it stays one element.
  const travels = sim.before.at !== sim.model.at || sim.before.held > sim.model.held;
  if (t >= 1 || !travels)
    return (
      <Mark resting class="auth-token" r={8}>
        <circle r={7} />
      </Mark>
    );
  const from = LANES[step.from].x;
  const to = LANES[step.to].x;
  // One mark with new poses at the turn (request out, response back), so the colour changes once rather than each frame.
  const going = t < 0.5;
  const cls = going ? 'auth-token' : step.response.error ? 'auth-token auth-token-bad' : 'auth-token auth-token-back';
  const path = going ? [from, to] : [to, from];
  return (
    <Mark class={cls} r={8} poses={path.map((x) => ({ x, y }))} ms={TICK_MS / 2} at={going ? t * 2 : t * 2 - 1}>
      <circle r={7} />
    </Mark>
  );
}

function SequenceDiagram({ steps, current, sim }: { steps: Step[]; current: number; sim: Simulation<typeof schema, Flow> }) {
  const height = 70 + steps.length * 44;
  const failed = steps.at(-1)?.response.error !== undefined;
  const summary = steps.map((s, i) => `${i + 1}. ${LANES[s.from].label} to ${LANES[s.to].label}: ${shortLabel(s)}`).join('; ');
  return (
    <div class="sim-overlaid">
      <svg class="auth-diagram" viewBox={`0 0 610 ${height}`} role="img" aria-label={`Sequence of requests: ${summary}.`}>
        <defs>
          <marker id="valet-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" class="auth-arrowhead" />
          </marker>
        </defs>
        {Object.values(LANES).map((lane) => (
          <g key={lane.label}>
            <text x={lane.x} y="24" text-anchor="middle" class="auth-label">
              {lane.label}
            </text>
            <line x1={lane.x} y1="34" x2={lane.x} y2={height - 8} class="auth-lane" />
          </g>
        ))}
        {steps.map((step, i) => {
          const y = 64 + i * 44;
          const from = LANES[step.from].x;
          const to = LANES[step.to].x;
          const isFail = failed && i === steps.length - 1;
          const cls = isFail ? 'auth-arrow-failed' : i === current ? 'auth-arrow-current' : 'auth-arrow';
          return (
            <g key={step.id}>
              <line x1={from} y1={y} x2={to - Math.sign(to - from) * 6} y2={y} class={cls} marker-end="url(#valet-arrowhead)" />
              <text x={(from + to) / 2} y={y - 7} text-anchor="middle" class={i === current ? 'auth-label' : 'auth-sub'}>
                {`${i + 1}. ${shortLabel(step)}`}
              </text>
            </g>
          );
        })}
      </svg>
      <Marks width={610}>{steps[current] && <Traveller sim={sim} step={steps[current]} y={64 + current * 44} />}</Marks>
    </div>
  );
}

/** The PKCE values the flow uses, whether new ones were asked for, and where the flow is. */
interface Flow {
  values: FlowValues;
  renew: boolean;
  /** The current step, from 1 to the flow's length. */
  at: number;
  /** Ticks playback has rested on the last step. */
  held: number;
}

/** Playback rests this many ticks on the last step (the refusal, or the photos) before replaying. */
const HOLD_TICKS = 2;
/** One request and its response per tick. */
const TICK_MS = 1600;

function ValetFlowView() {
  const sim = useSimulation('valet', schema, {
    title: 'The valet key: authorization code flow with PKCE',
    // Reset starts the flow over at its first request; a link or the step buttons go through `change`.
    init: (): Flow => ({ values: INITIAL, renew: false, at: 1, held: 0 }),
    // Tampering with something else is another flow, seen from its first request (unless the same change
    // names a step, as a shared link does); `sync` then brings the step parameter along.
    change: (m, p, before) => ({ ...m, at: p.tamper !== before.tamper && p.step === before.step ? 1 : Math.min(p.step, flowLength(p.tamper)), held: 0 }),
    // Step goes on to the next request (after the last, back to the first); playback rests on the last a while.
    step: (m, p) => ({ ...m, at: m.at >= flowLength(p.tamper) ? 1 : m.at + 1, held: 0 }),
    tick: (m, p) =>
      m.at < flowLength(p.tamper) ? { ...m, at: m.at + 1, held: 0 } : m.held < HOLD_TICKS ? { ...m, held: m.held + 1 } : { ...m, at: 1, held: 0 },
    sync: (m) => ({ step: m.at }),
    tickMs: TICK_MS,
    // A new verifier's challenge is computed with WebCrypto, so it arrives later; the newest wins.
    load: (m) => {
      if (!m.renew) return undefined;
      const verifier = createCodeVerifier();
      const state = createCodeVerifier().slice(0, 8);
      return codeChallengeFor(verifier).then((challenge) => (p: Flow) => ({ ...p, values: { ...p.values, verifier, challenge, state }, renew: false }));
    },
  });
  const state = sim.params;
  const { values } = sim.model;
  const steps = flowSteps(EXAMPLE_ENDPOINTS, values, state.tamper);
  const index = Math.min(sim.model.at, steps.length) - 1;
  const step = steps[index] ?? steps[0]!;
  const last = steps.at(-1)!;
  const outcome = last.response.error ? `refused at step ${steps.length}: ${last.response.error}` : `the printer gets the photos`;

  const regenerate = () => sim.act((m) => ({ ...m, renew: true }));

  return (
    <SimFrame
      {...sim.frame}
      // While it plays, one announcement rather than one per request: the live region would otherwise talk every tick.
      status={
        sim.playing
          ? `The flow is playing, ${steps.length} ${steps.length === 1 ? 'request' : 'requests'}: ${outcome}. Pause to read each step.`
          : `Step ${index + 1} of ${steps.length}: ${step.title}. ${shortLabel(step)}.`
      }
      caption={`The requests between the browser, the photo printer, the authorization server and the photo API ${state.tamper === 'none' ? 'in the honest flow' : 'with the tampering chosen above'}: ${outcome}. The PKCE values are computed in your browser with WebCrypto; the error codes are those real servers (oidc-provider and the article's API) returned for the same requests.`}
    >
      <Controls>
        <Select sim={sim} param="tamper" label="Tamper with" options={TAMPERS.map((t) => ({ value: t, label: TAMPER_LABELS[t] }))} />
        <Button onClick={() => sim.set({ step: index })} disabled={index === 0}>
          Previous step
        </Button>
        <Button onClick={() => sim.set({ step: index + 2 })} disabled={index >= steps.length - 1}>
          Next step
        </Button>
        <Button onClick={regenerate}>New code_verifier</Button>
      </Controls>
      <Controls>
        <PlayControls sim={sim} finished={false} />
      </Controls>
      <dl class="auth-fields">
        <dt>code_verifier</dt>
        <dd>{values.verifier}</dd>
        <dt>code_challenge (S256)</dt>
        <dd>{values.challenge}</dd>
        <dt>state</dt>
        <dd>{values.state}</dd>
      </dl>
      <SequenceDiagram steps={steps} current={index} sim={sim} />
      {/* Every step's panel is in the page and a step only changes which one is seen (see Stack). */}
      <Stack
        class="auth-steps"
        items={steps}
        shown={index}
        render={(each, i, shown) => <StepPanel step={each} index={i} count={steps.length} shown={shown} />}
      />
    </SimFrame>
  );
}

/** One step's request, response and note; only the shown panel's heading is the step's title. */
function StepPanel({ step, index, count, shown }: { step: Step; index: number; count: number; shown: boolean }) {
  return (
    <>
      <p class={shown ? 'auth-step-heading auth-step-title' : 'auth-step-heading'}>{`Step ${index + 1} of ${count}: ${step.title}`}</p>
      <div class="auth-columns">
        <div>
          <p class="auth-caption">{`Request (${step.from === 'client' ? 'photo printer' : step.from} → ${step.to === 'server' ? 'authorization server' : step.to === 'api' ? 'photo API' : step.to})`}</p>
          <div class="auth-http">{requestText(step.request)}</div>
        </div>
        <div>
          <p class="auth-caption">Response</p>
          <div class="auth-http">{responseText(step.response)}</div>
        </div>
      </div>
      <p class={step.response.error ? 'auth-bad' : undefined}>{step.note}</p>
    </>
  );
}

export default island(ValetFlowView);

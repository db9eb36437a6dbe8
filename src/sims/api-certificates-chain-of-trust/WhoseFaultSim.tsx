/**
 * "Whose fault is it?": an `openssl s_client` transcript and the client's error message go in, a
 * short decision flow comes out, ending at the side that has to fix it. The samples are real
 * transcripts captured from the test servers (shortened: PEM bodies and session tickets removed).
 */
import { Controls, Select, SimFrame, enumParam, island, localParam, useHydrated, useSimulation } from '../kit/index.ts';
import { CAPTURES } from './whoseFaultCaptures.ts';
import { MAX_TRANSCRIPT_CHARS, whoseFault, type Side } from './whoseFault.ts';
import valid from '../engines/tls/fixtures/s_client/short/valid.txt?raw';
import validPython from '../engines/tls/fixtures/s_client/short/valid-python-bundle.txt?raw';
import missing from '../engines/tls/fixtures/s_client/short/missing-intermediate.txt?raw';
import expired from '../engines/tls/fixtures/s_client/short/expired.txt?raw';
import expiredRoot from '../engines/tls/fixtures/s_client/short/expired-root-in-store.txt?raw';
import mitm from '../engines/tls/fixtures/s_client/short/mitm.txt?raw';
import clientCert from '../engines/tls/fixtures/s_client/short/client-cert-required.txt?raw';
import clientRejected from '../engines/tls/fixtures/s_client/short/client-cert-rejected.txt?raw';
import wrongHost from '../engines/tls/fixtures/s_client/short/wrong-host-python.txt?raw';
import './tls.css';

const SAMPLES = {
  'missing-intermediate': { label: 'Works in the browser, fails in Python', text: missing },
  expired: { label: 'Expired certificate', text: expired },
  'expired-root-in-store': { label: "Expired root in the client's store", text: expiredRoot },
  'valid-python-bundle': { label: 'openssl is happy, Python is not', text: validPython },
  'wrong-host-python': { label: 'Host name mismatch', text: wrongHost },
  'client-cert-required': { label: 'Server wants a client certificate', text: clientCert },
  'client-cert-rejected': { label: 'Server rejects the client certificate', text: clientRejected },
  mitm: { label: 'Unknown root in the chain', text: mitm },
  valid: { label: 'Everything fine', text: valid },
} as const;
type SampleId = keyof typeof SAMPLES;
const SAMPLE_IDS = Object.keys(SAMPLES) as SampleId[];
/** `transcript` and `error`: what the reader pasted (null: the sample's own), never in a link. */
const schema = { sample: enumParam(SAMPLE_IDS, 'missing-intermediate'), transcript: localParam<string | null>(null), error: localParam<string | null>(null) };
const SIDE_WORD: Record<Side, string> = {
  server: 'The server side must fix it',
  client: 'The client side must fix it',
  network: 'The network (or whoever sits on it)',
  nobody: 'Nobody: TLS is fine',
  unknown: 'Undecided',
};
const SIDE_CLASS: Record<Side, string> = { server: 'tls-fail', client: 'tls-warn', network: 'tls-fail', nobody: 'tls-ok', unknown: 'tls-skipped' };

function errorFor(sample: SampleId): string {
  return CAPTURES.find((c) => c.name === sample)?.pythonError ?? '';
}

function Flow({ steps, conclusion }: { steps: { question: string; answer: string }[]; conclusion: string }) {
  const rowH = 64;
  const h = steps.length * rowH + 56;
  const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  return (
    <svg
      class="tls-diagram"
      viewBox={`0 0 640 ${h}`}
      role="img"
      aria-label={`Decision flow: ${steps.map((s) => `${s.question} ${s.answer}`).join(' ')} Conclusion: ${conclusion}`}
    >
      {steps.map((s, i) => {
        const y = 8 + i * rowH;
        return (
          <g key={i}>
            <rect class="tls-box" x={20} y={y} width={600} height={46} rx={8} />
            <text x={36} y={y + 19}>
              {clip(s.question, 80)}
            </text>
            <text x={36} y={y + 37} class="tls-muted">
              {clip(s.answer, 84)}
            </text>
            <path class="tls-skipped" d={`M 320 ${y + 48} L 320 ${y + rowH - 2} M 314 ${y + rowH - 9} L 320 ${y + rowH - 2} L 326 ${y + rowH - 9}`} />
          </g>
        );
      })}
      <text x={320} y={steps.length * rowH + 32} text-anchor="middle" class="tls-badge">
        {clip(conclusion, 80)}
      </text>
    </svg>
  );
}

/** The texts read (the reader's own where they typed, else the sample's) and the answer they lead to. */
function diagnosed(sample: SampleId, pasted: { transcript: string | null; error: string | null }) {
  const transcript = pasted.transcript ?? SAMPLES[sample].text;
  const error = pasted.error ?? errorFor(sample);
  return { transcript, error, pasted, answer: whoseFault(transcript, error) };
}

function WhoseFaultView() {
  const sim = useSimulation('fault', schema, {
    title: 'Whose fault is it?',
    init: (p) => diagnosed(p.sample, p),
    // Another sample replaces what the reader typed; `sync` then clears the typed texts.
    change: (_, p, before) => diagnosed(p.sample, p.sample === before.sample ? p : { transcript: null, error: null }),
    sync: (m) => m.pasted,
  });
  const hydrated = useHydrated();
  const { transcript: t, error: e, answer } = sim.model;
  return (
    <SimFrame
      {...sim.frame}
      caption="Paste the output of openssl s_client and the error your client printed; a few questions, answered from the text, lead to the side that has to act. The samples are real s_client transcripts from local test servers, shortened."
      status={`${SIDE_WORD[answer.side]}: ${answer.title}`}
    >
      <Controls>
        <Select sim={sim} param="sample" label="Sample" options={SAMPLE_IDS.map((id) => ({ value: id, label: SAMPLES[id].label }))} />
      </Controls>
      <div class="tls-field">
        <label for="fault-sclient">openssl s_client output</label>
        <textarea
          id="fault-sclient"
          class="tls-input"
          rows={8}
          spellcheck={false}
          maxLength={MAX_TRANSCRIPT_CHARS}
          value={t}
          disabled={!hydrated}
          onInput={(ev) => sim.set({ transcript: ev.currentTarget.value })}
        />
      </div>
      <div class="tls-field">
        <label for="fault-error">The client's error message (may be empty)</label>
        <textarea
          id="fault-error"
          class="tls-input"
          rows={3}
          spellcheck={false}
          maxLength={20_000}
          value={e}
          disabled={!hydrated}
          onInput={(ev) => sim.set({ error: ev.currentTarget.value })}
        />
      </div>
      <Flow steps={answer.steps} conclusion={SIDE_WORD[answer.side]} />
      <div class={`tls-outcome ${SIDE_CLASS[answer.side]}`}>
        <p class="tls-side">{SIDE_WORD[answer.side]}</p>
        <p>
          <strong>{answer.title}.</strong> {answer.fix}
        </p>
      </div>
    </SimFrame>
  );
}

export default island(WhoseFaultView);

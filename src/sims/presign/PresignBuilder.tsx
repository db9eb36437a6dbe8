/**
 * The presigned URL builder: SigV4 computed in the reader's browser with WebCrypto, every step shown.
 * Only the non-secret fields go into the URL hash; the keys stay in component state and nothing is
 * sent anywhere.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { Controls, Select, SimFrame, enumParam, intParam, textParam, useHydrated, useReportError, useSimState, type StateOf } from '../kit/index.ts';
import { MAX_EXPIRES_SECONDS, presign, presignProblem, type PresignInput, type PresignSteps } from './sigv4.ts';
import './presign.css';

const schema = {
  method: enumParam(['GET', 'PUT'] as const, 'GET'),
  bucket: textParam(63, 'examplebucket', /^[a-z0-9.-]*$/),
  key: textParam(200, 'test.txt'),
  region: textParam(20, 'us-east-1', /^[a-z0-9-]*$/),
  expires: intParam(1, MAX_EXPIRES_SECONDS, 86400),
  endpoint: enumParam(['global', 'regional'] as const, 'global'),
  clock: enumParam(['docs', 'now'] as const, 'docs'),
  type: textParam(100, '', /^[\w.+/=; -]*$/),
};
type State = StateOf<typeof schema>;

/** The credentials of the AWS documentation's examples: they sign nothing real. */
export const DEMO_ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
export const DEMO_SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const DOCS_TIME = new Date('2013-05-24T00:00:00Z');

export function presignInput(state: State, accessKeyId: string, secretAccessKey: string, now: Date): PresignInput {
  return {
    method: state.method,
    bucket: state.bucket,
    key: state.key,
    region: state.region,
    accessKeyId,
    secretAccessKey,
    expiresIn: state.expires,
    now: state.clock === 'docs' ? DOCS_TIME : now,
    ...(state.endpoint === 'global' ? { endpoint: { protocol: 'https:', host: `${state.bucket}.s3.amazonaws.com`, pathStyle: false } } : {}),
    ...(state.method === 'PUT' && state.type ? { contentType: state.type } : {}),
  };
}

/** The steps for the default state, computed at build time so that the static page shows them. */
export async function defaultSteps(): Promise<PresignSteps> {
  const state = Object.fromEntries(Object.entries(schema).map(([k, p]) => [k, p.default])) as State;
  return presign(presignInput(state, DEMO_ACCESS_KEY, DEMO_SECRET_KEY, DOCS_TIME));
}

function Field({ label, value, onInput, hint, spellcheck = false, mono = false }: { label: string; value: string; onInput(v: string): void; hint?: string; spellcheck?: boolean; mono?: boolean }) {
  const id = useId();
  const hydrated = useHydrated();
  return (
    <div class="sim-control ps-field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        disabled={!hydrated}
        autoComplete="off"
        spellcheck={spellcheck}
        class={mono ? 'ps-mono' : undefined}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {hint && <span id={`${id}-hint`} class="sim-note">{hint}</span>}
    </div>
  );
}

function Step({ n, title, text, note }: { n: number; title: string; text: string; note: string }) {
  return (
    <section class="ps-step" aria-label={`Step ${n}: ${title}`}>
      <p class="ps-step-title">{n}. {title}</p>
      <p class="sim-note">{note}</p>
      <pre class="ps-pre" tabIndex={0}>{text}</pre>
    </section>
  );
}

export default function PresignBuilder({ initial }: { initial?: PresignSteps }) {
  const [state, update] = useSimState('presign', schema);
  const [accessKeyId, setAccessKeyId] = useState(DEMO_ACCESS_KEY);
  const [secret, setSecret] = useState(DEMO_SECRET_KEY);
  const [steps, setSteps] = useState<PresignSteps | null>(initial ?? null);
  const [problem, setProblem] = useState<string | null>(null);
  const report = useReportError();
  const latest = useRef(0);
  const hydrated = useHydrated();
  const demo = accessKeyId === DEMO_ACCESS_KEY && secret === DEMO_SECRET_KEY;
  // The expiry field keeps what the reader typed; only a valid number reaches the state.
  const [expiresText, setExpiresText] = useState(String(state.expires));
  useEffect(() => setExpiresText(String(state.expires)), [state.expires]);
  const expiresValid = /^\d+$/.test(expiresText.trim()) && Number(expiresText) >= 1 && Number(expiresText) <= MAX_EXPIRES_SECONDS;

  useEffect(() => {
    const input = presignInput(state, accessKeyId, secret, new Date());
    const why = expiresValid ? presignProblem(input) : 'Expiry is a whole number of seconds from 1 to 604800 (7 days).';
    setProblem(why);
    if (why) return;
    const ticket = ++latest.current;
    presign(input).then((result) => {
      // Typing fast starts several signings; only the last one may show.
      if (ticket === latest.current) setSteps(result);
    }, report);
  }, [state.method, state.bucket, state.key, state.region, state.expires, state.endpoint, state.clock, state.type, accessKeyId, secret, expiresValid]);

  const matchesDocs = steps?.signature === 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
  const status = problem ?? (steps ? `Signature ${steps.signature.slice(0, 16)}…${matchesDocs ? ', the one in the AWS documentation' : ''}.` : '');

  return (
    <SimFrame
      id="presign"
      title="Presigned URL builder (Signature Version 4)"
      status={status}
      share={{ schema, state }}
      caption={
        <>
          Every step of signing an S3 request with Signature Version 4, computed in this page with your browser's WebCrypto.
          The starting values are the example of the AWS documentation, and step 5 shows the signature it publishes. Shared
          links carry the bucket, key and options, never the keys.
        </>
      }
    >
      <p class="ps-warning" role="note">
        <strong>Demo credentials only.</strong> Never paste a real secret access key into any web page, this one included.
        This builder runs entirely in your browser and sends nothing anywhere, but a real key belongs in your secrets
        manager, not in a form. The keys filled in are AWS's published examples and sign nothing real.
      </p>
      <Controls>
        <Select label="Method" value={state.method} options={[{ value: 'GET', label: 'GET (download)' }, { value: 'PUT', label: 'PUT (upload)' }]} onChange={(method) => update({ method })} />
        <Select
          label="Endpoint"
          value={state.endpoint}
          options={[
            { value: 'global', label: 'bucket.s3.amazonaws.com (AWS example)' },
            { value: 'regional', label: 'bucket.s3.<region>.amazonaws.com' },
          ]}
          onChange={(endpoint) => update({ endpoint })}
        />
        <Select
          label="Signing time"
          value={state.clock}
          options={[
            { value: 'docs', label: '2013-05-24 (AWS example)' },
            { value: 'now', label: 'now' },
          ]}
          onChange={(clock) => update({ clock })}
        />
      </Controls>
      <div class="ps-fields">
        <Field label="Bucket" value={state.bucket} onInput={(bucket) => update({ bucket })} />
        <Field label="Object key" value={state.key} onInput={(key) => update({ key })} spellcheck={false} />
        <Field label="Region" value={state.region} onInput={(region) => update({ region })} />
        <Field
          label="Expires in (seconds)"
          value={expiresText}
          hint="1 to 604800 (7 days)"
          onInput={(v) => {
            setExpiresText(v);
            const n = Number(v);
            if (/^\d+$/.test(v.trim()) && n >= 1 && n <= MAX_EXPIRES_SECONDS) update({ expires: n });
          }}
        />
        {state.method === 'PUT' && <Field label="Content-Type to require (optional)" value={state.type} onInput={(type) => update({ type })} />}
        <Field label="Access key ID (demo)" value={accessKeyId} onInput={setAccessKeyId} mono />
        <Field label="Secret access key (demo)" value={secret} onInput={setSecret} mono />
      </div>
      {!demo && hydrated && (
        <p class="ps-warning ps-strong" role="alert">
          These are not the demo keys. If this is a real secret, rotate it now: it has been typed into a web page.
        </p>
      )}
      {problem && (
        <p class="ps-problem" role="alert">
          {problem}
        </p>
      )}
      {steps ? (
        <div class="ps-steps">
          <Step n={1} title="Canonical request" note="Method, encoded path, sorted query (without the signature), signed headers, and UNSIGNED-PAYLOAD: a URL cannot know its body." text={steps.canonicalRequest} />
          <Step n={2} title="Hash of the canonical request" note="SHA-256, in lower-case hex." text={steps.canonicalRequestHash} />
          <Step n={3} title="String to sign" note="Algorithm, time, credential scope (date/region/service/aws4_request) and the hash." text={steps.stringToSign} />
          <Step n={4} title="Signing key" note='HMAC-SHA256 four times: "AWS4" + secret, then the date, the region, "s3" and "aws4_request". Shown only because these keys are demo keys.' text={steps.signingKeyHex} />
          <Step n={5} title="Signature" note={matchesDocs ? 'HMAC-SHA256 of the string to sign with the signing key. It matches the AWS documentation.' : 'HMAC-SHA256 of the string to sign with the signing key.'} text={steps.signature} />
          <Step n={6} title="Presigned URL" note="The canonical query plus X-Amz-Signature. Anyone holding it can use it until it expires." text={steps.url} />
        </div>
      ) : (
        <p class="sim-note">The signing steps appear here when the page's script runs: they are computed by your browser.</p>
      )}
    </SimFrame>
  );
}

/**
 * The presigned URL builder: SigV4 computed in the reader's browser with WebCrypto, every step shown.
 * Only the non-secret fields go into the URL hash; the keys stay in component state and nothing is
 * sent anywhere.
 */
import { useId } from 'preact/hooks';
import { Controls, Select, SimFrame, enumParam, intParam, island, localParam, textParam, useHydrated, useSimulation, type StateOf } from '../kit/index.ts';
import { MAX_EXPIRES_SECONDS, presign, presignProblem, type PresignInput, type PresignSteps } from './sigv4.ts';
import './presign.css';

const DEMO_ACCESS_KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const DEMO_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

const schema = {
  method: enumParam(['GET', 'PUT'] as const, 'GET'),
  bucket: textParam(63, 'examplebucket', /^[a-z0-9.-]*$/),
  key: textParam(200, 'test.txt'),
  region: textParam(20, 'us-east-1', /^[a-z0-9-]*$/),
  expires: intParam(1, MAX_EXPIRES_SECONDS, 86400),
  endpoint: enumParam(['global', 'regional'] as const, 'global'),
  clock: enumParam(['docs', 'now'] as const, 'docs'),
  type: textParam(100, '', /^[\w.+/=; -]*$/),
  // The keys stay in this page: local parameters never enter a link.
  accessKeyId: localParam(DEMO_ACCESS_KEY_ID),
  secret: localParam(DEMO_SECRET),
  /** What the reader typed in the expiry field, until it is a valid number of seconds (null: show `expires`). */
  expiresText: localParam<string | null>(null),
};
type State = StateOf<typeof schema>;

/** The credentials of the AWS documentation's examples: they sign nothing real. */
export const DEMO_ACCESS_KEY = DEMO_ACCESS_KEY_ID;
export const DEMO_SECRET_KEY = DEMO_SECRET;
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

const EXPIRY_RULE = 'Expiry is a whole number of seconds from 1 to 604800 (7 days).';
const validExpiry = (text: string) => /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= MAX_EXPIRES_SECONDS;

/** The signing steps shown, and why the current input cannot be signed, if it cannot. */
interface Signing {
  steps: PresignSteps | null;
  problem: string | null;
}

function problemOf(p: State): string | null {
  if (p.expiresText !== null && !validExpiry(p.expiresText)) return EXPIRY_RULE;
  return presignProblem(presignInput(p, p.accessKeyId, p.secret, new Date()));
}

function Field({
  label,
  value,
  onInput,
  hint,
  spellcheck = false,
  mono = false,
}: {
  label: string;
  value: string;
  onInput(v: string): void;
  hint?: string;
  spellcheck?: boolean;
  mono?: boolean;
}) {
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
      {hint && (
        <span id={`${id}-hint`} class="sim-note">
          {hint}
        </span>
      )}
    </div>
  );
}

function Step({ n, title, text, note }: { n: number; title: string; text: string; note: string }) {
  return (
    <section class="ps-step" aria-label={`Step ${n}: ${title}`}>
      <p class="ps-step-title">
        {n}. {title}
      </p>
      <p class="sim-note">{note}</p>
      <pre class="ps-pre" tabIndex={0}>
        {text}
      </pre>
    </section>
  );
}

function PresignBuilder({ initial }: { initial?: PresignSteps }) {
  const sim = useSimulation('presign', schema, {
    title: 'Presigned URL builder (Signature Version 4)',
    opening: (): Signing => ({ steps: initial ?? null, problem: null }),
    init: (p): Signing => ({ steps: null, problem: problemOf(p) }),
    // The last steps stay on screen until the new ones are signed.
    change: (m, p): Signing => ({ steps: m.steps, problem: problemOf(p) }),
    // Signing is async (WebCrypto); typing fast starts several, and only the newest may show. Input
    // with a problem signs nothing, which also drops a signing still under way.
    load: (m, p) =>
      m.problem
        ? Promise.resolve((s: Signing) => s)
        : presign(presignInput(p, p.accessKeyId, p.secret, new Date())).then((steps) => (s: Signing) => ({ ...s, steps })),
  });
  const state = sim.params;
  const { steps, problem } = sim.model;
  const hydrated = useHydrated();
  const demo = state.accessKeyId === DEMO_ACCESS_KEY && state.secret === DEMO_SECRET_KEY;

  const matchesDocs = steps?.signature === 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
  const status = problem ?? (steps ? `Signature ${steps.signature.slice(0, 16)}…${matchesDocs ? ', the one in the AWS documentation' : ''}.` : '');

  return (
    <SimFrame
      {...sim.frame}
      status={status}
      caption={
        <>
          Every step of signing an S3 request with Signature Version 4, computed in this page with your browser's WebCrypto. The starting values are the example
          of the AWS documentation, and step 5 shows the signature it publishes. Shared links carry the bucket, key and options, never the keys.
        </>
      }
    >
      <p class="ps-warning" role="note">
        <strong>Demo credentials only.</strong> Never paste a real secret access key into any web page, this one included. This builder runs entirely in your
        browser and sends nothing anywhere, but a real key belongs in your secrets manager, not in a form. The keys filled in are AWS's published examples and
        sign nothing real.
      </p>
      <Controls>
        <Select
          sim={sim}
          param="method"
          label="Method"
          options={[
            { value: 'GET', label: 'GET (download)' },
            { value: 'PUT', label: 'PUT (upload)' },
          ]}
        />
        <Select
          sim={sim}
          param="endpoint"
          label="Endpoint"
          options={[
            { value: 'global', label: 'bucket.s3.amazonaws.com (AWS example)' },
            { value: 'regional', label: 'bucket.s3.<region>.amazonaws.com' },
          ]}
        />
        <Select
          sim={sim}
          param="clock"
          label="Signing time"
          options={[
            { value: 'docs', label: '2013-05-24 (AWS example)' },
            { value: 'now', label: 'now' },
          ]}
        />
      </Controls>
      <div class="ps-fields">
        <Field label="Bucket" value={state.bucket} onInput={(bucket) => sim.set({ bucket })} />
        <Field label="Object key" value={state.key} onInput={(key) => sim.set({ key })} spellcheck={false} />
        <Field label="Region" value={state.region} onInput={(region) => sim.set({ region })} />
        <Field
          label="Expires in (seconds)"
          value={state.expiresText ?? String(state.expires)}
          hint="1 to 604800 (7 days)"
          // The field keeps what the reader typed; only a valid number reaches the shared `expires`.
          onInput={(v) => sim.set(validExpiry(v) ? { expiresText: v, expires: Number(v) } : { expiresText: v })}
        />
        {state.method === 'PUT' && <Field label="Content-Type to require (optional)" value={state.type} onInput={(type) => sim.set({ type })} />}
        <Field label="Access key ID (demo)" value={state.accessKeyId} onInput={(accessKeyId) => sim.set({ accessKeyId })} mono />
        <Field label="Secret access key (demo)" value={state.secret} onInput={(secret) => sim.set({ secret })} mono />
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
          <Step
            n={1}
            title="Canonical request"
            note="Method, encoded path, sorted query (without the signature), signed headers, and UNSIGNED-PAYLOAD: a URL cannot know its body."
            text={steps.canonicalRequest}
          />
          <Step n={2} title="Hash of the canonical request" note="SHA-256, in lower-case hex." text={steps.canonicalRequestHash} />
          <Step
            n={3}
            title="String to sign"
            note="Algorithm, time, credential scope (date/region/service/aws4_request) and the hash."
            text={steps.stringToSign}
          />
          <Step
            n={4}
            title="Signing key"
            note='HMAC-SHA256 four times: "AWS4" + secret, then the date, the region, "s3" and "aws4_request". Shown only because these keys are demo keys.'
            text={steps.signingKeyHex}
          />
          <Step
            n={5}
            title="Signature"
            note={
              matchesDocs
                ? 'HMAC-SHA256 of the string to sign with the signing key. It matches the AWS documentation.'
                : 'HMAC-SHA256 of the string to sign with the signing key.'
            }
            text={steps.signature}
          />
          <Step n={6} title="Presigned URL" note="The canonical query plus X-Amz-Signature. Anyone holding it can use it until it expires." text={steps.url} />
        </div>
      ) : (
        <p class="sim-note">The signing steps appear here when the page's script runs: they are computed by your browser.</p>
      )}
    </SimFrame>
  );
}

export default island(PresignBuilder);

import { useId } from 'preact/hooks';
import { island, Controls, enumParam, Select, SimFrame, useHydrated, useSimulation } from '../kit/index.ts';
import { ALGORITHM_NOTE, decodeJwt, formatUtc, inspectJwt, MAX_KEY_CHARS, MAX_TOKEN_CHARS, type Inspection, type Verdict } from './jwt.ts';
import { EXAMPLE_SECRET, EXAMPLE_TOKEN, SAMPLE_LABELS, SAMPLES, sampleToken, type SampleId } from './inspectorSamples.ts';
import './auth.css';

// Only the choice of sample goes into the URL: a pasted token is a credential and must not end up in a link.
const schema = { sample: enumParam<SampleId>(SAMPLES, 'example') };

const GOOD: readonly Verdict[] = ['valid'];
const WARN: readonly Verdict[] = ['no-key', 'expired', 'not-yet-valid'];

const VERDICT_TITLE: Record<Verdict, string> = {
  valid: 'Valid',
  expired: 'Genuine but expired',
  'not-yet-valid': 'Genuine but not valid yet',
  'bad-signature': 'Signature does not verify',
  'alg-none': 'Rejected: alg none',
  'unsupported-alg': 'Unsupported algorithm',
  'bad-claims': 'Malformed time claims',
  'bad-key': 'Unusable key',
  'no-key': 'Not verified',
  malformed: 'Not a JWT',
};

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** What the static page shows: the example decoded (no WebCrypto needed), its signature not yet checked. */
function staticInspection(): Inspection {
  const decoded = decodeJwt(EXAMPLE_TOKEN);
  return {
    verdict: 'no-key',
    message: 'Decoded without any key. Checking the signature needs JavaScript.',
    ...(decoded.ok ? { jwt: decoded.jwt } : {}),
    times: [],
  };
}

/** The token and key in the boxes, their inspection, and a sample still to load (null: none). */
interface Inspected {
  token: string;
  key: string;
  result: Inspection;
  wanted: SampleId | null;
}

function JwtInspectorView() {
  const sim = useSimulation<typeof schema, Inspected>('jwt', schema, {
    title: 'JWT inspector',
    opening: () => ({ token: EXAMPLE_TOKEN, key: EXAMPLE_SECRET, result: staticInspection(), wanted: null }),
    init: (p) => ({ token: EXAMPLE_TOKEN, key: EXAMPLE_SECRET, result: staticInspection(), wanted: p.sample }),
    // Another sample (from the list or a shared link) is loaded; the fresh one is signed now, in this browser.
    change: (m, p) => ({ ...m, wanted: p.sample }),
    // Inspection is async (WebCrypto) and may finish out of order while someone types: the newest wins.
    load: (m) => {
      const now = () => Date.now() / 1000;
      if (m.wanted === null) return inspectJwt(m.token, m.key, now()).then((result) => (s: Inspected) => ({ ...s, result }));
      return sampleToken(m.wanted, now()).then(async ({ token, key }) => {
        const result = await inspectJwt(token, key, now());
        return (s: Inspected) => ({ ...s, token, key, result, wanted: null });
      });
    },
  });
  const { token, key, result } = sim.model;
  const hydrated = useHydrated();
  const tokenId = useId();
  const keyId = useId();

  const tone = GOOD.includes(result.verdict) ? 'good' : WARN.includes(result.verdict) ? 'warn' : 'bad';
  // Before hydration there is no "now" to compare with, so the static figure shows UTC only.
  const times = result.times.length
    ? result.times
    : (['iat', 'nbf', 'exp'] as const).flatMap((name) => {
        const seconds = result.jwt?.payload[name];
        return typeof seconds === 'number' ? [{ name, utc: formatUtc(seconds), relative: '' }] : [];
      });

  return (
    <SimFrame
      {...sim.frame}
      status={`${VERDICT_TITLE[result.verdict]}. ${result.message}`}
      caption={`A JWT decoded: header, claims and its times in UTC, then the signature checked with WebCrypto against the secret (HS256) or public key (RS256, ES256) you paste. Everything stays in your browser. The example token was signed for one hour on the publication day, so its signature is genuine but it has expired. ${ALGORITHM_NOTE}`}
    >
      <Controls>
        <Select sim={sim} param="sample" label="Example" options={SAMPLES.map((s) => ({ value: s, label: SAMPLE_LABELS[s] }))} />
      </Controls>
      <div class="auth-textarea">
        <label for={tokenId}>Token (header.payload.signature)</label>
        <textarea
          id={tokenId}
          rows={4}
          maxLength={MAX_TOKEN_CHARS}
          spellcheck={false}
          autocomplete="off"
          disabled={!hydrated}
          value={token}
          onInput={(e) => {
            const typed = e.currentTarget.value.slice(0, MAX_TOKEN_CHARS);
            sim.act((m) => ({ ...m, token: typed, wanted: null }));
          }}
        />
      </div>
      <div class="auth-textarea">
        <label for={keyId}>Secret (HS256) or public key, PEM or JWK (RS256, ES256)</label>
        <textarea
          id={keyId}
          rows={2}
          maxLength={MAX_KEY_CHARS}
          spellcheck={false}
          autocomplete="off"
          disabled={!hydrated}
          value={key}
          onInput={(e) => {
            const typed = e.currentTarget.value.slice(0, MAX_KEY_CHARS);
            sim.act((m) => ({ ...m, key: typed, wanted: null }));
          }}
        />
      </div>
      <p class={`auth-verdict auth-verdict-${tone}`}>
        <strong class={`auth-${tone === 'good' ? 'ok' : tone}`}>{VERDICT_TITLE[result.verdict]}.</strong> {result.message}
      </p>
      {result.jwt && (
        <div class="auth-columns">
          <div>
            <p class="auth-caption">Header</p>
            <div class="auth-http">{pretty(result.jwt.header)}</div>
          </div>
          <div>
            <p class="auth-caption">Claims</p>
            <div class="auth-http">{pretty(result.jwt.payload)}</div>
          </div>
        </div>
      )}
      {times.length > 0 && (
        <table class="auth-table">
          <caption class="visually-hidden">Time claims in human time</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">UTC</th>
              <th scope="col">From now</th>
            </tr>
          </thead>
          <tbody>
            {times.map((t) => (
              <tr key={t.name}>
                <th scope="row">{t.name === 'iat' ? 'iat (issued)' : t.name === 'nbf' ? 'nbf (not before)' : 'exp (expires)'}</th>
                <td>{t.utc}</td>
                <td>{t.relative || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SimFrame>
  );
}

export default island(JwtInspectorView);

import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { island, Controls, enumParam, Select, SimFrame, useHydrated, useReportError, useSimState } from '../kit/index.ts';
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

function JwtInspectorView() {
  const [state, update] = useSimState('jwt', schema);
  const [token, setToken] = useState(EXAMPLE_TOKEN);
  const [key, setKey] = useState(EXAMPLE_SECRET);
  const [result, setResult] = useState<Inspection>(staticInspection);
  const hydrated = useHydrated();
  const report = useReportError();
  const latest = useRef(0);
  const tokenId = useId();
  const keyId = useId();

  // A shared link names a sample: load it (the fresh one is signed now, in this browser).
  useEffect(() => {
    sampleToken(state.sample, Date.now() / 1000).then((s) => {
      setToken(s.token);
      setKey(s.key);
    }, report);
  }, [state.sample]);

  useEffect(() => {
    if (!hydrated) return;
    // Results can arrive out of order while someone types; only the newest input's result is shown.
    const run = ++latest.current;
    inspectJwt(token, key, Date.now() / 1000).then((r) => {
      if (run === latest.current) setResult(r);
    }, report);
  }, [token, key, hydrated]);

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
      id="jwt"
      title="JWT inspector"
      status={`${VERDICT_TITLE[result.verdict]}. ${result.message}`}
      share={{ schema, state }}
      caption={`A JWT decoded: header, claims and its times in UTC, then the signature checked with WebCrypto against the secret (HS256) or public key (RS256, ES256) you paste. Everything stays in your browser. The example token was signed for one hour on the publication day, so its signature is genuine but it has expired. ${ALGORITHM_NOTE}`}
    >
      <Controls>
        <Select label="Example" value={state.sample} options={SAMPLES.map((s) => ({ value: s, label: SAMPLE_LABELS[s] }))} onChange={(sample) => update({ sample })} />
      </Controls>
      <div class="auth-textarea">
        <label for={tokenId}>Token (header.payload.signature)</label>
        <textarea id={tokenId} rows={4} maxLength={MAX_TOKEN_CHARS} spellcheck={false} autocomplete="off" disabled={!hydrated} value={token} onInput={(e) => setToken(e.currentTarget.value.slice(0, MAX_TOKEN_CHARS))} />
      </div>
      <div class="auth-textarea">
        <label for={keyId}>Secret (HS256) or public key, PEM or JWK (RS256, ES256)</label>
        <textarea id={keyId} rows={2} maxLength={MAX_KEY_CHARS} spellcheck={false} autocomplete="off" disabled={!hydrated} value={key} onInput={(e) => setKey(e.currentTarget.value.slice(0, MAX_KEY_CHARS))} />
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
            <tr><th scope="col">Claim</th><th scope="col">UTC</th><th scope="col">From now</th></tr>
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

export default island('JWT inspector', JwtInspectorView);

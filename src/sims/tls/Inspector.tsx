/**
 * The certificate inspector. Everything happens in this page: the X.509 decoder loads on first use,
 * the pasted text never leaves the browser, and every value shown is rendered as text by Preact
 * (no innerHTML anywhere), so a certificate whose subject is "<script>" shows exactly that.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Button, Controls, Select, SimFrame, enumParam, island, useGuarded, useHydrated, useSimState } from '../kit/index.ts';
import type { Inspection } from './inspector.ts';
import { MAX_INPUT_CHARS } from './pem.ts';
import { EXAMPLES, EXAMPLE_IDS, OPENING_EXAMPLE } from './inspectorExamples.ts';
import './tls.css';

const schema = { example: enumParam(EXAMPLE_IDS, OPENING_EXAMPLE) };
const MAX_FILE_BYTES = MAX_INPUT_CHARS;
const HOSTNAME = /^[A-Za-z0-9.*:-]{0,253}$/;
const LEVEL_WORD = { ok: 'OK', warn: 'Warning', bad: 'Problem', info: 'Note' } as const;
const LEVEL_CLASS = { ok: 'tls-ok', warn: 'tls-warn', bad: 'tls-fail', info: 'tls-skipped' } as const;

function Results({ result }: { result: Inspection }) {
  return (
    <div class="sim-body" role="group" aria-label="Inspection results">
      {result.problems.length > 0 && (
        <div class="tls-outcome tls-warn" role="status">
          {result.problems.map((p, i) => <p key={i}>{p.message}</p>)}
        </div>
      )}
      {result.findings.length > 0 && (
        <ul class="tls-findings">
          {result.findings.map((f, i) => (
            <li key={i} class={LEVEL_CLASS[f.level]}>
              <span class="tls-badge">{LEVEL_WORD[f.level]}:</span> <span style={{ color: 'var(--text)' }}>{f.text}</span>
            </li>
          ))}
        </ul>
      )}
      <div class="tls-cards">
        {result.certificates.map((c) => (
          <section class="tls-card" key={c.position} aria-label={`Certificate ${c.position}`}>
            <h3>Certificate {c.position}: {c.facts.subject}</h3>
            <dl class="tls-fields">
              <dt>Subject</dt><dd>{c.subjectDn}</dd>
              <dt>Issuer</dt><dd>{c.issuerDn}</dd>
              <dt>Linked to</dt>
              <dd>{c.issuedBy ? `issued by certificate ${c.issuedBy} (signature verified)` : c.facts.signerKeyId === c.facts.keyId ? 'itself (self-signed, signature verified)' : 'issuer not in the paste'}</dd>
              <dt>Valid</dt><dd>{c.notBefore} to {c.notAfter}</dd>
              <dt>Names (SAN)</dt><dd>{c.facts.sans.join(', ') || 'none'}</dd>
              <dt>CA</dt><dd>{c.isCA ? 'yes' : 'no'}</dd>
              <dt>Key usage</dt><dd>{[...c.keyUsage, ...c.extendedKeyUsage].join(', ') || 'not restricted'}</dd>
              <dt>Key</dt><dd>{c.publicKey}, signed with {c.signatureAlgorithm}</dd>
              <dt>Serial</dt><dd>{c.serial}</dd>
              <dt>SHA-256</dt><dd class="tls-code">{c.sha256}</dd>
              <dt>SHA-1</dt><dd class="tls-code">{c.sha1}</dd>
            </dl>
          </section>
        ))}
      </div>
    </div>
  );
}

/** `opening`: the opening example as inspected at build time, so the static page shows a result. */
function InspectorView({ opening }: { opening?: Inspection }) {
  const [state, update] = useSimState('inspect', schema);
  const hydrated = useHydrated();
  const [text, setText] = useState<string | null>(null);
  const [hostname, setHostname] = useState('');
  const [result, setResult] = useState<Inspection | null>(opening ?? null);
  const inspectedHere = useRef(false);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const generation = useRef(0);
  const current = text ?? EXAMPLES[state.example].text;

  const inspect = useGuarded((input: string | Uint8Array<ArrayBuffer>) => {
    const mine = ++generation.current;
    inspectedHere.current = true;
    setBusy(true);
    // The decoder is loaded only when someone inspects something.
    void import('./inspector.ts')
      .then(async (m) => {
        const host = HOSTNAME.test(hostname) && hostname ? { hostname } : {};
        const options = { now: Date.now(), ...host };
        return typeof input === 'string' ? m.inspectText(input, options) : m.inspectFile(input, options);
      })
      .then((r) => {
        if (mine === generation.current) setResult(r);
      })
      .catch((error: unknown) => {
        if (mine === generation.current) setResult({ certificates: [], problems: [{ index: 0, message: `Could not inspect this input (${error instanceof Error ? error.message : 'unknown error'}).` }], verdict: null, findings: [] });
      })
      .finally(() => {
        if (mine === generation.current) setBusy(false);
      });
  });

  // Once the island runs, inspect the chosen example in this browser: a shared link may name another
  // example, and the build's result was checked against the build's clock, not the reader's.
  useEffect(() => {
    if (hydrated && !inspectedHere.current && text === null) inspect(EXAMPLES[state.example].text);
  }, [hydrated, state.example]);

  const onFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setNote(`That file is ${file.size.toLocaleString('en')} bytes; the inspector reads at most ${MAX_FILE_BYTES.toLocaleString('en')}.`);
      return;
    }
    setNote(`Loaded ${file.name.slice(0, 80)} (${file.size.toLocaleString('en')} bytes).`);
    void file.arrayBuffer().then((buffer) => {
      const bytes = new Uint8Array(buffer);
      setText(bytes[0] === 0x30 ? '(binary DER file loaded)' : new TextDecoder().decode(bytes));
      inspect(bytes);
    });
  };

  const summary = result?.verdict ? (result.verdict.ok ? 'Chain verifies' : `Verification fails: ${result.verdict.message}`) : result?.problems[0]?.message ?? '';
  return (
    <SimFrame
      id="inspect"
      title="Certificate inspector"
      caption="Paste a PEM certificate or chain, or load a .pem, .crt or .der file. It is decoded in your browser and never uploaded: the inspector shows each certificate's subject, issuer, validity, names, key usage and fingerprints, which certificate signed which, and what openssl verify would conclude."
      status={busy ? 'Inspecting…' : summary}
      share={{ schema, state }}
    >
      <Controls>
        <Select label="Example" value={state.example} options={EXAMPLE_IDS.map((id) => ({ value: id, label: EXAMPLES[id].label }))} onChange={(example) => {
          update({ example });
          setText(null);
          setNote('');
          inspect(EXAMPLES[example].text);
        }} />
      </Controls>
      <div class="tls-field">
        <label for="inspect-pem">PEM text (certificates only; never paste a private key)</label>
        <textarea id="inspect-pem" class="tls-input" rows={8} spellcheck={false} maxLength={MAX_INPUT_CHARS + 1} value={current} disabled={!hydrated} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      <Controls>
        <div class="tls-field">
          <label for="inspect-host">Host name to check (optional)</label>
          <input id="inspect-host" class="tls-input" type="text" maxLength={253} value={hostname} disabled={!hydrated} placeholder="localhost" onInput={(e) => setHostname(e.currentTarget.value)} />
        </div>
        <div class="tls-field">
          <label for="inspect-file">Or load a file</label>
          <input id="inspect-file" type="file" accept=".pem,.crt,.cer,.der,.txt" disabled={!hydrated} onChange={(e) => onFile(e.currentTarget.files?.[0])} />
        </div>
        <Button onClick={() => inspect(current)} disabled={busy}>Inspect</Button>
      </Controls>
      {hostname && !HOSTNAME.test(hostname) && <p class="tls-warn">That host name has characters no host name can contain; it is ignored.</p>}
      {note && <p>{note}</p>}
      {result ? <Results result={result} /> : <p class="sim-note">Choose an example or paste a certificate, then press Inspect.</p>}
    </SimFrame>
  );
}

export default island('Certificate inspector', InspectorView);

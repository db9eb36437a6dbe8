/**
 * The certificate inspector. Everything happens in this page: the X.509 decoder loads on first use,
 * the pasted text never leaves the browser, and every value shown is rendered as text by Preact
 * (no innerHTML anywhere), so a certificate whose subject is "<script>" shows exactly that.
 */
import { Button, Controls, Select, SimFrame, enumParam, formatNumber, island, localParam, useHydrated, useSimulation } from '../kit/index.ts';
import type { Inspection } from '../engines/tls/inspector.ts';
import { MAX_INPUT_CHARS } from '../engines/tls/pem.ts';
import { EXAMPLES, EXAMPLE_IDS, OPENING_EXAMPLE } from './inspectorExamples.ts';
import './tls.css';

/** `hostname`: the optional host name to check, typed by the reader (not shared). */
const schema = { example: enumParam(EXAMPLE_IDS, OPENING_EXAMPLE), hostname: localParam('') };
const MAX_FILE_BYTES = MAX_INPUT_CHARS;
const HOSTNAME = /^[A-Za-z0-9.*:-]{0,253}$/;
const LEVEL_WORD = { ok: 'OK', warn: 'Warning', bad: 'Problem', info: 'Note' } as const;
const LEVEL_CLASS = { ok: 'tls-ok', warn: 'tls-warn', bad: 'tls-fail', info: 'tls-skipped' } as const;

function Results({ result }: { result: Inspection }) {
  return (
    <div class="sim-body" role="group" aria-label="Inspection results">
      {result.problems.length > 0 && (
        <div class="tls-outcome tls-warn" role="status">
          {result.problems.map((p, i) => (
            <p key={i}>{p.message}</p>
          ))}
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
            <h3>
              Certificate {c.position}: {c.facts.subject}
            </h3>
            <dl class="tls-fields">
              <dt>Subject</dt>
              <dd>{c.subjectDn}</dd>
              <dt>Issuer</dt>
              <dd>{c.issuerDn}</dd>
              <dt>Linked to</dt>
              <dd>
                {c.issuedBy
                  ? `issued by certificate ${c.issuedBy} (signature verified)`
                  : c.facts.signerKeyId === c.facts.keyId
                    ? 'itself (self-signed, signature verified)'
                    : 'issuer not in the paste'}
              </dd>
              <dt>Valid</dt>
              <dd>
                {c.notBefore} to {c.notAfter}
              </dd>
              <dt>Names (SAN)</dt>
              <dd>{c.facts.sans.join(', ') || 'none'}</dd>
              <dt>CA</dt>
              <dd>{c.isCA ? 'yes' : 'no'}</dd>
              <dt>Key usage</dt>
              <dd>{[...c.keyUsage, ...c.extendedKeyUsage].join(', ') || 'not restricted'}</dd>
              <dt>Key</dt>
              <dd>
                {c.publicKey}, signed with {c.signatureAlgorithm}
              </dd>
              <dt>Serial</dt>
              <dd>{c.serial}</dd>
              <dt>SHA-256</dt>
              <dd class="tls-code">{c.sha256}</dd>
              <dt>SHA-1</dt>
              <dd class="tls-code">{c.sha1}</dd>
            </dl>
          </section>
        ))}
      </div>
    </div>
  );
}

/** What the inspector shows, and what it is asked to inspect next (null: nothing pending). */
interface Inspecting {
  /** What the reader typed or loaded into the box; null shows the chosen example. */
  text: string | null;
  pending: string | Uint8Array<ArrayBuffer> | null;
  result: Inspection | null;
  note: string;
}

const inspectNow = (m: Inspecting, input: string | Uint8Array<ArrayBuffer>): Inspecting => ({ ...m, pending: input });

/** The decoder is loaded only when someone inspects something; a failure is shown as a result. */
async function inspection(input: string | Uint8Array<ArrayBuffer>, hostname: string): Promise<Inspection> {
  try {
    const m = await import('../engines/tls/inspector.ts');
    const options = { now: Date.now(), ...(HOSTNAME.test(hostname) && hostname ? { hostname } : {}) };
    return await (typeof input === 'string' ? m.inspectText(input, options) : m.inspectFile(input, options));
  } catch (error) {
    return {
      certificates: [],
      problems: [{ index: 0, message: `Could not inspect this input (${error instanceof Error ? error.message : 'unknown error'}).` }],
      verdict: null,
      findings: [],
    };
  }
}

/** `opening`: the opening example as inspected at build time, so the static page shows a result. */
function InspectorView({ opening }: { opening?: Inspection }) {
  const sim = useSimulation<typeof schema, Inspecting>('inspect', schema, {
    title: 'Certificate inspector',
    // Once the island runs it inspects the example again in this browser: the build's result was
    // checked against the build's clock, not the reader's.
    opening: (p) => ({ text: null, pending: EXAMPLES[p.example].text, result: opening ?? null, note: '' }),
    init: (p) => ({ text: null, pending: EXAMPLES[p.example].text, result: null, note: '' }),
    // Another example is inspected at once; a new host name waits for Inspect.
    change: (m, p, before) => (p.example === before.example ? m : { ...m, text: null, note: '', pending: EXAMPLES[p.example].text }),
    // Only the newest inspection may show: a slow decode of an older input is dropped.
    load: (m, p) => (m.pending === null ? undefined : inspection(m.pending, p.hostname).then((result) => (s: Inspecting) => ({ ...s, pending: null, result }))),
  });
  const { hostname } = sim.params;
  const { text, result, note, pending } = sim.model;
  const hydrated = useHydrated();
  const busy = hydrated && pending !== null;
  const current = text ?? EXAMPLES[sim.params.example].text;

  const onFile = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      sim.act((m) => ({ ...m, note: `That file is ${formatNumber(file.size)} bytes; the inspector reads at most ${formatNumber(MAX_FILE_BYTES)}.` }));
      return;
    }
    sim.act((m) => ({ ...m, note: `Loaded ${file.name.slice(0, 80)} (${formatNumber(file.size)} bytes).` }));
    void file.arrayBuffer().then((buffer) => {
      const bytes = new Uint8Array(buffer);
      sim.act((m) => inspectNow({ ...m, text: bytes[0] === 0x30 ? '(binary DER file loaded)' : new TextDecoder().decode(bytes) }, bytes));
    });
  };

  const summary = result?.verdict
    ? result.verdict.ok
      ? 'Chain verifies'
      : `Verification fails: ${result.verdict.message}`
    : (result?.problems[0]?.message ?? '');
  return (
    <SimFrame
      {...sim.frame}
      caption="Paste a PEM certificate or chain, or load a .pem, .crt or .der file. It is decoded in your browser and never uploaded: the inspector shows each certificate's subject, issuer, validity, names, key usage and fingerprints, which certificate signed which, and what openssl verify would conclude."
      status={busy ? 'Inspecting…' : summary}
    >
      <Controls>
        <Select sim={sim} param="example" label="Example" options={EXAMPLE_IDS.map((id) => ({ value: id, label: EXAMPLES[id].label }))} />
      </Controls>
      <div class="tls-field">
        <label for="inspect-pem">PEM text (certificates only; never paste a private key)</label>
        <textarea
          id="inspect-pem"
          class="tls-input"
          rows={8}
          spellcheck={false}
          maxLength={MAX_INPUT_CHARS + 1}
          value={current}
          disabled={!hydrated}
          onInput={(e) => {
            const typed = e.currentTarget.value;
            sim.act((m) => ({ ...m, text: typed }));
          }}
        />
      </div>
      <Controls>
        <div class="tls-field">
          <label for="inspect-host">Host name to check (optional)</label>
          <input
            id="inspect-host"
            class="tls-input"
            type="text"
            maxLength={253}
            value={hostname}
            disabled={!hydrated}
            placeholder="localhost"
            onInput={(e) => sim.set({ hostname: e.currentTarget.value })}
          />
        </div>
        <div class="tls-field">
          <label for="inspect-file">Or load a file</label>
          <input id="inspect-file" type="file" accept=".pem,.crt,.cer,.der,.txt" disabled={!hydrated} onChange={(e) => onFile(e.currentTarget.files?.[0])} />
        </div>
        <Button onClick={() => sim.act((m) => inspectNow(m, current))} disabled={busy}>
          Inspect
        </Button>
      </Controls>
      {hostname && !HOSTNAME.test(hostname) && <p class="tls-warn">That host name has characters no host name can contain; it is ignored.</p>}
      {note && <p>{note}</p>}
      {result ? <Results result={result} /> : <p class="sim-note">Choose an example or paste a certificate, then press Inspect.</p>}
    </SimFrame>
  );
}

export default island(InspectorView);

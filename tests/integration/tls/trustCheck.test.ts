/**
 * The trust-check model against real Python requests: for every server situation a Node TLS server
 * presents the model's certificates, and one Python process tries every verify x cert combination.
 * The model's outcome must be what requests did: success, success with InsecureRequestWarning, or
 * the same exception class with the same message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestPki, type Pki } from './pki.ts';
import { PYTHON, run, startServer, type RunningServer } from './servers.ts';
import { SITUATIONS, type Situation } from '../../../src/sims/engines/tls/servers.ts';
import {
  CERT_OPTIONS,
  TRUST_STORES,
  VERIFY_OPTIONS,
  trustCheck,
  type CertOption,
  type VerifyOption,
} from '../../../src/sims/verify-and-cert-in-python-requests/trustCheck.ts';

const BATCH = join(import.meta.dirname, 'requests_batch.py');

interface PythonResult {
  verify: boolean | string;
  cert: string[] | null;
  status?: number;
  body?: string;
  exception?: string;
  message?: string;
  warnings: string[];
}

let dir: string;
let pki: Pki;
const servers: RunningServer[] = [];
const observed = new Map<Situation, PythonResult[]>();

/** Python's `_ssl.c:NNN` source line numbers depend on the build, not on the behaviour. */
const normalise = (message: string) => message.replace(/_ssl\.c:\d+/g, '_ssl.c:N');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tls-trust-'));
  pki = buildTestPki(join(dir, 'pki'));
  // verify=True reads the default bundle; REQUESTS_CA_BUNDLE makes the test root that bundle.
  const defaultBundle = pki.bundle('default-bundle.pem', TRUST_STORES.true.anchors);
  const devBundle = pki.bundle('dev-server.pem', TRUST_STORES.bundle.anchors);
  copyFileSync(pki.get('client').cert, join(dir, 'client.pem'));
  copyFileSync(pki.get('client').key, join(dir, 'client.key'));
  copyFileSync(pki.get('stranger-client').cert, join(dir, 'other.pem'));
  copyFileSync(pki.get('stranger-client').key, join(dir, 'other.key'));
  const verifyValue = (v: VerifyOption) => (v === 'true' ? true : v === 'false' ? false : devBundle);
  const certValue = (c: CertOption) =>
    c === 'client' ? [join(dir, 'client.pem'), join(dir, 'client.key')] : c === 'stranger' ? [join(dir, 'other.pem'), join(dir, 'other.key')] : null;
  for (const situation of SITUATIONS) {
    const server = await startServer(pki, situation);
    servers.push(server);
    const cases = VERIFY_OPTIONS.flatMap((v) => CERT_OPTIONS.map((c) => ({ verify: verifyValue(v), cert: certValue(c) })));
    const spec = JSON.stringify({ url: `https://localhost:${server.port}/`, cases });
    const result = await run(PYTHON, [BATCH, spec], { cwd: dir, env: { REQUESTS_CA_BUNDLE: defaultBundle, CURL_CA_BUNDLE: '' } });
    if (result.code !== 0) throw new Error(`python failed for ${situation}: ${result.stderr}`);
    observed.set(situation, JSON.parse(result.stdout).results);
  }
});

afterAll(async () => {
  for (const s of servers) await s.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('trust check model vs requests 2.28 / urllib3 1.26', () => {
  for (const situation of SITUATIONS) {
    it(`predicts all ${VERIFY_OPTIONS.length * CERT_OPTIONS.length} verify x cert outcomes for a server with: ${situation}`, () => {
      const port = servers.find((s) => s.situation === situation)!.port;
      const results = observed.get(situation)!;
      expect(results).toHaveLength(VERIFY_OPTIONS.length * CERT_OPTIONS.length);
      let i = 0;
      for (const verify of VERIFY_OPTIONS) {
        for (const cert of CERT_OPTIONS) {
          const real = results[i++]!;
          const predicted = trustCheck(verify, cert, situation, { host: 'localhost', port, now: Date.now() }).outcome;
          const label = `${situation} verify=${verify} cert=${cert}`;
          expect(real.warnings, label).toEqual(predicted.warnings);
          if (predicted.kind === 'error') {
            expect(real.exception, label).toBe(predicted.exception);
            expect(normalise(real.message!), label).toBe(normalise(predicted.message));
          } else {
            expect(real.exception, `${label}: ${real.message}`).toBeUndefined();
            expect(real.status, label).toBe(predicted.status);
            expect(real.body, label).toBe(`hello from ${situation}`);
          }
        }
      }
    });
  }

  it('sees every kind of outcome at least once, so the comparison covers each branch', () => {
    const kinds = new Set<string>();
    for (const situation of SITUATIONS) for (const r of observed.get(situation)!) kinds.add(r.exception ?? (r.warnings.length ? 'warning' : 'success'));
    expect([...kinds].sort()).toEqual(['requests.exceptions.ConnectionError', 'requests.exceptions.SSLError', 'success', 'warning']);
  });
});

/**
 * Real `openssl s_client` output from every server situation. The "whose fault" model must reach the
 * right side from each live capture. With TLS_WRITE_FIXTURES=1 the captures (and the generated
 * certificates, without keys) are written to src/sims/engines/tls/fixtures/ for the unit tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestPki, type Pki } from './pki.ts';
import { PYTHON, run, startServer, type RunningServer } from './servers.ts';
import { sClient } from './sClient.ts';
import { SITUATIONS, type Situation } from '../../../src/sims/engines/tls/servers.ts';
import { TRUST_STORES } from '../../../src/sims/verify-and-cert-in-python-requests/trustCheck.ts';
import { CAPTURES, type Capture } from '../../../src/sims/api-certificates-chain-of-trust/whoseFaultCaptures.ts';
import { shortTranscript, whoseFault } from '../../../src/sims/api-certificates-chain-of-trust/whoseFault.ts';

const FIXTURES = join(import.meta.dirname, '../../../src/sims/engines/tls/fixtures');
let dir: string;
let pki: Pki;
const servers = new Map<Situation, RunningServer>();
const captured = new Map<string, string>();

async function capture(c: Capture): Promise<string> {
  const server = servers.get(c.situation)!;
  const caFile = c.trustStore ? pki.bundle(`${c.name}-store.pem`, c.trustStore) : pki.bundle('default-bundle.pem', TRUST_STORES.true.anchors);
  const client = c.clientCert ? pki.get(c.clientCert) : undefined;
  return sClient(server.port, { caFile, verifyHostname: c.verifyHostname, ...(client ? { cert: client.cert, key: client.key } : {}) });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tls-capture-'));
  pki = buildTestPki(join(dir, 'pki'));
  for (const s of SITUATIONS) servers.set(s, await startServer(pki, s));
  for (const c of CAPTURES) captured.set(c.name, await capture(c));
  if (process.env.TLS_WRITE_FIXTURES === '1') {
    mkdirSync(join(FIXTURES, 's_client'), { recursive: true });
    mkdirSync(join(FIXTURES, 'pki'), { recursive: true });
    mkdirSync(join(FIXTURES, 's_client/short'), { recursive: true });
    for (const [name, text] of captured) {
      writeFileSync(join(FIXTURES, 's_client', `${name}.txt`), text);
      writeFileSync(join(FIXTURES, 's_client/short', `${name}.txt`), shortTranscript(text));
    }
    for (const [name, issued] of pki.certs) writeFileSync(join(FIXTURES, 'pki', `${name}.pem`), issued.pem);
  }
});

afterAll(async () => {
  for (const s of servers.values()) await s.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the client errors paired with the captures', () => {
  for (const c of CAPTURES.filter((c) => c.trustStore)) {
    it(`${c.name}: requests 2.28 with the same trust store prints the error the capture pairs it with`, async () => {
      const store = pki.bundle(`${c.name}-python-store.pem`, c.trustStore!);
      const code = 'import requests, sys\ntry:\n    requests.get(sys.argv[1], timeout=10)\nexcept requests.exceptions.SSLError as e:\n    print(e)';
      const result = await run(PYTHON, ['-c', code, `https://localhost:${servers.get(c.situation)!.port}/`], { env: { REQUESTS_CA_BUNDLE: store } });
      const reason = (s: string) => s.match(/certificate verify failed: ([^(]+)/)?.[1]?.trim();
      expect(reason(result.stdout), result.stdout + result.stderr).toBe(reason(c.pythonError));
    });
  }
});

describe('whose fault is it, on live openssl s_client output', () => {
  for (const c of CAPTURES) {
    it(`${c.name}: blames ${c.expectedSide}`, () => {
      const text = captured.get(c.name)!;
      expect(text).toContain('CONNECTED');
      const answer = whoseFault(text, c.pythonError);
      expect(answer.side, `${answer.title}\n${text}`).toBe(c.expectedSide);
      expect(answer.verdictId).toBe(c.expectedVerdict);
      expect(whoseFault(shortTranscript(text), c.pythonError).verdictId).toBe(c.expectedVerdict);
    });
  }
});

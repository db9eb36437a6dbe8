/**
 * Host name checking in the client the articles name (requests 2.28 with urllib3 1.26 on Python 3.11,
 * Debian 12), measured against Node TLS servers, next to what the stricter checkers do:
 * - a leaf whose name is only in the common name (no subjectAltName);
 * - an expired certificate for the wrong host: which of the two faults gets reported.
 * The "urllib3 2.x" column is Python's ssl module with `hostname_checks_common_name = False` and
 * `check_hostname = True`, which is how urllib3 2.0 configures it (its release notes, #2113); urllib3
 * 2.x itself is not installed here. The article quotes below are checked verbatim by the claims test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestPki, type Pki } from './pki.ts';
import { PYTHON, run, serveCertificates } from './servers.ts';
import { inspectText } from '../../../src/sims/engines/tls/inspector.ts';
import { CATALOGUE } from '../../../src/sims/engines/tls/catalogue.ts';
import { verifyChain } from '../../../src/sims/engines/tls/chain.ts';

/** Sentences of the articles whose facts this file measures. */
export const QUOTES = {
  cnFallback: 'requests 2.28 still accepts a certificate that names the host only in its common name, with a SubjectAltNameWarning',
  expiredWrongHost: 'requests 2.28 reports certificate has expired',
} as const;

const PROBE = `
import json, socket, ssl, sys, warnings
import requests
url, host, port, bundle = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
out = {}
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    try:
        out["requests"] = {"status": requests.get(url, verify=bundle, timeout=10).status_code}
    except Exception as error:
        out["requests"] = {"error": str(error)}
    out["requests"]["warnings"] = sorted({w.category.__name__ for w in caught})
for label, common_name in (("ssl", True), ("urllib3_2", False)):
    context = ssl.create_default_context(cafile=bundle)
    context.hostname_checks_common_name = common_name
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            with context.wrap_socket(sock, server_hostname=host):
                out[label] = {"ok": True}
    except ssl.SSLError as error:
        out[label] = {"error": error.verify_message or str(error)}
json.dump(out, sys.stdout)
`;

interface Probe {
  requests: { status?: number; error?: string; warnings: string[] };
  ssl: { ok?: true; error?: string };
  urllib3_2: { ok?: true; error?: string };
}

let dir: string;
let pki: Pki;
const closers: (() => Promise<void>)[] = [];

async function probe(sends: string[]): Promise<Probe> {
  const server = await serveCertificates(pki, sends, 'hello');
  closers.push(server.close);
  const bundle = pki.bundle('root-bundle.pem', ['root']);
  const result = await run(PYTHON, ['-c', PROBE, `https://localhost:${server.port}/`, 'localhost', String(server.port), bundle]);
  if (result.code !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as Probe;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tls-hostname-'));
  pki = buildTestPki(join(dir, 'pki'));
});
afterAll(async () => {
  for (const close of closers) await close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a leaf with the host name only in its common name', () => {
  it(QUOTES.cnFallback, async () => {
    const seen = await probe(['leaf-cn-only', 'intermediate']);
    expect(seen.requests).toEqual({ status: 200, warnings: ['SubjectAltNameWarning'] });
    // Python's own ssl module falls back too (hostname_checks_common_name defaults to True)...
    expect(seen.ssl).toEqual({ ok: true });
    // ...and without the fallback, as urllib3 2.x sets it, OpenSSL's wording is "Hostname mismatch".
    expect(seen.urllib3_2.error).toBe("Hostname mismatch, certificate is not valid for 'localhost'.");
  });

  it('the inspector, modelling that client, verifies it and says why in its findings', async () => {
    const r = await inspectText(['leaf-cn-only', 'intermediate', 'root'].map((id) => pki.get(id).pem).join(''), { now: Date.now(), hostname: 'localhost' });
    expect(r.verdict!.ok).toBe(true);
    expect(r.findings.map((f) => f.text).join(' ')).toContain('requests 2.28 (urllib3 1.26) accepts it with a SubjectAltNameWarning');
  });
});

describe('an expired certificate for the wrong host', () => {
  it(QUOTES.expiredWrongHost, async () => {
    const seen = await probe(['leaf-wrong-host-expired', 'intermediate']);
    // urllib3 1.26 lets OpenSSL check the chain in the handshake and compares names afterwards.
    expect(seen.requests.error).toContain('certificate verify failed: certificate has expired');
    // With the name checked inside OpenSSL (Python's ssl, urllib3 2.x), check_id runs before the dates.
    expect(seen.ssl.error).toBe("Hostname mismatch, certificate is not valid for 'localhost'.");
    expect(seen.urllib3_2.error).toBe("Hostname mismatch, certificate is not valid for 'localhost'.");
  });

  it('the chain model gives both orders: dates first without a host name, the name first with one', () => {
    const C = CATALOGUE;
    const without = verifyChain(C['leaf-wrong-host-expired'], [C.intermediate], [C.root], { now: Date.now(), purpose: 'sslserver' });
    const withName = verifyChain(C['leaf-wrong-host-expired'], [C.intermediate], [C.root], { now: Date.now(), purpose: 'sslserver', hostname: 'localhost' });
    expect(without.ok || without.code).toBe(10);
    expect(withName.ok || withName.code).toBe(62);
  });
});

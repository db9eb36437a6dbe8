/**
 * A client certificate the server rejects, under TLS 1.3 and under TLS 1.2, with requests 2.28: the
 * exception class differs because of when the server's verdict reaches the client. In TLS 1.2 the
 * server judges the client's certificate before its Finished message, so the alert ends the
 * handshake; in TLS 1.3 the client has finished its handshake and sent the request before the alert
 * arrives (RFC 8446 §2, figure 1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestPki, type Pki } from './pki.ts';
import { PYTHON, run, serveCertificates } from './servers.ts';
import { OPENSSL } from './pki.ts';
import { SERVER_CLIENT_CA } from '../../../src/sims/engines/tls/servers.ts';

/** Sentences of the verify-and-cert article this file measures. */
export const QUOTE = 'a rejected client certificate surfaces as a ConnectionError under TLS 1.3 but as an SSLError under TLS 1.2';
export const ENCRYPTED_KEY_QUOTE = 'urllib3 1.26 refuses an encrypted one before the handshake';

const CALL = `
import sys, requests
try:
    requests.get(sys.argv[1], verify=sys.argv[2], cert=(sys.argv[3], sys.argv[4]), timeout=10)
    print("no error")
except Exception as error:
    print(type(error).__module__ + "." + type(error).__qualname__, error)
`;

let dir: string;
let pki: Pki;
const closers: (() => Promise<void>)[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tls-client-cert-'));
  pki = buildTestPki(join(dir, 'pki'));
});
afterAll(async () => {
  for (const close of closers) await close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function rejected(maxVersion: 'TLSv1.2' | 'TLSv1.3'): Promise<string> {
  const server = await serveCertificates(pki, ['leaf', 'intermediate'], 'hello', pki.get(SERVER_CLIENT_CA).pem, maxVersion);
  closers.push(server.close);
  const stranger = pki.get('stranger-client');
  const result = await run(PYTHON, ['-c', CALL, `https://localhost:${server.port}/`, pki.bundle('root-only.pem', ['root']), stranger.cert, stranger.key]);
  return result.stdout.trim();
}

describe('a client certificate from a CA the server does not trust', () => {
  it(QUOTE, async () => {
    expect(await rejected('TLSv1.3')).toMatch(/^requests\.exceptions\.ConnectionError \('Connection aborted\.'/);
    const tls12 = await rejected('TLSv1.2');
    // Node's server closes the handshake; Python reports it inside the handshake, hence SSLError.
    expect(tls12).toMatch(/^requests\.exceptions\.SSLError .*Caused by SSLError/);
  });
});

describe('an encrypted key passed as its own file, in the cert tuple', () => {
  // Only the separate key file is measured: with the key inside a single cert file, OpenSSL would
  // prompt on the controlling terminal, which a test run from a terminal would wait on forever.
  it(ENCRYPTED_KEY_QUOTE, async () => {
    const server = await serveCertificates(pki, ['leaf', 'intermediate'], 'hello', pki.get(SERVER_CLIENT_CA).pem);
    closers.push(server.close);
    const client = pki.get('client');
    const encrypted = join(dir, 'client-encrypted.key');
    const made = await run(OPENSSL, ['pkey', '-in', client.key, '-aes256', '-passout', 'pass:secret', '-out', encrypted]);
    expect(made.code, made.stderr).toBe(0);
    const result = await run(PYTHON, ['-c', CALL, `https://localhost:${server.port}/`, pki.bundle('root-only.pem', ['root']), client.cert, encrypted], {
      input: '',
    });
    expect(result.stdout.trim()).toMatch(/^requests\.exceptions\.SSLError .*Client private key is encrypted, password is required/);
    // The control: the same key unencrypted is accepted, so the refusal is about the encryption.
    const plain = await run(PYTHON, ['-c', CALL, `https://localhost:${server.port}/`, pki.bundle('root-only.pem', ['root']), client.cert, client.key]);
    expect(plain.stdout.trim()).toBe('no error');
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { mulberry32, randomInt } from '../../kit/model.ts';
import { inspectFile, inspectText, ecdsaDerToRaw } from './inspector.ts';
import { MAX_INPUT_CHARS, decodeBase64, scanPem } from './pem.ts';

const pem = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures/pki', `${name}.pem`), 'utf8');
const NOW = Date.UTC(2026, 5, 1);
const opts = { now: NOW };

function derOf(text: string): Buffer {
  return Buffer.from(text.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

describe('inspector on a leaf without subjectAltName (requests 2.28 / urllib3 1.26 fall back to the CN)', () => {
  const chain = () => pem('leaf-cn-only') + pem('intermediate') + pem('root');

  it('verdict and findings agree when the host name is in the common name only', async () => {
    const r = await inspectText(chain(), { now: NOW, hostname: 'localhost' });
    expect(r.verdict!.ok).toBe(true);
    const text = r.findings.map((f) => f.text).join('\n');
    expect(text).toContain('localhost matches only through the common name');
    expect(text).toContain('SubjectAltNameWarning');
    // The old finding claimed Python ignores the CN while the verdict used it.
    expect(text).not.toMatch(/Python ignore/);
  });

  it('still reports a mismatch when the common name is another host', async () => {
    const r = await inspectText(chain(), { now: NOW, hostname: 'api.example.com' });
    expect(r.verdict!.ok || r.verdict!.code).toBe(62);
    expect(r.findings.map((f) => f.text).join('\n')).toContain('would still compare the host name with the common name');
  });
});

describe('inspector on a CA certificate sent first', () => {
  it('says a TLS client stops with error 26', async () => {
    const r = await inspectText(pem('intermediate') + pem('leaf') + pem('root'), opts);
    expect(r.findings.map((f) => f.text).join('\n')).toContain('error 26, unsuitable certificate purpose');
  });
});

describe('inspector on generated certificates', () => {
  it('reads subject, issuer, dates, SANs, key usage and key type of a server certificate', async () => {
    const {
      certificates: [leaf],
      problems,
    } = await inspectText(pem('leaf'), opts);
    expect(problems).toEqual([]);
    expect(leaf!.subjectDn).toBe('CN=localhost');
    expect(leaf!.issuerDn).toBe('CN=Mental Models Test Intermediate');
    expect(leaf!.notBefore).toBe('2025-01-01T00:00:00Z');
    expect(leaf!.notAfter).toBe('2045-01-01T00:00:00Z');
    expect(leaf!.facts.sans).toEqual(['localhost', '127.0.0.1']);
    expect(leaf!.keyUsage).toEqual(['digitalSignature']);
    expect(leaf!.extendedKeyUsage).toEqual(['serverAuth']);
    expect(leaf!.isCA).toBe(false);
    expect(leaf!.publicKey).toBe('EC P-256');
    expect(leaf!.signatureAlgorithm).toBe('ecdsa-with-SHA256');
  });

  it('computes SHA-256 and SHA-1 fingerprints of the DER bytes (checked with node:crypto)', async () => {
    const text = pem('root');
    const {
      certificates: [root],
    } = await inspectText(text, opts);
    const fp = (alg: string) => createHash(alg).update(derOf(text)).digest('hex').toUpperCase().match(/../g)!.join(':');
    expect(root!.sha256).toBe(fp('sha256'));
    expect(root!.sha1).toBe(fp('sha1'));
  });

  it('links each certificate to the pasted issuer whose key verifies its signature', async () => {
    const r = await inspectText(pem('leaf') + pem('intermediate') + pem('root'), opts);
    expect(r.certificates.map((c) => c.issuedBy)).toEqual([2, 3, null]);
    expect(r.certificates.every((c) => c.signatureChecked)).toBe(true);
    expect(r.verdict?.ok).toBe(true);
  });

  it("does not link a leaf to another CA's intermediate", async () => {
    const r = await inspectText(pem('leaf') + pem('other-intermediate'), opts);
    expect(r.certificates[0]!.issuedBy).toBeNull();
    expect(r.verdict && !r.verdict.ok && r.verdict.code).toBe(20);
  });

  it('diagnoses an expired leaf, a missing intermediate and a self-signed certificate', async () => {
    const expired = await inspectText(pem('leaf-expired') + pem('intermediate') + pem('root'), opts);
    expect(expired.verdict && !expired.verdict.ok && expired.verdict.message).toBe('certificate has expired');
    expect(expired.findings[0]!.text).toContain('expired on 2021-01-01');
    const missing = await inspectText(pem('leaf') + pem('root'), opts);
    expect(missing.verdict && !missing.verdict.ok && [missing.verdict.code, missing.verdict.depth]).toEqual([20, 0]);
    const self = await inspectText(pem('self-signed'), opts);
    // A lone self-signed paste is its own anchor, as with openssl verify -CAfile self.pem self.pem.
    expect(self.verdict?.ok).toBe(true);
  });

  it('reads a binary DER file as well as PEM text', async () => {
    const r = await inspectFile(new Uint8Array(derOf(pem('intermediate'))), opts);
    expect(r.certificates[0]!.subjectDn).toBe('CN=Mental Models Test Intermediate');
  });

  it('keeps hostile subject text as inert data', async () => {
    const r = await inspectText(pem('hostile-subject'), opts);
    expect(r.certificates[0]!.subjectDn).toBe('CN=<script>alert(1)</script>, O=<img src=x onerror=alert(2)>');
    expect(r.certificates[0]!.facts.sans).toEqual(['<b>bold</b>.example']);
  });
});

describe('inspector on bad input (fuzz)', () => {
  const good = pem('leaf') + pem('intermediate');

  async function survives(text: string) {
    const r = await inspectText(text, opts);
    expect(Array.isArray(r.problems)).toBe(true);
    for (const p of r.problems) expect(p.message.length).toBeLessThan(400);
    return r;
  }

  it('says what is wrong with empty, non-PEM and non-base64 text', async () => {
    expect((await survives('')).problems[0]!.message).toContain('Nothing to inspect');
    expect((await survives('hello world')).problems[0]!.message).toContain('No "-----BEGIN CERTIFICATE-----"');
    expect((await survives('-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----')).problems[0]!.message).toContain('not valid base64');
  });

  it('reports truncation at every cut point of a real chain without throwing', async () => {
    for (let cut = 0; cut < good.length; cut += 37) await survives(good.slice(0, cut));
    const r = await survives(good.slice(0, good.length - 40));
    expect(r.problems.some((p) => /truncated|END line/.test(p.message))).toBe(true);
  });

  it('rejects base64 junk that is not a certificate', async () => {
    const junk = Buffer.from('this is not ASN.1 at all, just words'.repeat(3)).toString('base64');
    const r = await survives(`-----BEGIN CERTIFICATE-----\n${junk}\n-----END CERTIFICATE-----`);
    expect(r.certificates).toEqual([]);
    expect(r.problems[0]!.message).toContain('does not decode to an X.509 certificate');
  });

  it('handles nested and mismatched markers', async () => {
    const nested = `-----BEGIN CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\n${pem('root').split('\n').slice(1).join('\n')}`;
    const r = await survives(nested);
    expect(r.certificates).toHaveLength(1);
    expect(r.problems[0]!.message).toMatch(/no END line before the next BEGIN|malformed/);
    const mismatched = await survives(pem('root').replace('END CERTIFICATE', 'END PRIVATE KEY'));
    expect(mismatched.problems[0]!.message).toContain('closed by END PRIVATE KEY');
  });

  it('ignores private keys with a warning and never decodes them', async () => {
    const r = await survives('-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n' + pem('root'));
    expect(r.certificates).toHaveLength(1);
    expect(r.problems[0]!.message).toContain('private key');
  });

  it('refuses input over the size cap before parsing it', async () => {
    const r = await survives('A'.repeat(MAX_INPUT_CHARS + 1));
    expect(r.problems[0]!.message).toContain('at most');
    expect(r.certificates).toEqual([]);
  });

  it('reads a large block of valid base64 that is not a certificate and says so', async () => {
    const r = await survives(`-----BEGIN CERTIFICATE-----\n${'MIIA'.repeat(45_000)}\n-----END CERTIFICATE-----`);
    expect(r.certificates).toEqual([]);
    expect(r.problems).toHaveLength(1);
    const zeros = await inspectFile(new Uint8Array(MAX_INPUT_CHARS + 1), opts);
    expect(zeros.problems[0]!.message).toContain('at most');
  });

  it('reads at most 12 blocks of a long paste', async () => {
    const r = await survives(pem('root').repeat(20));
    expect(r.certificates).toHaveLength(12);
    expect(r.problems.some((p) => p.message.includes('first 12'))).toBe(true);
  });

  it('stays linear on pathological marker soup just under the cap', async () => {
    const soup = '-----BEGIN '.repeat(Math.floor((MAX_INPUT_CHARS - 10) / 11));
    const scan = scanPem(soup);
    expect(scan.blocks).toEqual([]);
    expect(scan.problems.length).toBeGreaterThan(0);
    expect(scan.problems.length).toBeLessThanOrEqual(13);
  });

  it('survives 300 seeded random mutations of a real certificate', async () => {
    const random = mulberry32(2025);
    const der = derOf(pem('leaf'));
    for (let i = 0; i < 300; i++) {
      const bytes = Uint8Array.from(der);
      const flips = 1 + randomInt(random, 8);
      for (let f = 0; f < flips; f++) bytes[randomInt(random, bytes.length)] = randomInt(random, 256);
      const cut = random() < 0.3 ? randomInt(random, bytes.length) : bytes.length;
      const body = Buffer.from(bytes.subarray(0, cut)).toString('base64');
      await survives(`-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`);
      await inspectFile(bytes.subarray(0, cut), opts);
    }
  });

  it('decodes strict base64 only and converts ECDSA signatures defensively', () => {
    expect(decodeBase64('QUJD')).toEqual(new Uint8Array([65, 66, 67]));
    expect(decodeBase64('QUJ')).toBeNull();
    expect(decodeBase64('QU<>')).toBeNull();
    expect(ecdsaDerToRaw(new Uint8Array([0x30, 0x06, 0x02, 0x01, 0x05, 0x02, 0x01, 0x07]), 2)).toEqual(new Uint8Array([0, 5, 0, 7]));
    expect(ecdsaDerToRaw(new Uint8Array([0x30, 0x06, 0x02, 0x09, 0x05]), 2)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAPTURES } from './whoseFaultCaptures.ts';
import { classifyClientError, parseSClient, shortTranscript, whoseFault } from './whoseFault.ts';

const capture = (name: string) => readFileSync(join(import.meta.dirname, '../engines/tls/fixtures/s_client', `${name}.txt`), 'utf8');

describe('whose fault, on real s_client captures', () => {
  for (const c of CAPTURES) {
    it(`${c.name}: ${c.expectedSide} (${c.expectedVerdict})`, () => {
      const a = whoseFault(capture(c.name), c.pythonError);
      expect([a.side, a.verdictId]).toEqual([c.expectedSide, c.expectedVerdict]);
      expect(a.steps.length).toBeGreaterThanOrEqual(2);
      const short = readFileSync(join(import.meta.dirname, '../engines/tls/fixtures/s_client/short', `${c.name}.txt`), 'utf8');
      expect(short).toBe(shortTranscript(capture(c.name)));
      expect(whoseFault(short, c.pythonError).verdictId).toBe(c.expectedVerdict);
    });
  }

  it('reads the chain, the verify codes and the requested client CA names', () => {
    const f = parseSClient(capture('missing-intermediate'));
    expect(f.chain).toEqual([{ subject: 'localhost', issuer: 'Mental Models Test Intermediate' }]);
    expect(f.verifyErrors.map((e) => e.code)).toEqual([20, 21]);
    expect(f.returnCode).toEqual({ code: 21, text: 'unable to verify the first certificate' });
    expect(parseSClient(capture('client-cert-required')).clientCaNames).toEqual(['Mental Models Client CA']);
    expect(parseSClient(capture('client-cert-required')).alert).toBe('certificate required');
  });
});

describe('whose fault, when "certificate has expired" is the client\'s', () => {
  it('blames the client for an expired root from its own store, found at a depth the server did not send', () => {
    const f = parseSClient(capture('expired-root-in-store'));
    expect(f.chain.map((c) => c.subject)).toEqual(['localhost', 'Mental Models Test Intermediate']);
    expect(f.verifyErrors[0]).toMatchObject({ code: 10, depth: 2, subject: 'Mental Models Test Root' });
    const a = whoseFault(capture('expired-root-in-store'), CAPTURES.find((c) => c.name === 'expired-root-in-store')!.pythonError);
    expect([a.side, a.verdictId]).toEqual(['client', 'expired-root-in-store']);
  });

  it('still blames the server for an expired leaf it sent', () => {
    expect(parseSClient(capture('expired')).verifyErrors[0]).toMatchObject({ code: 10, depth: 0, subject: 'localhost' });
    expect(whoseFault(capture('expired'), '').side).toBe('server');
  });

  it("blames the client for a sent root too: trusted-first building uses the store's copy", () => {
    const sentRoot = capture('expired-root-in-store').replace(
      ' 1 s:CN = Mental Models Test Intermediate',
      ' 2 s:CN = Mental Models Test Root\n   i:CN = Mental Models Test Root\n 1 s:CN = Mental Models Test Intermediate',
    );
    expect(whoseFault(sentRoot, '').side).toBe('client');
  });

  it("points at the client's bundle or clock when openssl is happy but Python says expired", () => {
    const a = whoseFault(capture('valid'), 'certificate verify failed: certificate has expired (_ssl.c:992)');
    expect(a.side).toBe('client');
    expect(a.fix).toContain('wrong clock');
  });
});

describe('whose fault, on other input', () => {
  it('blames the network when nothing answered', () => {
    const a = whoseFault('140:error:connect:errno=111\nconnect:errno=111', 'requests.exceptions.ConnectionError: ... Connection refused');
    expect([a.side, a.verdictId]).toEqual(['network', 'unreachable']);
  });

  it('classifies client error messages', () => {
    expect(classifyClientError('certificate verify failed: certificate has expired (_ssl.c:992)').kind).toBe('verify-failed');
    expect(classifyClientError("CertificateError(\"hostname 'a' doesn't match 'b'\")").kind).toBe('hostname');
    expect(classifyClientError("ConnectionError(ProtocolError('Connection aborted.', ConnectionResetError(104)))").kind).toBe('connection-aborted');
    expect(classifyClientError('').kind).toBe('none');
  });

  it('answers "not enough to decide" for junk, huge or hostile text without throwing', () => {
    for (const text of ['', '<script>alert(1)</script>', 'x'.repeat(500_000), '\u0000\uffff'.repeat(1000), ' 0 s:'.repeat(10_000)]) {
      const a = whoseFault(text, text);
      expect(['unknown', 'network']).toContain(a.side);
    }
  });
});

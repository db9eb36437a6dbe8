import { describe, expect, it } from 'vitest';
import { SITUATIONS } from '../engines/tls/servers.ts';
import { CERT_OPTIONS, INSECURE_WARNING, VERIFY_OPTIONS, pythonCall, trustCheck } from './trustCheck.ts';

const E = { host: 'localhost', port: 443, now: Date.UTC(2026, 5, 1) };

describe('trust check', () => {
  it('with verify=False never raises a verification error and always warns', () => {
    for (const s of SITUATIONS)
      for (const c of CERT_OPTIONS) {
        const r = trustCheck('false', c, s, E);
        expect(r.outcome.warnings).toEqual([INSECURE_WARNING]);
        if (r.outcome.kind === 'error') expect(r.outcome.message).not.toContain('CERTIFICATE_VERIFY_FAILED');
      }
  });

  it('a valid server with the default bundle succeeds without warnings', () => {
    expect(trustCheck('true', 'none', 'valid', E).outcome).toEqual({ kind: 'success', status: 200, warnings: [] });
  });

  it('a man in the middle is refused whenever verification is on, and accepted silently-but-warned when off', () => {
    for (const v of ['true', 'bundle'] as const) expect(trustCheck(v, 'none', 'mitm', E).outcome.kind).toBe('error');
    expect(trustCheck('false', 'none', 'mitm', E).outcome.kind).toBe('warning');
  });

  it('a bundle path replaces the defaults: the valid public server fails, the pinned dev server passes', () => {
    const valid = trustCheck('bundle', 'none', 'valid', E).outcome;
    expect(valid.kind === 'error' && valid.message).toContain('unable to get local issuer certificate');
    expect(trustCheck('bundle', 'none', 'self-signed', E).outcome.kind).toBe('success');
  });

  it('mutual TLS fails without cert= even when verify=False, and succeeds with it', () => {
    const missing = trustCheck('false', 'none', 'client-cert-required', E).outcome;
    expect(missing.kind === 'error' && missing.message).toContain('TLSV13_ALERT_CERTIFICATE_REQUIRED');
    expect(trustCheck('true', 'client', 'client-cert-required', E).outcome.kind).toBe('success');
  });

  it('a client certificate from a CA the server does not trust ends in ConnectionError, not SSLError', () => {
    const r = trustCheck('true', 'stranger', 'client-cert-required', E).outcome;
    expect(r.kind === 'error' && r.exception).toBe('requests.exceptions.ConnectionError');
    // Servers that do not ask never see the certificate.
    expect(trustCheck('true', 'stranger', 'valid', E).outcome.kind).toBe('success');
  });

  it('reports a host name mismatch the way urllib3 1.26 words it', () => {
    const r = trustCheck('true', 'none', 'wrong-host', E).outcome;
    expect(r.kind === 'error' && r.message).toContain(`CertificateError("hostname 'localhost' doesn't match 'api.example.net'")`);
  });

  it('the request for a client certificate comes before the server certificates, the answer only after the chain passed (RFC 8446 section 4.3.2)', () => {
    const titles = (v: (typeof VERIFY_OPTIONS)[number], c: (typeof CERT_OPTIONS)[number]) =>
      trustCheck(v, c, 'client-cert-required', E).steps.map((s) => `${s.title}: ${s.state}`);
    expect(titles('true', 'client')).toEqual([
      'Server asks for a client certificate: ok',
      'Server sends its certificates: ok',
      'Client checks the chain: ok',
      'Client sends its certificate: ok',
      'Client checks the host name: ok',
      'Server judges the client: ok',
      'Request and response: ok',
    ]);
    // The bundle holds only the dev certificate: the chain fails, so the client never answers the request.
    expect(titles('bundle', 'client')).toEqual([
      'Server asks for a client certificate: ok',
      'Server sends its certificates: ok',
      'Client checks the chain: fail',
    ]);
    expect(titles('true', 'none')).toContain('Client sends its certificate: warn');
    // A server that does not ask: nothing is sent, whatever cert= says.
    expect(trustCheck('true', 'client', 'valid', E).steps.map((s) => s.title)).not.toContain('Client sends its certificate');
  });

  it('every combination ends in exactly one outcome after at most seven steps', () => {
    for (const v of VERIFY_OPTIONS)
      for (const c of CERT_OPTIONS)
        for (const s of SITUATIONS) {
          const r = trustCheck(v, c, s, E);
          expect(r.steps.length).toBeGreaterThan(1);
          expect(r.steps.length).toBeLessThanOrEqual(7);
          expect(['success', 'warning', 'error']).toContain(r.outcome.kind);
        }
  });

  it('shows the Python call that produces the outcome', () => {
    expect(pythonCall('bundle', 'client')).toBe("requests.get('https://localhost/', verify='dev-server.pem', cert=('client.pem', 'client.key'))");
    expect(pythonCall('false', 'none', 'https://localhost:8443/')).toBe("requests.get('https://localhost:8443/', verify=False)");
  });
});

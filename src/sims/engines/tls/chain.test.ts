import { describe, expect, it } from 'vitest';
import { CATALOGUE } from './catalogue.ts';
import { allowsPurpose, matchesHost, verifyChain, type CertFacts, type Purpose } from './chain.ts';

const C = CATALOGUE;
const NOW = Date.UTC(2026, 5, 1);

function code(target: CertFacts, untrusted: CertFacts[], trusted: CertFacts[], hostname?: string, purpose?: Purpose) {
  const v = verifyChain(target, untrusted, trusted, { now: NOW, ...(hostname ? { hostname } : {}), ...(purpose ? { purpose } : {}) });
  return v.ok ? 'ok' : `${v.code}@${v.depth}`;
}

describe('verifyChain follows OpenSSL 3 x509_vfy.c', () => {
  it('verifies leaf -> intermediate -> trusted root and returns the chain leaf first', () => {
    const v = verifyChain(C.leaf, [C.intermediate], [C.root], { now: NOW });
    expect(v.ok && v.chain.map((c) => c.id)).toEqual(['leaf', 'intermediate', 'root']);
  });

  it('ignores the order of the extra certificates and unrelated extras', () => {
    expect(code(C.leaf, [C['other-intermediate'], C.root, C.intermediate], [C.root])).toBe('ok');
  });

  it('reports error 20 at the depth where the issuer is missing', () => {
    expect(code(C.leaf, [], [C.root])).toBe('20@0');
    expect(code(C.leaf, [C.intermediate], [])).toBe('20@1');
    expect(code(C.leaf, [C['other-intermediate']], [C['other-root']])).toBe('20@0');
  });

  it('reports error 2 for a trusted intermediate whose root is absent (no partial chains by default)', () => {
    expect(code(C.leaf, [], [C.intermediate])).toBe('2@1');
  });

  it('tells a self-signed leaf (18) from a self-signed root in the chain (19)', () => {
    expect(code(C['self-signed'], [], [C.root])).toBe('18@0');
    expect(code(C['mitm-leaf'], [C['mitm-root']], [C.root])).toBe('19@1');
    expect(code(C['self-signed'], [], [C['self-signed']])).toBe('ok');
  });

  it('checks dates from the root down, so an expired root hides an expired leaf', () => {
    expect(code(C['leaf-expired'], [C.intermediate], [C.root])).toBe('10@0');
    expect(code(C['leaf-expired'], [C['intermediate-expired']], [C.root])).toBe('10@1');
    expect(code(C['leaf-expired'], [C['intermediate-expired']], [C['root-expired']])).toBe('10@2');
  });

  it('prefers a trusted issuer over the copy the server sent (trusted first)', () => {
    // The server sends a valid root; the store's expired copy of it is the one that counts.
    expect(code(C.leaf, [C.intermediate, C.root], [C['root-expired']])).toBe('10@2');
  });

  it('checks the host name before the dates, as check_id runs before internal_verify', () => {
    expect(code(C['leaf-wrong-host'], [C.intermediate], [C['root-expired']], 'localhost')).toBe('62@0');
  });

  it('as a TLS client (purpose sslserver), rejects a CA certificate in the leaf position with 26 before the name check', () => {
    // openssl verify without -purpose accepts the intermediate as a target; a TLS client does not.
    expect(code(C.intermediate, [C.leaf], [C.root], 'localhost')).toBe('62@0');
    expect(code(C.intermediate, [C.leaf], [C.root], 'localhost', 'sslserver')).toBe('26@0');
    expect(code(C['intermediate-expired'], [C.leaf], [C.root], 'localhost', 'sslserver')).toBe('26@0');
  });

  it('checks the purpose only once the chain is built: a missing issuer still reports 20', () => {
    expect(code(C.intermediate, [C.leaf], [], 'localhost', 'sslserver')).toBe('20@0');
  });

  it('tells a server certificate from a client certificate by extendedKeyUsage', () => {
    expect(code(C.client, [], [C['client-ca']], undefined, 'sslserver')).toBe('26@0');
    expect(code(C.client, [], [C['client-ca']], undefined, 'sslclient')).toBe('ok');
    expect(code(C.leaf, [C.intermediate], [C.root], 'localhost', 'sslserver')).toBe('ok');
    expect(code(C.leaf, [C.intermediate], [C.root], undefined, 'sslclient')).toBe('26@0');
  });

  it('lets a certificate without keyUsage or extendedKeyUsage serve any purpose, as OpenSSL does', () => {
    const bare: CertFacts = { ...C.leaf, keyUsage: undefined, extendedKeyUsage: undefined } as CertFacts;
    delete (bare as { keyUsage?: unknown }).keyUsage;
    delete (bare as { extendedKeyUsage?: unknown }).extendedKeyUsage;
    expect(allowsPurpose(bare, 'sslserver', false)).toBe(true);
    expect(allowsPurpose({ ...bare, keyUsage: ['keyCertSign'] }, 'sslserver', false)).toBe(false);
    expect(allowsPurpose({ ...bare, keyUsage: ['keyAgreement'] }, 'sslserver', false)).toBe(true);
    expect(allowsPurpose(C.intermediate, 'sslserver', true)).toBe(true);
    expect(allowsPurpose({ ...C.intermediate, extendedKeyUsage: ['clientAuth'] }, 'sslserver', true)).toBe(false);
  });

  it('reports 9 for a certificate that is not valid yet', () => {
    const future = { ...C.leaf, id: 'future', notBefore: NOW + 86_400_000 };
    expect(code(future, [C.intermediate], [C.root])).toBe('9@0');
  });

  it('reports 24 when a non-CA certificate acts as an issuer', () => {
    const fakeCa = { ...C.intermediate, id: 'fake', isCA: false };
    expect(code(C.leaf, [fakeCa], [C.root])).toBe('24@1');
  });

  it('terminates on an issuer loop', () => {
    const a: CertFacts = { ...C.intermediate, id: 'a', subject: 'A', issuer: 'B', keyId: 'ka', signerKeyId: 'kb' };
    const b: CertFacts = { ...C.intermediate, id: 'b', subject: 'B', issuer: 'A', keyId: 'kb', signerKeyId: 'ka' };
    expect(code(a, [b, a], [])).toBe('20@1');
  });
});

describe('matchesHost (RFC 6125 as OpenSSL applies it)', () => {
  const withSans = (sans: string[]): CertFacts => ({ ...C.leaf, sans });
  it('matches exact names case-insensitively and a wildcard over exactly one label', () => {
    expect(matchesHost(withSans(['API.example.com']), 'api.example.com')).toBe(true);
    expect(matchesHost(withSans(['*.example.com']), 'api.example.com')).toBe(true);
    expect(matchesHost(withSans(['*.example.com']), 'a.b.example.com')).toBe(false);
    expect(matchesHost(withSans(['*.example.com']), 'example.com')).toBe(false);
  });
  it('uses the common name only when there are no SANs', () => {
    expect(matchesHost({ ...C.leaf, subject: 'localhost', sans: [] }, 'localhost')).toBe(true);
    expect(matchesHost({ ...C.leaf, subject: 'localhost', sans: ['other'] }, 'localhost')).toBe(false);
  });
});

/**
 * The inspector against OpenSSL on the generated chains: its verdict equals `openssl verify` with the
 * pasted self-signed certificates as the CA file and the others as untrusted, and the fields it shows
 * equal what `openssl x509` prints. Also checks that the catalogue the models reason about describes
 * the certificates that were really generated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildTestPki, OPENSSL, type Pki } from './pki.ts';
import { opensslVerify } from './opensslVerify.ts';
import { run } from './servers.ts';
import { inspectText } from '../../../src/sims/engines/tls/inspector.ts';
import { isSelfSigned } from '../../../src/sims/engines/tls/chain.ts';
import { CATALOGUE, type CatalogueId } from '../../../src/sims/engines/tls/catalogue.ts';

let dir: string;
let pki: Pki;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tls-inspect-'));
  pki = buildTestPki(join(dir, 'pki'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const PASTES: { ids: CatalogueId[]; hostname?: string }[] = [
  { ids: ['leaf', 'intermediate', 'root'] },
  { ids: ['leaf', 'intermediate', 'root'], hostname: 'localhost' },
  { ids: ['leaf', 'intermediate'] },
  { ids: ['leaf'] },
  { ids: ['leaf', 'root'] },
  { ids: ['intermediate', 'leaf', 'root'] },
  { ids: ['leaf', 'root', 'intermediate'] },
  { ids: ['leaf-expired', 'intermediate', 'root'] },
  { ids: ['leaf', 'intermediate-expired', 'root'] },
  { ids: ['leaf', 'intermediate', 'root-expired'] },
  { ids: ['leaf-expired', 'intermediate-expired', 'root-expired'] },
  { ids: ['leaf-wrong-host', 'intermediate', 'root'], hostname: 'localhost' },
  { ids: ['leaf', 'other-intermediate', 'other-root'] },
  { ids: ['self-signed'] },
  { ids: ['self-signed', 'root'] },
  { ids: ['mitm-leaf', 'mitm-root'] },
  { ids: ['mitm-leaf'] },
  { ids: ['client', 'client-ca'] },
  { ids: ['root'] },
];

describe('inspector vs openssl', () => {
  it(`gives openssl verify's verdict on ${PASTES.length} pasted chains`, async () => {
    for (const [i, paste] of PASTES.entries()) {
      const text = paste.ids.map((id) => pki.get(id).pem).join('');
      const r = await inspectText(text, { now: Date.now(), ...(paste.hostname ? { hostname: paste.hostname } : {}) });
      expect(r.problems).toEqual([]);
      const roots = r.certificates.filter((c) => isSelfSigned(c.facts)).map((c) => paste.ids[c.position - 1]!);
      const others = paste.ids.slice(1).filter((id) => !roots.includes(id));
      const real = await opensslVerify(
        dir,
        `p${i}`,
        [pki.get(paste.ids[0]!).pem, ...others.map((id) => pki.get(id).pem)],
        roots.map((id) => pki.get(id).pem),
        paste.hostname,
      );
      const model = r.verdict!;
      const label = paste.ids.join(',');
      expect(model.ok ? { ok: true } : { ok: false, code: model.code, depth: model.depth, message: model.message }, label).toEqual(real);
    }
  });

  it('shows the fields openssl x509 prints, for every generated certificate', async () => {
    for (const [name, issued] of pki.certs) {
      const {
        certificates: [c],
      } = await inspectText(issued.pem, { now: Date.now() });
      const out = (
        await run(OPENSSL, [
          'x509',
          '-in',
          issued.cert,
          '-noout',
          '-subject',
          '-issuer',
          '-enddate',
          '-fingerprint',
          '-sha256',
          '-ext',
          'subjectAltName,keyUsage',
          '-nameopt',
          'RFC2253',
        ])
      ).stdout;
      expect(out, name).toContain(`subject=${c!.subjectDn.replace(', ', ',')}`);
      expect(out, name).toContain(`issuer=${c!.issuerDn}`);
      expect(out, name).toContain(`sha256 Fingerprint=${c!.sha256}`);
      const notAfter = new Date(out.match(/notAfter=(.*)/)![1]!).getTime();
      expect(c!.facts.notAfter, name).toBe(notAfter);
      for (const san of c!.facts.sans) expect(out, name).toMatch(new RegExp(`(DNS|IP Address):${san.replace(/\./g, '\\.')}`));
      if (c!.keyUsage.includes('keyCertSign')) expect(out, name).toContain('Certificate Sign');
      if (c!.keyUsage.includes('digitalSignature')) expect(out, name).toContain('Digital Signature');
    }
  });

  it('finds that the catalogue the models use describes the generated certificates', async () => {
    const keyOf = new Map<string, string>();
    for (const [name, issued] of pki.certs) {
      const {
        certificates: [c],
      } = await inspectText(issued.pem, { now: Date.now() });
      const model = CATALOGUE[name as CatalogueId];
      expect(model, name).toBeDefined();
      const f = c!.facts;
      // keyUsage and extendedKeyUsage decide the purpose check (error 26), so they are facts too.
      expect(
        {
          subject: f.subject,
          issuer: f.issuer,
          isCA: f.isCA,
          sans: f.sans,
          notBefore: f.notBefore,
          notAfter: f.notAfter,
          keyUsage: f.keyUsage,
          extendedKeyUsage: f.extendedKeyUsage,
        },
        name,
      ).toEqual({
        subject: model.subject,
        issuer: model.issuer,
        isCA: model.isCA,
        sans: model.sans,
        notBefore: model.notBefore,
        notAfter: model.notAfter,
        keyUsage: 'keyUsage' in model ? model.keyUsage : undefined,
        extendedKeyUsage: 'extendedKeyUsage' in model ? model.extendedKeyUsage : undefined,
      });
      // Same key in the model means the same real key (the expired twins share their sibling's key).
      const seen = keyOf.get(model.keyId);
      if (seen) expect(c!.facts.keyId, name).toBe(seen);
      else keyOf.set(model.keyId, c!.facts.keyId);
    }
    expect(pki.certs.size).toBe(Object.keys(CATALOGUE).length);
  });
});

/**
 * How a TLS client decides whether to believe a certificate: build a chain from the server's
 * certificate up to an anchor it already trusts, then check that chain. The steps and the error codes
 * follow OpenSSL 3 (`crypto/x509/x509_vfy.c`), which is what Python's `ssl`, and so `requests`, uses:
 *
 * 1. build_chain: issuers are looked up in the trust store first ("trusted first", the default since
 *    OpenSSL 1.1.0), then among the extra certificates the server sent, in any order;
 * 2. check_extensions: every issuer must be a CA and, when the caller names a purpose, each
 *    certificate must allow it (check_purpose). A TLS client always names one: libssl's
 *    ssl_verify_cert_chain sets "ssl_server" (`openssl verify -purpose sslserver`), so a CA
 *    certificate sent in the leaf's place fails here, with error 26, before any name check;
 * 3. check_id: the host name, when the caller asked for it (openssl verify -verify_hostname);
 * 4. internal_verify: validity dates, from the anchor down to the leaf, so the first error reported is
 *    the one nearest the root.
 *
 * The first failure stops verification, as with OpenSSL's default callback.
 */

/** What the verifier needs to know about one certificate. Dates are milliseconds since the epoch. */
export interface CertFacts {
  /** A stable handle (file name, card id). */
  id: string;
  subject: string;
  issuer: string;
  /** Identity of the certificate's own public key. */
  keyId: string;
  /** Identity of the key that signed it; equal to keyId for a self-signed certificate. */
  signerKeyId: string | null;
  notBefore: number;
  notAfter: number;
  isCA: boolean;
  /** DNS names and IP addresses from the subjectAltName extension. */
  sans: string[];
  /** keyUsage bits by OpenSSL's short names (`digitalSignature`, `keyCertSign`); absent: no extension. */
  keyUsage?: readonly string[];
  /** extendedKeyUsage purposes (`serverAuth`, `clientAuth`); absent: no extension. */
  extendedKeyUsage?: readonly string[];
}

/** OpenSSL's X509_V_ERR codes that these articles meet, with OpenSSL 3's wording. */
export const VERIFY_ERRORS = {
  2: 'unable to get issuer certificate',
  9: 'certificate is not yet valid',
  10: 'certificate has expired',
  18: 'self-signed certificate',
  19: 'self-signed certificate in certificate chain',
  20: 'unable to get local issuer certificate',
  24: 'invalid CA certificate',
  26: 'unsuitable certificate purpose',
  62: 'hostname mismatch',
} as const;

export type VerifyErrorCode = keyof typeof VERIFY_ERRORS;

export type Verdict =
  { ok: true; chain: CertFacts[] } | { ok: false; code: VerifyErrorCode; message: string; depth: number; cert: CertFacts; chain: CertFacts[] };

/** What the certificate is for, as `openssl verify -purpose` names it. */
export type Purpose = 'sslserver' | 'sslclient';

export interface VerifyOptions {
  now: number;
  /** Check every certificate against this purpose, as a TLS client (sslserver) or server (sslclient) does. */
  purpose?: Purpose;
  /** Check the leaf against this host name, as `-verify_hostname` does. Omitted: no name check. */
  hostname?: string;
}

export function isSelfSigned(c: CertFacts): boolean {
  return c.subject === c.issuer && c.signerKeyId === c.keyId;
}

/** `parent` issued `child`: the names chain and parent's key made the signature. */
export function issued(parent: CertFacts, child: CertFacts): boolean {
  return parent.subject === child.issuer && child.signerKeyId !== null && child.signerKeyId === parent.keyId;
}

function inTime(c: CertFacts, now: number): boolean {
  return c.notBefore <= now && now <= c.notAfter;
}

/** Among candidates, OpenSSL prefers an issuer that is currently valid, else the first one found. */
function findIssuer(child: CertFacts, candidates: readonly CertFacts[], now: number, exclude: readonly CertFacts[]): CertFacts | undefined {
  const found = candidates.filter((c) => issued(c, child) && !exclude.includes(c));
  return found.find((c) => inTime(c, now)) ?? found[0];
}

function fail(code: VerifyErrorCode, depth: number, chain: CertFacts[]): Verdict {
  return { ok: false, code, message: VERIFY_ERRORS[code], depth, cert: chain[depth]!, chain };
}

const PURPOSE_EKU: Record<Purpose, string> = { sslserver: 'serverAuth', sslclient: 'clientAuth' };
/** Key usages that let a leaf do its part of the handshake (v3_purp.c, check_purpose_ssl_server/_client). */
const PURPOSE_KU: Record<Purpose, readonly string[]> = {
  sslserver: ['digitalSignature', 'keyEncipherment', 'keyAgreement'],
  sslclient: ['digitalSignature', 'keyAgreement'],
};

/**
 * OpenSSL 3's X509_check_purpose for the two TLS purposes: an extendedKeyUsage, if present, must list
 * the purpose (for CAs too); a CA must be a CA; a leaf's keyUsage, if present, must allow signing or
 * key agreement. (Netscape cert types and the SGC purposes are left out: nothing here carries them.)
 */
export function allowsPurpose(c: CertFacts, purpose: Purpose, asIssuer: boolean): boolean {
  if (c.extendedKeyUsage && !c.extendedKeyUsage.includes(PURPOSE_EKU[purpose])) return false;
  if (asIssuer) return c.isCA;
  return !c.keyUsage || c.keyUsage.some((u) => PURPOSE_KU[purpose].includes(u));
}

/** RFC 6125 matching as OpenSSL does it: SANs if any, else the common name; `*.` covers one label. */
export function matchesHost(c: CertFacts, hostname: string): boolean {
  const host = hostname.toLowerCase();
  const names = c.sans.length > 0 ? c.sans : [c.subject];
  return names.some((raw) => {
    const name = raw.toLowerCase();
    if (name === host) return true;
    if (name.startsWith('*.')) {
      const dot = host.indexOf('.');
      return dot > 0 && host.slice(dot + 1) === name.slice(2);
    }
    return false;
  });
}

/**
 * Verifies `target` given the extra certificates sent with it (`untrusted`, any order) and the
 * client's trust anchors (`trusted`).
 */
export function verifyChain(target: CertFacts, untrusted: readonly CertFacts[], trusted: readonly CertFacts[], options: VerifyOptions): Verdict {
  const { now } = options;
  const chain: CertFacts[] = [target];
  let anchored = false;
  // A bounded walk: a chain can never be longer than all the certificates on offer.
  const limit = 1 + untrusted.length + trusted.length;
  while (chain.length <= limit) {
    const top = chain[chain.length - 1]!;
    if (isSelfSigned(top)) {
      // A self-signed certificate is trusted only if the store holds it (same name, same key);
      // the store's copy is the one whose dates count.
      const twin = anchored ? top : trusted.find((t) => t.subject === top.subject && t.keyId === top.keyId);
      if (twin) {
        chain[chain.length - 1] = twin;
        anchored = true;
      }
      break;
    }
    const fromStore = findIssuer(top, trusted, now, chain);
    if (fromStore) {
      chain.push(fromStore);
      anchored = true;
      continue;
    }
    // Once the chain has reached the store, OpenSSL keeps looking only there.
    if (anchored) break;
    const fromPeer = findIssuer(top, untrusted, now, chain);
    if (!fromPeer) break;
    chain.push(fromPeer);
  }
  const depth = chain.length - 1;
  const top = chain[depth]!;
  if (!anchored) {
    if (isSelfSigned(top)) return fail(depth === 0 ? 18 : 19, depth, chain);
    return fail(20, depth, chain);
  }
  if (!isSelfSigned(top)) return fail(2, depth, chain);

  // check_extensions walks up from the leaf: role first, then purpose, certificate by certificate.
  for (let d = 0; d < chain.length; d++) {
    if (d > 0 && !chain[d]!.isCA) return fail(24, d, chain);
    if (options.purpose && !allowsPurpose(chain[d]!, options.purpose, d > 0)) return fail(26, d, chain);
  }
  if (options.hostname !== undefined && !matchesHost(target, options.hostname)) return fail(62, 0, chain);
  for (let d = depth; d >= 0; d--) {
    const c = chain[d]!;
    if (now < c.notBefore) return fail(9, d, chain);
    if (now > c.notAfter) return fail(10, d, chain);
  }
  return { ok: true, chain };
}

/**
 * The certificate inspector: pasted PEM (or a loaded PEM/DER file) in, a plain-data report out.
 * X.509 is decoded by PeculiarVentures' ASN.1 schemas (the parser under @peculiar/x509), signatures
 * and fingerprints are computed with WebCrypto, and the chain verdict is `verifyChain`, treating the
 * self-signed certificates in the paste as the trust anchors:
 * `openssl verify -CAfile <pasted roots> -untrusted <the others> <first>`.
 * Nothing leaves the browser, and nothing in the report is markup: the view renders it as text.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  BasicConstraints,
  Certificate,
  ExtendedKeyUsage,
  KeyUsage,
  KeyUsageFlags,
  Name,
  SubjectAlternativeName,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectAltName,
} from '@peculiar/asn1-x509';
import { MAX_CERTIFICATES, MAX_INPUT_CHARS, scanPem, type PemProblem } from './pem.ts';
import { formatNumber } from '../../kit/model.ts';
import { allowsPurpose, issued, isSelfSigned, matchesHost, verifyChain, type CertFacts, type Verdict } from './chain.ts';

export interface InspectedCertificate {
  facts: CertFacts;
  /** 1-based position in the input. */
  position: number;
  subjectDn: string;
  issuerDn: string;
  serial: string;
  notBefore: string;
  notAfter: string;
  isCA: boolean;
  keyUsage: string[];
  extendedKeyUsage: string[];
  publicKey: string;
  signatureAlgorithm: string;
  sha256: string;
  sha1: string;
  /** Whether the signature was checked against a pasted issuer's key (null: issuer not pasted or algorithm unsupported). */
  signatureChecked: boolean | null;
  /** Position of the pasted certificate that issued this one, if any. */
  issuedBy: number | null;
}

export interface Finding {
  level: 'ok' | 'warn' | 'bad' | 'info';
  text: string;
}

export interface Inspection {
  certificates: InspectedCertificate[];
  problems: PemProblem[];
  verdict: Verdict | null;
  findings: Finding[];
}

const ATTRIBUTE_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.5': 'serialNumber',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.25': 'DC',
};

const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};

/** Signature algorithms WebCrypto can check, by OID. */
const SIGNATURES: Record<string, { name: string; hash: string; kind: 'ecdsa' | 'rsa' | 'ed25519' }> = {
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', hash: 'SHA-256', kind: 'ecdsa' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', hash: 'SHA-384', kind: 'ecdsa' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', hash: 'SHA-512', kind: 'ecdsa' },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', hash: 'SHA-256', kind: 'rsa' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', hash: 'SHA-384', kind: 'rsa' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', hash: 'SHA-512', kind: 'rsa' },
  '1.3.101.112': { name: 'Ed25519', hash: '', kind: 'ed25519' },
};
const OTHER_SIGNATURES: Record<string, string> = { '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption', '1.2.840.113549.1.1.10': 'RSASSA-PSS' };

/** Named curves by the hex of their DER-encoded OID (the SPKI algorithm parameters). */
const CURVES: Record<string, { curve: string; bytes: number }> = {
  '06082a8648ce3d030107': { curve: 'P-256', bytes: 32 },
  '06052b81040022': { curve: 'P-384', bytes: 48 },
  '06052b81040023': { curve: 'P-521', bytes: 66 },
};
const KEY_TYPES: Record<string, string> = { '1.2.840.10045.2.1': 'EC', '1.2.840.113549.1.1.1': 'RSA', '1.3.101.112': 'Ed25519' };

function hex(bytes: ArrayBuffer | Uint8Array, separator = ''): string {
  return Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join(separator);
}

export function formatName(name: Name): string {
  return name.map((rdn) => rdn.map((atv) => `${ATTRIBUTE_NAMES[atv.type] ?? atv.type}=${atv.value.toString()}`).join('+')).join(', ');
}

/** The common name, or the whole DN when there is none: what the chain logic compares. */
function nameKey(name: Name): string {
  const cn = name.flatMap((rdn) => rdn).find((atv) => atv.type === '2.5.4.3');
  return cn ? cn.value.toString() : formatName(name);
}

function extension<T>(cert: Certificate, oid: string, type: new () => T): T | null {
  const ext = cert.tbsCertificate.extensions?.find((e) => e.extnID === oid);
  if (!ext) return null;
  return AsnConvert.parse(ext.extnValue, type);
}

/** DER ECDSA-Sig-Value (SEQUENCE of two INTEGERs) to the fixed-size r||s WebCrypto wants. */
export function ecdsaDerToRaw(der: Uint8Array, size: number): Uint8Array<ArrayBuffer> | null {
  let at = 0;
  const readLength = (): number | null => {
    const first = der[at++];
    if (first === undefined) return null;
    if (first < 0x80) return first;
    const count = first & 0x7f;
    if (count === 0 || count > 2) return null;
    let length = 0;
    for (let i = 0; i < count; i++) {
      const b = der[at++];
      if (b === undefined) return null;
      length = (length << 8) | b;
    }
    return length;
  };
  if (der[at++] !== 0x30 || readLength() === null) return null;
  const out = new Uint8Array(size * 2);
  for (let part = 0; part < 2; part++) {
    if (der[at++] !== 0x02) return null;
    const length = readLength();
    if (length === null || at + length > der.length) return null;
    let value = der.subarray(at, at + length);
    at += length;
    while (value.length > size && value[0] === 0) value = value.subarray(1);
    if (value.length > size) return null;
    out.set(value, part * size + (size - value.length));
  }
  return out;
}

type Bytes = Uint8Array<ArrayBuffer>;

interface Decoded {
  position: number;
  der: Bytes;
  cert: Certificate;
  spki: Bytes;
}

async function importKey(issuer: Decoded, algorithm: (typeof SIGNATURES)[string]): Promise<CryptoKey | null> {
  const spki = issuer.cert.tbsCertificate.subjectPublicKeyInfo;
  const keyType = KEY_TYPES[spki.algorithm.algorithm];
  try {
    if (algorithm.kind === 'ecdsa' && keyType === 'EC') {
      const curve = spki.algorithm.parameters ? CURVES[hex(spki.algorithm.parameters)] : undefined;
      if (!curve) return null;
      return await crypto.subtle.importKey('spki', issuer.spki, { name: 'ECDSA', namedCurve: curve.curve }, false, ['verify']);
    }
    if (algorithm.kind === 'rsa' && keyType === 'RSA')
      return await crypto.subtle.importKey('spki', issuer.spki, { name: 'RSASSA-PKCS1-v1_5', hash: algorithm.hash }, false, ['verify']);
    if (algorithm.kind === 'ed25519' && keyType === 'Ed25519')
      return await crypto.subtle.importKey('spki', issuer.spki, { name: 'Ed25519' }, false, ['verify']);
  } catch {
    return null;
  }
  return null;
}

/** Did `issuer`'s key sign `child`? null when the algorithm or key cannot be checked here. */
async function signedBy(child: Decoded, issuer: Decoded): Promise<boolean | null> {
  const algorithm = SIGNATURES[child.cert.signatureAlgorithm.algorithm];
  const tbs = child.cert.tbsCertificateRaw;
  if (!algorithm || !tbs) return null;
  const key = await importKey(issuer, algorithm);
  if (!key) return null;
  let signature: Bytes = new Uint8Array(child.cert.signatureValue);
  if (algorithm.kind === 'ecdsa') {
    const curve = CURVES[hex(issuer.cert.tbsCertificate.subjectPublicKeyInfo.algorithm.parameters ?? new ArrayBuffer(0))]!;
    const raw = ecdsaDerToRaw(signature, curve.bytes);
    if (!raw) return false;
    signature = raw;
  }
  const params = algorithm.kind === 'ecdsa' ? { name: 'ECDSA', hash: algorithm.hash } : { name: key.algorithm.name };
  try {
    return await crypto.subtle.verify(params, key, signature, tbs);
  } catch {
    return false;
  }
}

function decode(position: number, der: Bytes): Decoded | string {
  try {
    const cert = AsnConvert.parse(der, Certificate);
    if (!cert.tbsCertificate?.subjectPublicKeyInfo || !cert.tbsCertificate.validity) return `Certificate ${position} is incomplete.`;
    const spki = new Uint8Array(AsnConvert.serialize(cert.tbsCertificate.subjectPublicKeyInfo));
    return { position, der, cert, spki };
  } catch {
    return `Certificate ${position} is base64 that does not decode to an X.509 certificate (damaged, truncated, or another kind of file).`;
  }
}

const KEY_USAGE_ORDER: [KeyUsageFlags, string][] = [
  [KeyUsageFlags.digitalSignature, 'digitalSignature'],
  [KeyUsageFlags.nonRepudiation, 'nonRepudiation'],
  [KeyUsageFlags.keyEncipherment, 'keyEncipherment'],
  [KeyUsageFlags.dataEncipherment, 'dataEncipherment'],
  [KeyUsageFlags.keyAgreement, 'keyAgreement'],
  [KeyUsageFlags.keyCertSign, 'keyCertSign'],
  [KeyUsageFlags.cRLSign, 'cRLSign'],
  [KeyUsageFlags.encipherOnly, 'encipherOnly'],
  [KeyUsageFlags.decipherOnly, 'decipherOnly'],
];

function describeKey(d: Decoded): string {
  const spki = d.cert.tbsCertificate.subjectPublicKeyInfo;
  const type = KEY_TYPES[spki.algorithm.algorithm] ?? spki.algorithm.algorithm;
  if (type === 'EC') return `EC ${spki.algorithm.parameters ? (CURVES[hex(spki.algorithm.parameters)]?.curve ?? 'unknown curve') : ''}`.trim();
  if (type === 'RSA') return `RSA ${Math.max(0, (spki.subjectPublicKey.byteLength - 38) * 8)}-bit (approx.)`;
  return type;
}

function isoDay(ms: number): string {
  return Number.isFinite(ms) ? new Date(ms).toISOString().replace('.000Z', 'Z') : 'invalid date';
}

/** Builds the facts and findings from the decoded certificates, `now` being the checking time. */
export async function inspectText(text: string, options: { now: number; hostname?: string }): Promise<Inspection> {
  const scan = scanPem(text);
  return inspectBlocks(
    scan.blocks.map((b) => ({ index: b.index, der: b.der })),
    scan.problems,
    options,
  );
}

/** A loaded file: PEM text, or one binary DER certificate. */
export async function inspectFile(bytes: Bytes, options: { now: number; hostname?: string }): Promise<Inspection> {
  if (bytes.length > MAX_INPUT_CHARS) {
    return {
      certificates: [],
      problems: [{ index: 0, message: `The file is ${formatNumber(bytes.length)} bytes; the inspector reads at most ${formatNumber(MAX_INPUT_CHARS)}.` }],
      verdict: null,
      findings: [],
    };
  }
  if (bytes[0] === 0x30) return inspectBlocks([{ index: 1, der: bytes }], [], options);
  return inspectText(new TextDecoder('utf-8', { fatal: false }).decode(bytes), options);
}

async function inspectBlocks(
  blocks: { index: number; der: Bytes }[],
  problems: PemProblem[],
  options: { now: number; hostname?: string },
): Promise<Inspection> {
  const decoded: Decoded[] = [];
  for (const block of blocks.slice(0, MAX_CERTIFICATES)) {
    const d = decode(block.index, block.der);
    if (typeof d === 'string') problems.push({ index: block.index, message: d });
    else decoded.push(d);
  }
  const keyIds = await Promise.all(decoded.map(async (d) => hex(await crypto.subtle.digest('SHA-256', d.spki))));
  const certificates: InspectedCertificate[] = [];
  for (const [i, d] of decoded.entries()) {
    const tbs = d.cert.tbsCertificate;
    const subject = nameKey(tbs.subject);
    const issuer = nameKey(tbs.issuer);
    // Which pasted certificate (itself included) made this signature? Only name-matching candidates.
    let signerKeyId: string | null = null;
    let signatureChecked: boolean | null = null;
    let issuedBy: number | null = null;
    for (const [j, candidate] of decoded.entries()) {
      if (nameKey(candidate.cert.tbsCertificate.subject) !== issuer) continue;
      const ok = await signedBy(d, candidate);
      if (ok) {
        signerKeyId = keyIds[j]!;
        signatureChecked = true;
        if (j !== i) issuedBy = candidate.position;
        break;
      }
      if (ok === false) signatureChecked = false;
    }
    const basic = safe(() => extension(d.cert, id_ce_basicConstraints, BasicConstraints));
    const san = safe(() => extension(d.cert, id_ce_subjectAltName, SubjectAlternativeName)) ?? [];
    const ku = safe(() => extension(d.cert, id_ce_keyUsage, KeyUsage));
    const ekuExtension = safe(() => extension(d.cert, id_ce_extKeyUsage, ExtendedKeyUsage));
    const eku = (ekuExtension ?? []).map((oid) => EKU_NAMES[oid] ?? oid);
    const keyUsage = ku ? KEY_USAGE_ORDER.filter(([flag]) => (ku.toNumber() & flag) !== 0).map(([, n]) => n) : [];
    const sans = san.flatMap((g) => (g.dNSName !== undefined ? [g.dNSName] : g.iPAddress !== undefined ? [g.iPAddress] : []));
    const notBefore = tbs.validity.notBefore.getTime().getTime();
    const notAfter = tbs.validity.notAfter.getTime().getTime();
    const [sha256, sha1] = await Promise.all(['SHA-256', 'SHA-1'].map(async (h) => hex(await crypto.subtle.digest(h, d.der), ':').toUpperCase()));
    const algorithmOid = d.cert.signatureAlgorithm.algorithm;
    certificates.push({
      facts: {
        id: `#${d.position}`,
        subject,
        issuer,
        keyId: keyIds[i]!,
        signerKeyId,
        notBefore,
        notAfter,
        isCA: basic?.cA ?? false,
        sans,
        // An absent extension allows every use; an empty one allows none: keep the difference.
        ...(ku ? { keyUsage } : {}),
        ...(ekuExtension ? { extendedKeyUsage: eku } : {}),
      },
      position: d.position,
      subjectDn: formatName(tbs.subject),
      issuerDn: formatName(tbs.issuer),
      serial: hex(tbs.serialNumber, ':').toUpperCase(),
      notBefore: isoDay(notBefore),
      notAfter: isoDay(notAfter),
      isCA: basic?.cA ?? false,
      keyUsage,
      extendedKeyUsage: eku,
      publicKey: describeKey(d),
      signatureAlgorithm: SIGNATURES[algorithmOid]?.name ?? OTHER_SIGNATURES[algorithmOid] ?? algorithmOid,
      sha256: sha256!,
      sha1: sha1!,
      signatureChecked: signerKeyId ? true : signatureChecked,
      issuedBy,
    });
  }
  const verdict = certificates.length
    ? verifyChain(
        certificates[0]!.facts,
        certificates
          .slice(1)
          .filter((c) => !isSelfSigned(c.facts))
          .map((c) => c.facts),
        certificates.filter((c) => isSelfSigned(c.facts)).map((c) => c.facts),
        { now: options.now, ...(options.hostname ? { hostname: options.hostname } : {}) },
      )
    : null;
  return { certificates, problems, verdict, findings: diagnose(certificates, verdict, options) };
}

function safe<T>(read: () => T): T | null {
  try {
    return read();
  } catch {
    return null;
  }
}

/**
 * A leaf without subjectAltName. The verdict above falls back to the common name, as OpenSSL's
 * X509_check_host, Python 3.11's ssl module and urllib3 1.26 (so requests 2.28, the client these
 * articles test) all do; browsers and urllib3 2.x do not (tests/integration/tls/hostname.test.ts).
 */
function noSanFinding(leaf: CertFacts, hostname: string | undefined): string {
  const matched = hostname !== undefined && matchesHost(leaf, hostname);
  const now = matched
    ? `${hostname} matches only through the common name: requests 2.28 (urllib3 1.26) accepts it with a SubjectAltNameWarning, as openssl verify does`
    : 'requests 2.28 (urllib3 1.26) and openssl verify would still compare the host name with the common name';
  return `The leaf has no subjectAltName. ${now}; browsers and urllib3 2.x ignore the common name, so for them no host name matches. Reissue it with a subjectAltName.`;
}

/** What a person debugging this chain should hear, most important first. */
export function diagnose(certs: InspectedCertificate[], verdict: Verdict | null, options: { now: number; hostname?: string }): Finding[] {
  const findings: Finding[] = [];
  if (!certs.length || !verdict) return findings;
  const first = certs[0]!;
  const roots = certs.filter((c) => isSelfSigned(c.facts));
  if (verdict.ok) {
    findings.push({
      level: 'ok',
      text: `The chain verifies up to "${verdict.chain[verdict.chain.length - 1]!.subject}", treating the pasted root as trusted. A client must have that root in its own store.`,
    });
  } else {
    const at = verdict.cert;
    const texts: Record<number, string> = {
      2: `"${at.subject}" is the top of the chain but is not a root: its issuer "${at.issuer}" is missing.`,
      9: `"${at.subject}" is not valid until ${isoDay(at.notBefore)}.`,
      10: `"${at.subject}" expired on ${isoDay(at.notAfter)}.`,
      18: `The certificate signed itself. Only a client that has this exact certificate in its trust store will accept it.`,
      19: `The chain ends at the self-signed "${at.subject}", which is not trusted.`,
      20: roots.length
        ? `"${at.subject}" was issued by "${at.issuer}", which is not in the paste. If the server sends exactly this, clients will fail with "unable to get local issuer certificate".`
        : verdict.depth > 0
          ? `No root in the paste: the chain stops at "${at.subject}", issued by "${at.issuer}". That is normal for what a server sends; a client succeeds only if "${at.issuer}" is in its trust store.`
          : certs.length > 1
            ? `"${at.subject}" was issued by "${at.issuer}", and none of the other pasted certificates is that issuer: the intermediate is wrong or missing.`
            : `Only one certificate, issued by "${at.issuer}". If this is all the server sends, every client that lacks "${at.issuer}" fails: the server must send its intermediate too.`,
      24: `"${at.subject}" acts as an issuer but is not a CA certificate.`,
      62: `The certificate does not cover ${options.hostname ?? 'the host name'}; it names ${at.sans.join(', ') || at.subject}.`,
    };
    findings.push({
      level: verdict.code === 20 && !roots.length ? 'warn' : 'bad',
      text: `openssl verify would say: ${verdict.message}. ${texts[verdict.code]}`,
    });
  }
  for (const c of certs) {
    if (options.now > c.facts.notAfter && !(!verdict.ok && verdict.code === 10 && verdict.cert === c.facts))
      findings.push({ level: 'bad', text: `Certificate ${c.position} ("${c.facts.subject}") expired on ${c.notAfter}.` });
    else if (c.facts.notAfter - options.now < 30 * 86_400_000 && options.now <= c.facts.notAfter)
      findings.push({ level: 'warn', text: `Certificate ${c.position} ("${c.facts.subject}") expires within 30 days, on ${c.notAfter}.` });
    if (c.signatureChecked === false && c.issuedBy === null)
      findings.push({
        level: 'bad',
        text: `Certificate ${c.position}: a pasted certificate has the issuer's name but its key did not make this signature (an impostor or a re-keyed CA).`,
      });
  }
  if (first.isCA) {
    const refused = !allowsPurpose(first.facts, 'sslserver', false)
      ? ' A TLS client checks it for serving TLS (purpose sslserver) and stops with error 26, unsuitable certificate purpose, before any name check.'
      : '';
    findings.push({ level: 'warn', text: `The first certificate is a CA certificate. A server must send its own (leaf) certificate first.${refused}` });
  } else if (first.facts.sans.length === 0) findings.push({ level: 'warn', text: noSanFinding(first.facts, options.hostname) });
  // Each certificate should be followed by its issuer (RFC 5246 7.4.2; TLS 1.3 tolerates any order).
  for (let i = 0; i + 1 < certs.length; i++) {
    const next = certs[i + 1]!;
    if (!isSelfSigned(certs[i]!.facts) && !issued(next.facts, certs[i]!.facts) && certs.some((c) => issued(c.facts, certs[i]!.facts))) {
      findings.push({
        level: 'info',
        text: `Certificate ${i + 1}'s issuer is in the paste but not right after it. OpenSSL and browsers reorder, some older clients do not.`,
      });
      break;
    }
  }
  if (roots.length && certs.length > 1 && roots.includes(certs[certs.length - 1]!))
    findings.push({ level: 'info', text: 'The paste includes the root. Servers need not send it: clients only trust roots they already have.' });
  return findings;
}

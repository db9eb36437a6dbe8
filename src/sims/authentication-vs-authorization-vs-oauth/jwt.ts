/**
 * The JWT inspector: reads a pasted token as untrusted data, shows what it claims, and checks the
 * signature with WebCrypto (HS256, RS256, ES256; RFC 7518 section 3). Decoding never needs a key:
 * a JWT is signed, not encrypted. The verdict rules follow what maintained libraries do (jose):
 * the signature first, then `exp` (expired when exp <= now) and `nbf` (not yet valid when nbf > now).
 */
import { base64url } from './samples/pkce.ts';

/** Real tokens are a few hundred bytes to a few kilobytes; anything larger is refused unread. */
export const MAX_TOKEN_CHARS = 16_384;
export const MAX_KEY_CHARS = 16_384;

export const ALGORITHMS = ['HS256', 'RS256', 'ES256'] as const;

/**
 * Why this tool lets the header choose the algorithm while the article says never to: it inspects, it admits
 * nothing. Shown beside the inspector so the two do not seem to disagree.
 */
export const ALGORITHM_NOTE =
  'The inspector checks the signature with the algorithm the header names, because it is here to show any token, not to let one in. A server that accepts tokens fixes its algorithms in advance and never asks the token.';
export type Algorithm = (typeof ALGORITHMS)[number];

export type JsonObject = Record<string, unknown>;

export interface DecodedJwt {
  header: JsonObject;
  payload: JsonObject;
  signingInput: string;
  signature: Uint8Array<ArrayBuffer>;
}

export type Decoding = { ok: true; jwt: DecodedJwt } | { ok: false; problem: string };

export type Verdict =
  'valid' | 'expired' | 'not-yet-valid' | 'bad-signature' | 'alg-none' | 'unsupported-alg' | 'bad-claims' | 'bad-key' | 'no-key' | 'malformed';

export interface TimeClaim {
  name: 'iat' | 'nbf' | 'exp';
  seconds: number;
  /** UTC date and time, or why it is not one. */
  utc: string;
  /** "in 5 minutes", "3 hours ago". */
  relative: string;
}

export interface Inspection {
  verdict: Verdict;
  /** One sentence for the reader, plain text. */
  message: string;
  jwt?: DecodedJwt;
  times: TimeClaim[];
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function base64urlDecode(text: string): Uint8Array<ArrayBuffer> | undefined {
  // A length of 1 modulo 4 cannot come from any byte string.
  if (!BASE64URL.test(text) || text.length % 4 === 1) return undefined;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** base64url of a value's JSON: how a JWS header or payload is written. */
export function base64urlJson(value: unknown): string {
  return base64url(new TextEncoder().encode(JSON.stringify(value)));
}

/** "2025-11-10 09:00:00 UTC", or why the number is no date. */
export function formatUtc(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? 'outside the range of dates' : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

function jsonObjectFrom(part: string, name: string): { ok: true; value: JsonObject } | { ok: false; problem: string } {
  const bytes = base64urlDecode(part);
  if (!bytes) return { ok: false, problem: `The ${name} is not base64url (only A-Z, a-z, 0-9, - and _ are allowed).` };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: `The ${name} does not decode to UTF-8 text.` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: `The ${name} is not valid JSON.` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: `The ${name} must be a JSON object.` };
  }
  return { ok: true, value: value as JsonObject };
}

/** Splits and decodes a compact JWS. Reading it needs no key: anyone holding a JWT can read it. */
export function decodeJwt(input: string): Decoding {
  if (input.length > MAX_TOKEN_CHARS) return { ok: false, problem: `That is longer than ${MAX_TOKEN_CHARS} characters; real tokens are far shorter.` };
  const token = input.trim();
  if (token === '') return { ok: false, problem: 'Paste a token: three base64url parts separated by dots.' };
  const parts = token.split('.');
  if (parts.length === 5) return { ok: false, problem: 'Five parts: an encrypted token (JWE). It cannot be read without the decryption key.' };
  if (parts.length !== 3) return { ok: false, problem: `A JWT has three parts separated by dots; this has ${parts.length}.` };
  const [h = '', p = '', s = ''] = parts;
  const header = jsonObjectFrom(h, 'header');
  if (!header.ok) return header;
  const payload = jsonObjectFrom(p, 'payload');
  if (!payload.ok) return payload;
  const signature = base64urlDecode(s);
  if (!signature) return { ok: false, problem: 'The signature is not base64url.' };
  return { ok: true, jwt: { header: header.value, payload: payload.value, signingInput: `${h}.${p}`, signature } };
}

function relativeTime(deltaSeconds: number): string {
  const units: [number, string][] = [
    [86_400 * 365, 'year'],
    [86_400, 'day'],
    [3600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ];
  const size = Math.abs(deltaSeconds);
  if (size < 1) return 'now';
  const [unit, name] = units.find(([u]) => size >= u) ?? [1, 'second'];
  const count = Math.floor(size / unit);
  const phrase = `${count} ${name}${count === 1 ? '' : 's'}`;
  return deltaSeconds > 0 ? `in ${phrase}` : `${phrase} ago`;
}

/** iat, nbf and exp in human time. Claims that are not numbers are skipped here and judged by the verdict. */
export function timeClaims(payload: JsonObject, nowSeconds: number): TimeClaim[] {
  const claims: TimeClaim[] = [];
  for (const name of ['iat', 'nbf', 'exp'] as const) {
    const seconds = payload[name];
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) continue;
    const utc = formatUtc(seconds);
    claims.push({ name, seconds, utc, relative: utc.endsWith('UTC') ? relativeTime(seconds - nowSeconds) : '' });
  }
  return claims;
}

const PEM = /^-----BEGIN ([A-Z ]+)-----([\sA-Za-z0-9+/=]+)-----END \1-----$/;

/** Looks like a public key (PEM or JWK) rather than a shared secret. */
export function looksLikePublicKey(keyText: string): boolean {
  const text = keyText.trim();
  return text.startsWith('-----BEGIN') || (text.startsWith('{') && /"kty"\s*:\s*"(RSA|EC)"/.test(text));
}

type KeyResult = { ok: true; key: CryptoKey } | { ok: false; problem: string };

const IMPORT: Record<Exclude<Algorithm, 'HS256'>, RsaHashedImportParams | EcKeyImportParams> = {
  RS256: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
};

async function importVerifyKey(alg: Algorithm, keyText: string): Promise<KeyResult> {
  const text = keyText.trim();
  if (alg === 'HS256') {
    if (looksLikePublicKey(text)) {
      return {
        ok: false,
        problem: 'HS256 needs the shared secret, and this is a public key. Accepting a public key as an HMAC secret is the classic algorithm-confusion attack.',
      };
    }
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(keyText), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    return { ok: true, key };
  }
  try {
    if (text.startsWith('{')) {
      const jwk = JSON.parse(text) as JsonWebKey;
      return { ok: true, key: await crypto.subtle.importKey('jwk', { ...jwk, key_ops: ['verify'] }, IMPORT[alg], false, ['verify']) };
    }
    const pem = PEM.exec(text);
    if (!pem) return { ok: false, problem: `${alg} needs a public key: a PEM block (BEGIN PUBLIC KEY) or a JWK.` };
    if (pem[1] !== 'PUBLIC KEY') return { ok: false, problem: `This is a "${pem[1]}" block; paste the SubjectPublicKeyInfo form, BEGIN PUBLIC KEY.` };
    const der = base64urlDecode((pem[2] ?? '').replace(/\s+/g, '').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
    if (!der) return { ok: false, problem: 'The PEM body is not base64.' };
    return { ok: true, key: await crypto.subtle.importKey('spki', der, IMPORT[alg], false, ['verify']) };
  } catch {
    return { ok: false, problem: `That key cannot be used for ${alg} (wrong key type, curve or format).` };
  }
}

async function signatureVerifies(alg: Algorithm, key: CryptoKey, jwt: DecodedJwt): Promise<boolean> {
  const data = new TextEncoder().encode(jwt.signingInput);
  if (alg === 'HS256') return crypto.subtle.verify('HMAC', key, jwt.signature, data);
  if (alg === 'RS256') return crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, jwt.signature, data);
  // JWS carries ECDSA signatures as r || s, 32 bytes each for P-256, which is what WebCrypto expects.
  if (jwt.signature.length !== 64) return false;
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, jwt.signature, data);
}

const NUMERIC_DATE = (v: unknown) => v === undefined || (typeof v === 'number' && Number.isFinite(v));

/** Decodes, verifies and judges a pasted token at `nowSeconds` (Unix time). Never throws. */
export async function inspectJwt(tokenText: string, keyText: string, nowSeconds: number): Promise<Inspection> {
  const decoding = decodeJwt(String(tokenText));
  if (!decoding.ok) return { verdict: 'malformed', message: decoding.problem, times: [] };
  const { jwt } = decoding;
  const times = timeClaims(jwt.payload, nowSeconds);
  const seen = { jwt, times };
  const alg = jwt.header.alg;
  if (typeof alg === 'string' && alg.toLowerCase() === 'none') {
    return {
      verdict: 'alg-none',
      message:
        'Rejected: "alg": "none" means no signature at all, so anyone could have written this. The verifier decides which algorithms it accepts; the token does not.',
      ...seen,
    };
  }
  if (!ALGORITHMS.includes(alg as Algorithm)) {
    return {
      verdict: 'unsupported-alg',
      message: `This inspector checks HS256, RS256 and ES256; the header says ${JSON.stringify(alg)?.slice(0, 40) ?? 'nothing'}.`,
      ...seen,
    };
  }
  if (keyText.length > MAX_KEY_CHARS) return { verdict: 'bad-key', message: `Keys longer than ${MAX_KEY_CHARS} characters are refused.`, ...seen };
  if (keyText.trim() === '') {
    return { verdict: 'no-key', message: 'Decoded, but not verified: without the key, these claims are just claims.', ...seen };
  }
  const key = await importVerifyKey(alg as Algorithm, keyText);
  if (!key.ok) return { verdict: 'bad-key', message: key.problem, ...seen };
  if (!(await signatureVerifies(alg as Algorithm, key.key, jwt))) {
    return { verdict: 'bad-signature', message: 'The signature does not match: either the key is wrong or someone changed the header or payload.', ...seen };
  }
  const { iat, exp, nbf } = jwt.payload;
  if (![iat, exp, nbf].every(NUMERIC_DATE)) {
    return { verdict: 'bad-claims', message: 'iat, nbf and exp must be numbers of seconds since 1970.', ...seen };
  }
  // Whole seconds, as NumericDate is compared by libraries; nbf is judged before exp, as jose does.
  const now = Math.floor(nowSeconds);
  if (typeof nbf === 'number' && nbf > now) {
    return { verdict: 'not-yet-valid', message: 'The signature is genuine, but the token is not valid yet (nbf is in the future).', ...seen };
  }
  if (typeof exp === 'number' && exp <= now) {
    return { verdict: 'expired', message: 'The signature is genuine, but the token has expired: refuse it (401, invalid_token).', ...seen };
  }
  return {
    verdict: 'valid',
    message: 'Signature verified and within its validity period. A server would still check iss, aud and the scope.',
    ...seen,
  };
}

/** Signs claims with HS256, so the inspector can offer fresh example tokens. */
export async function signHs256(payload: JsonObject, secret: string): Promise<string> {
  const signingInput = `${base64urlJson({ alg: 'HS256', typ: 'JWT' })}.${base64urlJson(payload)}`;
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(signingInput));
  return `${signingInput}.${base64url(new Uint8Array(signature))}`;
}

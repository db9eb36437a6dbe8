import { beforeAll, describe, expect, it } from 'vitest';
import { EncryptJWT, errors, exportJWK, exportSPKI, generateKeyPair, jwtVerify, SignJWT, UnsecuredJWT, type CryptoKey } from 'jose';
import { mulberry32, randomInt } from '../kit/model.ts';
import { ALGORITHM_NOTE, base64urlDecode, base64urlJson, decodeJwt, inspectJwt, MAX_TOKEN_CHARS, signHs256, timeClaims, type Verdict } from './jwt.ts';
import { base64url } from './samples/pkce.ts';

const NOW = 1_762_765_200; // 2025-11-10 09:00:00 UTC
const SECRET = 'a shared secret that is long enough for HS256';
const OTHER_SECRET = 'a different secret of the same kind, also long';

interface KeySet {
  alg: 'HS256' | 'RS256' | 'ES256';
  sign: CryptoKey | Uint8Array;
  /** What a reader pastes to verify: the secret, a PEM public key or a JWK. */
  verifyText: string;
  verifyKey: CryptoKey | Uint8Array;
  wrongText: string;
}

const keySets: KeySet[] = [];

beforeAll(async () => {
  const encoder = new TextEncoder();
  keySets.push({ alg: 'HS256', sign: encoder.encode(SECRET), verifyText: SECRET, verifyKey: encoder.encode(SECRET), wrongText: OTHER_SECRET });
  for (const alg of ['RS256', 'ES256'] as const) {
    const pair = await generateKeyPair(alg, { extractable: true });
    const other = await generateKeyPair(alg, { extractable: true });
    keySets.push({
      alg,
      sign: pair.privateKey,
      verifyText: await exportSPKI(pair.publicKey),
      verifyKey: pair.publicKey,
      wrongText: await exportSPKI(other.publicKey),
    });
    keySets.push({
      alg,
      sign: pair.privateKey,
      verifyText: JSON.stringify(await exportJWK(pair.publicKey)),
      verifyKey: pair.publicKey,
      wrongText: JSON.stringify(await exportJWK(other.publicKey)),
    });
  }
});

function claims(kind: string) {
  const base = { sub: 'alice', scope: 'photos:read', iat: NOW - 60 };
  if (kind === 'expired') return { ...base, exp: NOW - 1 };
  if (kind === 'expires-now') return { ...base, exp: NOW };
  if (kind === 'not-yet-valid') return { ...base, nbf: NOW + 300, exp: NOW + 3600 };
  return { ...base, exp: NOW + 3600 };
}

async function joseVerdict(token: string, key: CryptoKey | Uint8Array): Promise<Verdict | 'rejected'> {
  try {
    await jwtVerify(token, key, { currentDate: new Date(NOW * 1000) });
    return 'valid';
  } catch (error) {
    if (error instanceof errors.JWTExpired) return 'expired';
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'nbf') return 'not-yet-valid';
    if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
    return 'rejected';
  }
}

function tamperPayload(token: string): string {
  const [h, p, s] = token.split('.');
  const payload = JSON.parse(new TextDecoder().decode(base64urlDecode(p ?? ''))) as Record<string, unknown>;
  const forged = base64urlJson({ ...payload, scope: 'photos:read photos:write' });
  return `${h}.${forged}.${s}`;
}

describe('the inspector agrees with jose on generated tokens', () => {
  const kinds = ['valid', 'expired', 'expires-now', 'not-yet-valid'] as const;
  for (const kind of kinds) {
    it(`${kind} tokens, for HS256, RS256 (PEM and JWK) and ES256 (PEM and JWK)`, async () => {
      for (const set of keySets) {
        const token = await new SignJWT(claims(kind)).setProtectedHeader({ alg: set.alg, typ: 'JWT' }).sign(set.sign);
        const ours = await inspectJwt(token, set.verifyText, NOW);
        const theirs = await joseVerdict(token, set.verifyKey);
        expect([set.alg, ours.verdict]).toEqual([set.alg, theirs]);
      }
    });
  }

  it('the expected verdicts are the ones jose gives (so agreement is not agreement on nothing)', async () => {
    const set = keySets[0]!;
    const verdicts = [];
    for (const kind of kinds)
      verdicts.push(await joseVerdict(await new SignJWT(claims(kind)).setProtectedHeader({ alg: 'HS256' }).sign(set.sign), set.verifyKey));
    expect(verdicts).toEqual(['valid', 'expired', 'expired', 'not-yet-valid']);
  });

  it('a wrong key fails the signature for every algorithm', async () => {
    for (const set of keySets) {
      const token = await new SignJWT(claims('valid')).setProtectedHeader({ alg: set.alg }).sign(set.sign);
      expect((await inspectJwt(token, set.wrongText, NOW)).verdict).toBe('bad-signature');
    }
  });

  it('a tampered payload fails the signature, for us and for jose', async () => {
    for (const set of keySets) {
      const token = tamperPayload(await new SignJWT(claims('valid')).setProtectedHeader({ alg: set.alg }).sign(set.sign));
      expect(await joseVerdict(token, set.verifyKey)).toBe('bad-signature');
      expect((await inspectJwt(token, set.verifyText, NOW)).verdict).toBe('bad-signature');
    }
  });

  it('alg none is rejected by both, whatever key is pasted', async () => {
    const token = new UnsecuredJWT(claims('valid')).encode();
    expect(await joseVerdict(token, new TextEncoder().encode(SECRET))).toBe('rejected');
    for (const key of ['', SECRET]) {
      const ours = await inspectJwt(token, key, NOW);
      expect(ours.verdict).toBe('alg-none');
      expect(ours.message).toMatch(/no signature/);
    }
    // Spelling games do not get around it.
    const [, payload] = token.split('.');
    const shouted = `${base64url(new TextEncoder().encode('{"alg":"NoNe"}'))}.${payload}.`;
    expect((await inspectJwt(shouted, SECRET, NOW)).verdict).toBe('alg-none');
  });

  it('refuses a public key offered as an HS256 secret (algorithm confusion)', async () => {
    const rsa = keySets.find((s) => s.alg === 'RS256')!;
    const forged = await new SignJWT(claims('valid')).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(rsa.verifyText));
    expect((await inspectJwt(forged, rsa.verifyText, NOW)).verdict).toBe('bad-key');
  });

  it('an ES256 key is no RS256 key', async () => {
    const es = keySets.find((s) => s.alg === 'ES256')!;
    const rs = keySets.find((s) => s.alg === 'RS256')!;
    const token = await new SignJWT(claims('valid')).setProtectedHeader({ alg: 'RS256' }).sign(rs.sign);
    expect((await inspectJwt(token, es.verifyText, NOW)).verdict).toBe('bad-key');
  });

  it('HS256 tokens it signs verify with jose', async () => {
    const token = await signHs256(claims('valid'), SECRET);
    expect(await joseVerdict(token, new TextEncoder().encode(SECRET))).toBe('valid');
  });
});

describe('reading a token', () => {
  it('decodes header and claims without any key, since a JWT is signed and not encrypted', async () => {
    const token = await signHs256({ sub: 'alice', name: 'Alice' }, SECRET);
    const decoded = decodeJwt(token);
    expect(decoded.ok && decoded.jwt.payload).toEqual({ sub: 'alice', name: 'Alice' });
    expect((await inspectJwt(token, '', NOW)).verdict).toBe('no-key');
  });

  it('shows iat, nbf and exp in UTC and relative to now', () => {
    const times = timeClaims({ iat: NOW - 7200, nbf: NOW + 90, exp: NOW + 86_400 * 2 }, NOW);
    expect(times.map((t) => [t.name, t.utc, t.relative])).toEqual([
      ['iat', '2025-11-10 07:00:00 UTC', '2 hours ago'],
      ['nbf', '2025-11-10 09:01:30 UTC', 'in 1 minute'],
      ['exp', '2025-11-12 09:00:00 UTC', 'in 2 days'],
    ]);
  });

  it('gives a date outside the calendar a message instead of NaN', () => {
    const [exp] = timeClaims({ exp: 1e300 }, NOW);
    expect(exp?.utc).toBe('outside the range of dates');
  });

  it('rejects exp that is not a number, as jose does', async () => {
    const token = await signHs256({ sub: 'alice', exp: 'tomorrow' }, SECRET);
    expect((await inspectJwt(token, SECRET, NOW)).verdict).toBe('bad-claims');
    expect(await joseVerdict(token, new TextEncoder().encode(SECRET))).toBe('rejected');
  });
});

describe('pasted text is untrusted', () => {
  const malformed: [string, RegExp][] = [
    ['', /Paste a token/],
    ['not a token', /three parts/],
    ['a.b.c.d.e', /encrypted/],
    ['@@@.e30.', /header is not base64url/],
    ['e30.e30.A', /signature/],
    [`${base64url(new TextEncoder().encode('{"alg":'))}.e30.`, /header is not valid JSON/],
    [`${base64url(new TextEncoder().encode('[1,2]'))}.e30.`, /must be a JSON object/],
    [`e30.${base64url(new Uint8Array([0xff, 0xfe]))}.`, /UTF-8/],
    ['x'.repeat(MAX_TOKEN_CHARS + 1), /longer than/],
  ];
  for (const [input, message] of malformed) {
    it(`explains ${JSON.stringify(input.slice(0, 24))}${input.length > 24 ? '…' : ''}`, async () => {
      const result = await inspectJwt(input, SECRET, NOW);
      expect(result.verdict).toBe('malformed');
      expect(result.message).toMatch(message);
    });
  }

  it('keeps markup in claims as data', async () => {
    const token = await signHs256({ name: '<img src=x onerror=alert(1)>' }, SECRET);
    const result = await inspectJwt(token, SECRET, NOW);
    expect(result.jwt?.payload.name).toBe('<img src=x onerror=alert(1)>');
  });

  it('survives 2,000 fuzzed inputs: mutated tokens, random bytes, odd keys; never throws, always explains', async () => {
    const random = mulberry32(20251110);
    const seedToken = await signHs256({ sub: 'alice', exp: NOW + 60 }, SECRET);
    const alphabet = 'AZaz09-_.=+/ {}"\\\u0000\u00ff\ud83d';
    const verdicts = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      let input: string;
      if (i % 2 === 0) {
        const chars = [...seedToken];
        for (let m = 0; m <= randomInt(random, 4); m++) chars[randomInt(random, chars.length)] = alphabet[randomInt(random, alphabet.length)] ?? '';
        input = chars.join('');
      } else {
        input = Array.from({ length: randomInt(random, 200) }, () => String.fromCharCode(randomInt(random, 0x3000))).join('');
      }
      const key = i % 3 === 0 ? SECRET : i % 3 === 1 ? '-----BEGIN PUBLIC KEY-----\n@@\n-----END PUBLIC KEY-----' : '{"kty":"EC"}';
      const result = await inspectJwt(input, key, NOW);
      expect(result.message.length).toBeGreaterThan(0);
      verdicts.add(result.verdict);
    }
    // The fuzzing reached both the parser's refusals and the signature check.
    expect(verdicts).toContain('malformed');
    expect(verdicts).toContain('bad-signature');
  });
});

describe('the sample tokens the inspector offers', () => {
  it('each sample gets the verdict its label promises, and jose agrees', async () => {
    const { SAMPLES, sampleToken, EXAMPLE_SECRET } = await import('./inspectorSamples.ts');
    const now = Math.floor(Date.now() / 1000);
    const verdicts: Record<string, [string, string]> = {};
    for (const id of SAMPLES) {
      const { token, key } = await sampleToken(id, now);
      const theirs = await jwtVerify(token, new TextEncoder().encode(EXAMPLE_SECRET), { currentDate: new Date(now * 1000) }).then(
        () => 'valid',
        (e: unknown) => (e instanceof errors.JWTExpired ? 'expired' : e instanceof errors.JWSSignatureVerificationFailed ? 'bad-signature' : 'rejected'),
      );
      verdicts[id] = [(await inspectJwt(token, key || EXAMPLE_SECRET, now)).verdict, theirs];
    }
    expect(verdicts).toEqual({
      example: ['expired', 'expired'],
      fresh: ['valid', 'valid'],
      tampered: ['bad-signature', 'bad-signature'],
      none: ['alg-none', 'rejected'],
    });
  });
});

describe('what the inspector is, and is not', () => {
  it('recognises an encrypted JWT (a JWE made by jose) and does not pretend to read it', async () => {
    const key = crypto.getRandomValues(new Uint8Array(32));
    const jwe = await new EncryptJWT({ scope: 'photos:read' }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(key);
    expect(jwe.split('.')).toHaveLength(5);
    const result = await inspectJwt(jwe, SECRET, NOW);
    expect(result.verdict).toBe('malformed');
    expect(result.message).toMatch(/encrypted token \(JWE\)/);
    expect(result.jwt).toBeUndefined();
  });

  it('lets the header choose the algorithm, as its note says, where a server with a fixed list refuses', async () => {
    expect(ALGORITHM_NOTE).toMatch(/algorithm the header names/);
    for (const set of keySets) {
      const token = await new SignJWT({ sub: 'alice' })
        .setProtectedHeader({ alg: set.alg })
        .setExpirationTime(NOW + 60)
        .sign(set.sign);
      expect((await inspectJwt(token, set.verifyText, NOW)).verdict, set.alg).toBe('valid');
      // The guard in the article accepts ES256 only: any other header is refused before the signature is read.
      const fixed = jwtVerify(token, set.verifyKey, { algorithms: ['ES256'], currentDate: new Date(NOW * 1000) });
      if (set.alg === 'ES256') await expect(fixed).resolves.toBeDefined();
      else await expect(fixed).rejects.toBeInstanceOf(errors.JOSEAlgNotAllowed);
    }
  });
});

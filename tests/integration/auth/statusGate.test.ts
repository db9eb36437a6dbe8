/**
 * "401 or 403?" against a real API: the article's guard (samples/bearerGuard.ts, verifying with jose)
 * served by node:http, called with real ES256 tokens. For every case of the simulation, the real
 * status, WWW-Authenticate header and reason must equal the simulation's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { startPhotoApi, type RunningApi } from './photoApi.ts';
import { answer, CASES, ROUTES, type GateCase } from '../../../src/sims/authentication-vs-authorization-vs-oauth/gate.ts';
import { EXAMPLE_ENDPOINTS, PHOTO_API } from '../../../src/sims/authentication-vs-authorization-vs-oauth/valetFlow.ts';

const trust = { issuer: EXAMPLE_ENDPOINTS.issuer, audience: PHOTO_API.audience };

let api: RunningApi;
let signingKey: CryptoKey;
let forgerKey: CryptoKey;

beforeAll(async () => {
  const real = await generateKeyPair('ES256', { extractable: true });
  signingKey = real.privateKey;
  forgerKey = (await generateKeyPair('ES256')).privateKey;
  const jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(real.publicKey)), alg: 'ES256', kid: 'api' }] });
  api = await startPhotoApi(jwks, trust);
});

afterAll(async () => {
  await api?.close();
});

async function tokenFor(c: GateCase): Promise<string | undefined> {
  if (c.credential === 'none') return undefined;
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({ scope: c.scopes.join(' '), roles: [...c.roles] })
    .setProtectedHeader({ alg: 'ES256', kid: 'api' })
    .setSubject('alice')
    .setIssuer(trust.issuer)
    .setAudience(PHOTO_API.audience)
    .setIssuedAt(now - 7200)
    .setExpirationTime(c.credential === 'expired' ? now - 3600 : now + 3600);
  return jwt.sign(c.credential === 'forged' ? forgerKey : signingKey);
}

describe('the photo API answers 401 and 403 as the simulation says', () => {
  for (const c of CASES) {
    it(`${c.id}: ${c.label}`, async () => {
      const route = ROUTES[c.route];
      const token = await tokenFor(c);
      const response = await fetch(`${api.base}${route.path}`, {
        method: route.method,
        headers: token ? { Authorization: `Bearer ${token}` } : {},
        signal: AbortSignal.timeout(10_000),
      });
      const body = (await response.json()) as { reason?: string };
      const expected = answer(c);
      expect(response.status).toBe(expected.status);
      expect(response.headers.get('www-authenticate') ?? undefined).toBe(expected.headers['WWW-Authenticate']);
      if (expected.status !== 200) expect(body.reason).toBe(expected.reason);
    });
  }

  it('accepts the scheme name in any case, as HTTP requires', async () => {
    const token = await tokenFor(CASES.find((c) => c.id === 'allowed')!);
    const response = await fetch(`${api.base}/photos`, { headers: { Authorization: `bEaReR ${token}` } });
    expect(response.status).toBe(200);
  });

  it('a token for another audience is a 401 invalid_token, not a 403', async () => {
    const token = await new SignJWT({ scope: 'photos:read' })
      .setProtectedHeader({ alg: 'ES256', kid: 'api' })
      .setIssuer(trust.issuer)
      .setAudience('https://calendar.example/api')
      .setExpirationTime('1h')
      .sign(signingKey);
    const response = await fetch(`${api.base}/photos`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('a token signed with a trusted key but naming another issuer is a 401 invalid_token', async () => {
    const token = await new SignJWT({ scope: 'photos:read' })
      .setProtectedHeader({ alg: 'ES256', kid: 'api' })
      .setIssuer('https://login.attacker.example')
      .setAudience(PHOTO_API.audience)
      .setExpirationTime('1h')
      .sign(signingKey);
    const response = await fetch(`${api.base}/photos`, { headers: { Authorization: `Bearer ${token}` } });
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });
});

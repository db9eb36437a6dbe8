/**
 * The valet key simulation against a real authorization server (oidc-provider on loopback): the
 * simulation's requests are sent for real, step by step, and each real response must match what the
 * simulation shows: the same steps, statuses and OAuth error codes, delivered the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { newSigningKey, startAuthServer, type RunningAuthServer } from './authServer.ts';
import { startPhotoApi, type RunningApi } from './photoApi.ts';
import { CookieJar, visit } from './browser.ts';
import { createCodeVerifier, codeChallengeFor } from '../../../src/sims/authentication-vs-authorization-vs-oauth/samples/pkce.ts';
import {
  flowSteps,
  PHOTO_API,
  PRINTER_CLIENT,
  TAMPERS,
  type Endpoints,
  type FlowValues,
  type HttpRequest,
  type Step,
  type Tamper,
} from '../../../src/sims/authentication-vs-authorization-vs-oauth/valetFlow.ts';

interface Observed {
  id: Step['id'];
  status: number;
  error?: string;
  errorVia?: Step['response']['errorVia'];
  json?: Record<string, unknown>;
  location?: URL;
}

let server: RunningAuthServer;
/** Another issuer that signs with the same key as `server`: a second tenant of one provider. */
let otherServer: RunningAuthServer;
let api: RunningApi;
let endpoints: Endpoints;
let otherEndpoints: Endpoints;
let jwksUri: URL;

async function discover(issuer: string): Promise<Record<string, string>> {
  return (await (await fetch(`${issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) })).json()) as Record<string, string>;
}

beforeAll(async () => {
  const sharedKey = await newSigningKey();
  server = await startAuthServer(sharedKey);
  otherServer = await startAuthServer(sharedKey);
  const discovery = await discover(server.issuer);
  jwksUri = new URL(String(discovery.jwks_uri));
  api = await startPhotoApi(createRemoteJWKSet(jwksUri), { issuer: server.issuer, audience: PHOTO_API.audience });
  endpoints = {
    issuer: server.issuer,
    authorizationEndpoint: String(discovery.authorization_endpoint),
    tokenEndpoint: String(discovery.token_endpoint),
    apiBase: api.base,
  };
  const other = await discover(otherServer.issuer);
  otherEndpoints = {
    issuer: otherServer.issuer,
    authorizationEndpoint: String(other.authorization_endpoint),
    tokenEndpoint: String(other.token_endpoint),
    apiBase: api.base,
  };
});

afterAll(async () => {
  await api?.close();
  await server?.close();
  await otherServer?.close();
});

async function send(request: HttpRequest): Promise<Response> {
  return fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.form ? new URLSearchParams(request.form) : undefined,
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  });
}

function fromRedirect(id: Step['id'], response: Response, at: Endpoints): Observed {
  const location = new URL(response.headers.get('location') ?? 'about:blank', at.issuer);
  const error = location.searchParams.get('error') ?? undefined;
  return { id, status: response.status, location, ...(error ? { error, errorVia: 'redirect' as const } : {}) };
}

/**
 * Plays the simulation's steps against the real servers, stopping at the first refusal as a real
 * client would. Codes and tokens the server really issued replace the simulation's placeholders.
 */
async function playForReal(tamper: Tamper, at: Endpoints = endpoints): Promise<{ observed: Observed[]; values: FlowValues }> {
  const verifier = createCodeVerifier();
  const values: FlowValues = { verifier, challenge: await codeChallengeFor(verifier), state: crypto.randomUUID(), code: '', accessToken: '' };
  const jar = new CookieJar();
  const observed: Observed[] = [];
  let interactionUrl = '';
  for (let index = 0; index < 5; index++) {
    const step = flowSteps(at, values, tamper)[index];
    if (!step) break;
    let seen: Observed;
    if (step.id === 'authorize') {
      const response = await visit(jar, step.request.url);
      if (response.status === 400) {
        const page = await response.text();
        seen = { id: step.id, status: 400, error: /invalid_\w+/.exec(page)?.[0], errorVia: 'page' };
      } else {
        seen = fromRedirect(step.id, response, at);
        interactionUrl = seen.location?.href ?? '';
      }
    } else if (step.id === 'consent') {
      // The browser follows the server's own hops (sign-in, consent, resume) until it is sent back to the client.
      let response = await visit(jar, interactionUrl);
      for (let hop = 0; hop < 6 && !response.headers.get('location')?.startsWith(PRINTER_CLIENT.redirectUri); hop++) {
        response = await visit(jar, new URL(response.headers.get('location') ?? '', at.issuer).href);
      }
      seen = fromRedirect(step.id, response, at);
      values.code = seen.location?.searchParams.get('code') ?? '';
    } else {
      const response = await send(step.request);
      const json = response.headers.get('content-type')?.includes('json') ? ((await response.json()) as Record<string, unknown>) : undefined;
      const challenge = response.headers.get('www-authenticate') ?? '';
      const headerError = /error="([^"]+)"/.exec(challenge)?.[1];
      const error = typeof json?.error === 'string' ? json.error : headerError;
      seen = { id: step.id, status: response.status, ...(json ? { json } : {}) };
      if (error) Object.assign(seen, { error, errorVia: typeof json?.error === 'string' ? 'json' : 'header' });
      if (step.id === 'token' && typeof json?.access_token === 'string') values.accessToken = json.access_token;
    }
    observed.push(seen);
    if (seen.error || seen.status >= 400) break;
  }
  return { observed, values };
}

function summary(steps: { id: string; status: number; error?: string; errorVia?: string }[]) {
  return steps.map((s) => ({ id: s.id, status: s.status, error: s.error, errorVia: s.errorVia }));
}

describe('the valet key flow against oidc-provider', () => {
  for (const tamper of TAMPERS) {
    it(`tamper "${tamper}": the real server answers every step as the simulation shows`, async () => {
      const { observed, values } = await playForReal(tamper);
      const expected = flowSteps(endpoints, values, tamper);
      expect(summary(observed)).toEqual(summary(expected.map((s) => ({ ...s, ...s.response }))));
      // Where the simulation shows a granted scope, it is the one the server really granted.
      const shownScope = expected.find((s) => s.id === 'token')?.response.json?.scope;
      if (shownScope !== undefined) expect(observed.find((s) => s.id === 'token')?.json?.scope).toBe(shownScope);
    });
  }

  it('the honest flow returns the state, the issuer and a token response shaped as shown', async () => {
    const { observed, values } = await playForReal('none');
    const consent = observed.find((s) => s.id === 'consent');
    expect(consent?.location?.searchParams.get('state')).toBe(values.state);
    expect(consent?.location?.searchParams.get('iss')).toBe(endpoints.issuer);
    const token = observed.find((s) => s.id === 'token');
    const shown = flowSteps(endpoints, values, 'none').find((s) => s.id === 'token')?.response.json ?? {};
    expect(Object.keys(token?.json ?? {}).sort()).toEqual(Object.keys(shown).sort());
    expect(token?.json?.token_type).toBe(shown.token_type);
    expect(token?.json?.scope).toBe(shown.scope);
    expect(token?.json?.expires_in).toBe(shown.expires_in);
    // The access token is the valet key for the photo API only: its audience and scope say so.
    const claims = decodeJwt(String(token?.json?.access_token));
    expect(claims.aud).toBe(PHOTO_API.audience);
    expect(claims.scope).toBe('photos:read');
    // The ID token is for the printer: it says who signed in, and is no key to the API.
    const id = decodeJwt(String(token?.json?.id_token));
    expect(id.aud).toBe(PRINTER_CLIENT.clientId);
    expect(id.sub).toBe('alice');
  });

  it('a genuine token from another issuer, signed with the same key, is refused: 401 invalid_token', async () => {
    const { observed, values } = await playForReal('none', otherEndpoints);
    // Everything up to the API went as in the honest flow; the other server really issued the token.
    expect(observed.map((s) => s.id)).toEqual(['authorize', 'consent', 'token', 'api']);
    expect(observed.slice(0, 3).every((s) => s.error === undefined)).toBe(true);
    expect(observed.at(-1)).toMatchObject({ status: 401, error: 'invalid_token', errorVia: 'header' });
    // Its signature verifies with the trusted server's keys and it is addressed to the photo API:
    // only the issuer check tells it apart, so without that check the API would have served it.
    const { payload } = await jwtVerify(values.accessToken, createRemoteJWKSet(jwksUri), { audience: PHOTO_API.audience });
    expect(payload.iss).toBe(otherEndpoints.issuer);
    expect(payload.iss).not.toBe(endpoints.issuer);
  });
});

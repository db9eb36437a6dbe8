/**
 * The valet key: OAuth 2.0's authorization code flow with PKCE (RFC 6749 section 4.1, RFC 7636),
 * as the sequence of HTTP requests between the browser, the photo printer (the client), the
 * authorization server and the photo API. Pure: the PKCE values and any code or token the server
 * handed out are inputs, so a test can replay the same requests against a real server.
 *
 * Error codes are those a real server returns; tests/integration/auth checks them against
 * oidc-provider case by case.
 */
import { answer, type Answer } from './gate.ts';

export const PRINTER_CLIENT = {
  clientId: 'photo-printer',
  redirectUri: 'https://printer.example/callback',
  /** What the printer is registered to ask for; anything else is refused with invalid_scope. */
  allowedScopes: ['openid', 'photos:read'],
  requestedScope: 'openid photos:read',
} as const;

export const PHOTO_API = {
  audience: 'https://photos.example/api',
  scopes: ['photos:read', 'photos:write'],
} as const;

export interface Endpoints {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  apiBase: string;
}

/** What the article shows; the integration test swaps in the real server's addresses. */
export const EXAMPLE_ENDPOINTS: Endpoints = {
  issuer: 'https://login.example',
  authorizationEndpoint: 'https://login.example/auth',
  tokenEndpoint: 'https://login.example/token',
  apiBase: 'https://photos.example/api',
};

export const TAMPERS = ['none', 'wrong-verifier', 'no-pkce', 'reused-code', 'wrong-redirect', 'scope-not-allowed', 'unknown-scope', 'overreach'] as const;
export type Tamper = (typeof TAMPERS)[number];

export const TAMPER_LABELS: Record<Tamper, string> = {
  none: 'Nothing: the honest flow',
  'wrong-verifier': 'A thief redeems the code with another verifier',
  'no-pkce': 'The client sends no code_challenge',
  'reused-code': 'The code is redeemed a second time',
  'wrong-redirect': 'The redirect URI points somewhere unregistered',
  'scope-not-allowed': 'The client asks for photos:write',
  'unknown-scope': 'The client asks for a scope nobody defined',
  overreach: 'The printer tries to delete a photo',
};

export type Party = 'browser' | 'client' | 'server' | 'api';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  /** application/x-www-form-urlencoded fields of a POST. */
  form?: Record<string, string>;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** JSON body, when the response has one. */
  json?: Record<string, unknown>;
  /** The OAuth error code carried by the response (query, JSON or error page), if any. */
  error?: string;
  /** How the error reaches the client: in the redirect back, in a JSON body, or only on the server's page. */
  errorVia?: 'redirect' | 'json' | 'page' | 'header';
}

export type StepId = 'authorize' | 'consent' | 'token' | 'token-again' | 'api';

export interface Step {
  id: StepId;
  from: Party;
  to: Party;
  title: string;
  request: HttpRequest;
  response: HttpResponse;
  note: string;
}

export interface FlowValues {
  verifier: string;
  challenge: string;
  state: string;
  /** The code the server issued; a placeholder in the article, the real one in a test. */
  code: string;
  accessToken: string;
}

export const EXAMPLE_VALUES: Omit<FlowValues, 'verifier' | 'challenge' | 'state'> = {
  code: 'j7QxF2kLr0aZ',
  accessToken: 'eyJhbGciOiJFUzI1NiJ9…',
};

/** A verifier that is not the one whose hash went into the authorization request. */
export const THIEF_VERIFIER = 'stolen-code-but-not-the-verifier-0123456789abcdef';
/** A scope no server defines: servers may ignore what they do not know (RFC 6749 section 3.3). */
export const UNKNOWN_SCOPE = 'photos:print';
export const UNREGISTERED_REDIRECT = 'https://evil.example/callback';

function withQuery(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
}

export function authorizationRequest(endpoints: Endpoints, values: FlowValues, tamper: Tamper): HttpRequest {
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: PRINTER_CLIENT.clientId,
    redirect_uri: tamper === 'wrong-redirect' ? UNREGISTERED_REDIRECT : PRINTER_CLIENT.redirectUri,
    scope:
      tamper === 'scope-not-allowed'
        ? 'openid photos:write'
        : tamper === 'unknown-scope'
          ? `${PRINTER_CLIENT.requestedScope} ${UNKNOWN_SCOPE}`
          : PRINTER_CLIENT.requestedScope,
    state: values.state,
  };
  if (tamper !== 'no-pkce') {
    params.code_challenge = values.challenge;
    params.code_challenge_method = 'S256';
  }
  return { method: 'GET', url: withQuery(endpoints.authorizationEndpoint, params), headers: {} };
}

export function tokenRequest(endpoints: Endpoints, values: FlowValues, tamper: Tamper): HttpRequest {
  return {
    method: 'POST',
    url: endpoints.tokenEndpoint,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    form: {
      grant_type: 'authorization_code',
      code: values.code,
      redirect_uri: PRINTER_CLIENT.redirectUri,
      client_id: PRINTER_CLIENT.clientId,
      code_verifier: tamper === 'wrong-verifier' ? THIEF_VERIFIER : values.verifier,
    },
  };
}

function errorRedirect(endpoints: Endpoints, values: FlowValues, error: string): HttpResponse {
  return {
    status: 303,
    headers: { Location: withQuery(PRINTER_CLIENT.redirectUri, { error, state: values.state, iss: endpoints.issuer }) },
    error,
    errorVia: 'redirect',
  };
}

function apiStep(endpoints: Endpoints, values: FlowValues, tamper: Tamper): Step {
  const routeId = tamper === 'overreach' ? 'deletePhoto' : 'listPhotos';
  const verdict: Answer = answer({
    id: 'valet',
    label: '',
    route: routeId,
    credential: 'valid',
    scopes: ['photos:read'],
    roles: [],
  });
  const path = routeId === 'deletePhoto' ? '/photos/42' : '/photos';
  const error = /error="([^"]+)"/.exec(verdict.headers['WWW-Authenticate'] ?? '')?.[1];
  return {
    id: 'api',
    from: 'client',
    to: 'api',
    title: routeId === 'deletePhoto' ? 'Use the key beyond its scope' : 'Use the key',
    request: {
      method: routeId === 'deletePhoto' ? 'DELETE' : 'GET',
      url: `${endpoints.apiBase}${path}`,
      headers: { Authorization: `Bearer ${values.accessToken}` },
    },
    response: { status: verdict.status, headers: verdict.headers, ...(error ? { error, errorVia: 'header' as const } : {}) },
    note:
      verdict.status === 200
        ? 'The API checks the token signature, issuer, audience, expiry and scope, then serves the photos.'
        : 'The token is genuine, so this is not a 401: the valet key simply does not open the boot. 403 with insufficient_scope.',
  };
}

/** Every request the flow makes, in order, ending at the first refusal. */
export function flowSteps(endpoints: Endpoints, values: FlowValues, tamper: Tamper): Step[] {
  const authorize = authorizationRequest(endpoints, values, tamper);
  const first: Step = {
    id: 'authorize',
    from: 'browser',
    to: 'server',
    title: 'Send the user to the authorization server',
    request: authorize,
    response: { status: 303, headers: { Location: `${endpoints.issuer}/interaction/…` } },
    note: 'The printer redirects the browser here. Only the hash of the verifier travels; the verifier stays with the printer.',
  };
  if (tamper === 'wrong-redirect') {
    return [
      {
        ...first,
        response: { status: 400, headers: { 'Content-Type': 'text/html' }, error: 'invalid_redirect_uri', errorVia: 'page' },
        note: 'The server will not send a code to an address the client never registered, so it does not redirect at all: it shows an error page.',
      },
    ];
  }
  if (tamper === 'no-pkce') {
    return [
      {
        ...first,
        response: errorRedirect(endpoints, values, 'invalid_request'),
        note: 'A public client must use PKCE: the server refuses before anyone signs in.',
      },
    ];
  }
  if (tamper === 'scope-not-allowed') {
    return [
      {
        ...first,
        response: errorRedirect(endpoints, values, 'invalid_scope'),
        note: 'The printer was registered for photos:read only, so the server refuses before asking the user.',
      },
    ];
  }

  const steps: Step[] = [
    first,
    {
      id: 'consent',
      from: 'browser',
      to: 'server',
      title: 'Sign in and approve',
      request: { method: 'GET', url: `${endpoints.issuer}/interaction/…`, headers: {} },
      response: {
        status: 303,
        headers: { Location: withQuery(PRINTER_CLIENT.redirectUri, { code: values.code, state: values.state, iss: endpoints.issuer }) },
      },
      note: 'Alice shows her ID card to the server, never to the printer, and approves "read your photos". The browser comes back with a short-lived, single-use code.',
    },
  ];

  const exchange = tokenRequest(endpoints, values, tamper);
  const granted: HttpResponse = {
    status: 200,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    json: {
      access_token: values.accessToken,
      expires_in: 3600,
      id_token: 'eyJhbGciOiJFUzI1NiJ9…',
      // The scope of the access token: openid only governs the ID token, so it is not listed.
      scope: 'photos:read',
      token_type: 'Bearer',
    },
  };
  const invalidGrant: HttpResponse = {
    status: 400,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
    json: { error: 'invalid_grant', error_description: 'grant request is invalid' },
    error: 'invalid_grant',
    errorVia: 'json',
  };
  if (tamper === 'wrong-verifier') {
    steps.push({
      id: 'token',
      from: 'client',
      to: 'server',
      title: 'Redeem the code',
      request: exchange,
      response: invalidGrant,
      note: 'The code alone is useless: SHA-256 of this verifier does not match the challenge the server stored with the code.',
    });
    return steps;
  }
  steps.push({
    id: 'token',
    from: 'client',
    to: 'server',
    title: 'Redeem the code, proving it with the verifier',
    request: exchange,
    response: granted,
    note:
      tamper === 'unknown-scope'
        ? `No error: the server silently drops ${UNKNOWN_SCOPE}, which it does not know. The scope field of the response says what was really granted, so read it rather than assume.`
        : 'Back channel: the printer sends the code and the verifier; the server hashes the verifier and compares. It returns an access token (the valet key) and, because of openid, an ID token.',
  });
  if (tamper === 'reused-code') {
    steps.push({
      id: 'token-again',
      from: 'client',
      to: 'server',
      title: 'Redeem the same code again',
      request: exchange,
      response: invalidGrant,
      note: 'Codes are single use. A second attempt means the code leaked, so the server refuses it.',
    });
    return steps;
  }
  steps.push(apiStep(endpoints, values, tamper));
  return steps;
}

/** Placeholder PKCE values: how many requests a flow makes does not depend on them. */
const ANY_VALUES: FlowValues = { verifier: '', challenge: '', state: '', ...EXAMPLE_VALUES };

/** How many requests the flow makes with this tampering (the last one is the refusal, if any). */
export function flowLength(tamper: Tamper): number {
  return flowSteps(EXAMPLE_ENDPOINTS, ANY_VALUES, tamper).length;
}

/** The longest flow: the range of the step a reader or a link can name. */
export const LONGEST_FLOW = Math.max(...TAMPERS.map(flowLength));

/**
 * "401 or 403?": the photo API's front desk. A request shows its ID card (a bearer token) or none;
 * the desk first checks the card (authentication: 401 when it cannot tell who you are), then the
 * list of what this card holder may do (authorization: 403 when it knows you and still says no).
 * The header values follow RFC 6750, section 3.
 */
// The same shape as the article's guard, so the real API's answers compare field by field.
import type { Answer } from './samples/bearerGuard.ts';

export type { Answer };

export const REALM = 'photos';

export type Credential = 'none' | 'forged' | 'expired' | 'valid';

export interface Route {
  method: 'GET' | 'DELETE';
  path: string;
  /** The OAuth scope the token must carry. */
  scope: string;
  /** A role inside the app itself, checked after the scope. */
  role?: string;
}

export const ROUTES = {
  listPhotos: { method: 'GET', path: '/photos', scope: 'photos:read' },
  deletePhoto: { method: 'DELETE', path: '/photos/42', scope: 'photos:write' },
  auditLog: { method: 'GET', path: '/admin/audit-log', scope: 'photos:read', role: 'admin' },
} as const satisfies Record<string, Route>;

export type RouteId = keyof typeof ROUTES;

export interface GateCase {
  id: string;
  label: string;
  route: RouteId;
  credential: Credential;
  /** Claims of the token, when there is one. */
  scopes: readonly string[];
  roles: readonly string[];
}

export const CASES = [
  { id: 'no-card', label: 'No token at all', route: 'listPhotos', credential: 'none', scopes: [], roles: [] },
  { id: 'forged', label: 'Token with a forged signature', route: 'listPhotos', credential: 'forged', scopes: ['photos:read'], roles: [] },
  { id: 'expired', label: 'Token that expired an hour ago', route: 'listPhotos', credential: 'expired', scopes: ['photos:read'], roles: [] },
  { id: 'no-scope', label: 'Valid token, delete without photos:write', route: 'deletePhoto', credential: 'valid', scopes: ['photos:read'], roles: [] },
  { id: 'no-role', label: 'Valid token, audit log without the admin role', route: 'auditLog', credential: 'valid', scopes: ['photos:read'], roles: ['member'] },
  { id: 'allowed', label: 'Valid token with the right scope', route: 'listPhotos', credential: 'valid', scopes: ['photos:read'], roles: ['member'] },
] as const satisfies readonly GateCase[];

export type CaseId = (typeof CASES)[number]['id'];
export const CASE_IDS: readonly CaseId[] = CASES.map((c) => c.id);

export interface Explained extends Answer {
  /** Which check decided: the ID card (authentication) or the permission list (authorization). */
  decidedBy: 'authentication' | 'authorization' | 'none';
  /** What the client should do next, in the article's words. */
  advice: string;
}

const challenge = (params: string[] = []) => [`Bearer realm="${REALM}"`, ...params].join(', ');

export function caseById(id: string): GateCase {
  return CASES.find((c) => c.id === id) ?? CASES[0];
}

/** The API's answer to one request: status, headers and why. */
export function answer(request: GateCase): Explained {
  const route: Route = ROUTES[request.route];
  if (request.credential === 'none') {
    return {
      status: 401,
      headers: { 'WWW-Authenticate': challenge() },
      reason: 'no credentials',
      decidedBy: 'authentication',
      advice: 'Sign in (get a token) and send it in the Authorization header.',
    };
  }
  if (request.credential !== 'valid') {
    const why = request.credential === 'expired' ? 'token expired' : 'token not valid';
    return {
      status: 401,
      headers: { 'WWW-Authenticate': challenge(['error="invalid_token"', `error_description="${why}"`]) },
      reason: why,
      decidedBy: 'authentication',
      advice: request.credential === 'expired' ? 'Refresh the token, then retry once.' : 'Throw this token away and sign in again.',
    };
  }
  if (!request.scopes.includes(route.scope)) {
    return {
      status: 403,
      headers: { 'WWW-Authenticate': challenge(['error="insufficient_scope"', `scope="${route.scope}"`]) },
      reason: `needs scope ${route.scope}`,
      decidedBy: 'authorization',
      advice: `Retrying will not help: ask the user to grant ${route.scope}.`,
    };
  }
  if (route.role !== undefined && !request.roles.includes(route.role)) {
    return {
      status: 403,
      headers: {},
      reason: `needs role ${route.role}`,
      decidedBy: 'authorization',
      advice: 'Retrying will not help: this person is not allowed here.',
    };
  }
  return { status: 200, headers: {}, reason: 'allowed', decidedBy: 'none', advice: 'Nothing to fix.' };
}

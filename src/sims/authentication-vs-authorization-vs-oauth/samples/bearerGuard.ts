import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';

/** What one route needs: an OAuth scope, and maybe a role inside our own app. */
export interface Rule {
  scope: string;
  role?: string;
}

/** Whose tokens the API accepts: those its own authorization server issued (iss), addressed to it (aud). */
export interface Trust {
  issuer: string;
  audience: string;
}

export interface Answer {
  status: 200 | 401 | 403;
  headers: Record<string, string>;
  reason: string;
}

const realm = 'photos';

export async function guard(
  authorization: string | undefined,
  rule: Rule,
  keys: JWTVerifyGetKey,
  trust: Trust,
): Promise<Answer> {
  // The scheme name is case-insensitive (RFC 9110, section 11.1); the token is RFC 6750's b64token.
  const token = /^Bearer ([\w.~+/-]+=*)$/i.exec(authorization ?? '')?.[1];
  if (!token) {
    // No credentials: say how to authenticate, with no error code (RFC 6750, 3.1).
    return { status: 401, headers: { 'WWW-Authenticate': `Bearer realm="${realm}"` }, reason: 'no credentials' };
  }

  let claims;
  try {
    // The token names its algorithm, issuer and audience; the API decides which it accepts.
    const expected = { algorithms: ['ES256'], issuer: trust.issuer, audience: trust.audience };
    ({ payload: claims } = await jwtVerify(token, keys, expected));
  } catch (error) {
    const why = error instanceof errors.JWTExpired ? 'token expired' : 'token not valid';
    const challenge = `Bearer realm="${realm}", error="invalid_token", error_description="${why}"`;
    return { status: 401, headers: { 'WWW-Authenticate': challenge }, reason: why };
  }

  // From here on we know who is asking: any refusal is a 403.
  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
  if (!scopes.includes(rule.scope)) {
    const challenge = `Bearer realm="${realm}", error="insufficient_scope", scope="${rule.scope}"`;
    return { status: 403, headers: { 'WWW-Authenticate': challenge }, reason: `needs scope ${rule.scope}` };
  }
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  if (rule.role && !roles.includes(rule.role)) {
    return { status: 403, headers: {}, reason: `needs role ${rule.role}` };
  }
  return { status: 200, headers: {}, reason: 'allowed' };
}

import { describe, expect, it } from 'vitest';
import { answer, CASES, caseById, ROUTES, type GateCase } from './gate.ts';

const challenge = (c: GateCase) => answer(c).headers['WWW-Authenticate'];

describe('401 or 403, as RFC 6750 and RFC 9110 define them', () => {
  it('every 401 carries a WWW-Authenticate challenge for the Bearer scheme (RFC 9110 section 15.5.2)', () => {
    const unauthenticated = CASES.filter((c) => answer(c).status === 401);
    expect(unauthenticated.map((c) => c.id)).toEqual(['no-card', 'forged', 'expired']);
    for (const c of unauthenticated) expect(challenge(c)).toMatch(/^Bearer realm="photos"/);
  });

  it('a request without credentials gets no error code (RFC 6750 section 3.1)', () => {
    expect(challenge(caseById('no-card'))).toBe('Bearer realm="photos"');
  });

  it('a forged or expired token is invalid_token, a 401', () => {
    for (const id of ['forged', 'expired']) {
      const a = answer(caseById(id));
      expect(a.status).toBe(401);
      expect(a.headers['WWW-Authenticate']).toContain('error="invalid_token"');
    }
  });

  it('a genuine token without the scope is insufficient_scope, a 403 naming the scope needed', () => {
    const a = answer(caseById('no-scope'));
    expect(a.status).toBe(403);
    expect(a.headers['WWW-Authenticate']).toBe(`Bearer realm="photos", error="insufficient_scope", scope="${ROUTES.deletePhoto.scope}"`);
  });

  it('a missing role is decided by the app, a 403 with no OAuth challenge', () => {
    const a = answer(caseById('no-role'));
    expect(a).toMatchObject({ status: 403, headers: {}, decidedBy: 'authorization' });
  });

  it('only a genuine token with the scope and role gets through', () => {
    expect(CASES.filter((c) => answer(c).status === 200).map((c) => c.id)).toEqual(['allowed']);
  });

  it('authentication decides every 401 and authorization every 403', () => {
    for (const c of CASES) {
      const a = answer(c);
      if (a.status === 401) expect(a.decidedBy).toBe('authentication');
      if (a.status === 403) expect(a.decidedBy).toBe('authorization');
    }
  });

  it('an unknown or hostile case id falls back to the first case', () => {
    expect(caseById('<script>').id).toBe('no-card');
    expect(caseById('__proto__').id).toBe('no-card');
  });
});

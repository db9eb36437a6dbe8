import { describe, expect, it } from 'vitest';
import { codeChallengeFor } from './samples/pkce.ts';
import {
  EXAMPLE_ENDPOINTS,
  EXAMPLE_VALUES,
  flowLength,
  flowSteps,
  LONGEST_FLOW,
  PRINTER_CLIENT,
  TAMPERS,
  THIEF_VERIFIER,
  type FlowValues,
} from './valetFlow.ts';

const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const values: FlowValues = { verifier: VERIFIER, challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', state: 'xyz-state', ...EXAMPLE_VALUES };
const steps = (tamper: (typeof TAMPERS)[number]) => flowSteps(EXAMPLE_ENDPOINTS, values, tamper);

describe('the authorization code flow with PKCE', () => {
  it('the front channel carries only the challenge; the verifier travels once, on the back channel', async () => {
    const [authorize, , token] = steps('none');
    const query = new URL(authorize!.request.url).searchParams;
    expect(query.get('code_challenge')).toBe(await codeChallengeFor(VERIFIER));
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(authorize!.request.url).not.toContain(VERIFIER);
    expect(token!.request.method).toBe('POST');
    expect(token!.request.form).toMatchObject({ grant_type: 'authorization_code', code: values.code, code_verifier: VERIFIER });
  });

  it('the honest flow goes browser → server → printer → server → API and ends with a 200', () => {
    const flow = steps('none');
    expect(flow.map((s) => s.id)).toEqual(['authorize', 'consent', 'token', 'api']);
    expect(flow.at(-1)?.response.status).toBe(200);
  });

  it('the code comes back to the registered redirect URI with the state unchanged (RFC 6749 section 4.1.2)', () => {
    const back = new URL(steps('none')[1]!.response.headers.Location ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(PRINTER_CLIENT.redirectUri);
    expect(back.searchParams.get('state')).toBe(values.state);
    expect(back.searchParams.get('code')).toBe(values.code);
  });

  it('every tampering ends the flow at its first refusal, with the RFC error code', () => {
    const endings = Object.fromEntries(
      TAMPERS.map((t) => {
        const last = steps(t).at(-1)!;
        return [t, [last.id, last.response.status, last.response.error ?? null]];
      }),
    );
    expect(endings).toEqual({
      none: ['api', 200, null],
      'wrong-verifier': ['token', 400, 'invalid_grant'], // RFC 7636 section 4.6
      'no-pkce': ['authorize', 303, 'invalid_request'],
      'reused-code': ['token-again', 400, 'invalid_grant'], // RFC 6749 section 4.1.2: single use
      'wrong-redirect': ['authorize', 400, 'invalid_redirect_uri'],
      'scope-not-allowed': ['authorize', 303, 'invalid_scope'],
      'unknown-scope': ['api', 200, null], // unknown scopes may be ignored (RFC 6749 section 3.3)
      overreach: ['api', 403, 'insufficient_scope'], // RFC 6750 section 3.1
    });
  });

  it('an unregistered redirect URI is never redirected to (RFC 6749 section 4.1.2.1)', () => {
    const [only] = steps('wrong-redirect');
    expect(only?.response.headers.Location).toBeUndefined();
  });

  it('the thief redeems the real code with a verifier that does not hash to the challenge', async () => {
    const token = steps('wrong-verifier').find((s) => s.id === 'token')!;
    expect(token.request.form?.code).toBe(values.code);
    expect(token.request.form?.code_verifier).toBe(THIEF_VERIFIER);
    expect(await codeChallengeFor(THIEF_VERIFIER)).not.toBe(values.challenge);
  });

  it("counts each flow's requests whatever the PKCE values; the longest is four (authorize, consent, token, then the API or a second token)", () => {
    for (const t of TAMPERS) expect(flowLength(t), t).toBe(steps(t).length);
    expect(flowLength('no-pkce')).toBe(1);
    expect(flowLength('wrong-verifier')).toBe(3);
    expect(LONGEST_FLOW).toBe(4);
  });
});

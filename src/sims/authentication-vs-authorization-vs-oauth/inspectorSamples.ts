/**
 * Tokens the inspector offers, so a reader without a token of their own can try every verdict.
 * The example was signed once (HS256, the secret below) for an hour on the article's publication day.
 */
import { base64urlJson, decodeJwt, signHs256 } from './jwt.ts';

export const EXAMPLE_SECRET = 'valet-demo-secret-do-not-reuse';
export const EXAMPLE_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2xvZ2luLmV4YW1wbGUiLCJzdWIiOiJhbGljZSIsImF1ZCI6Imh0dHBzOi8vcGhvdG9zLmV4YW1wbGUvYXBpIiwic2NvcGUiOiJwaG90b3M6cmVhZCIsImlhdCI6MTc2Mjc2NTIwMCwiZXhwIjoxNzYyNzY4ODAwfQ.quNP1U2qDPVpk-ndHpNEIVAuICpK82f3xaxZ5Tv-Mjk';

export const SAMPLES = ['example', 'fresh', 'tampered', 'none'] as const;
export type SampleId = (typeof SAMPLES)[number];

export const SAMPLE_LABELS: Record<SampleId, string> = {
  example: 'Signed on publication day (expired)',
  fresh: 'Signed just now, valid for an hour',
  tampered: 'Payload edited to add photos:write',
  none: 'Unsigned: "alg": "none"',
};

/** The token and key text for a sample; `nowSeconds` dates the fresh one. */
export async function sampleToken(id: SampleId, nowSeconds: number): Promise<{ token: string; key: string }> {
  const [header, , signature] = EXAMPLE_TOKEN.split('.');
  const decoded = decodeJwt(EXAMPLE_TOKEN);
  const claims = decoded.ok ? decoded.jwt.payload : {};
  switch (id) {
    case 'fresh': {
      const now = Math.floor(nowSeconds);
      return { token: await signHs256({ ...claims, iat: now, exp: now + 3600 }, EXAMPLE_SECRET), key: EXAMPLE_SECRET };
    }
    case 'tampered':
      return { token: `${header}.${base64urlJson({ ...claims, scope: 'photos:read photos:write' })}.${signature}`, key: EXAMPLE_SECRET };
    case 'none':
      return { token: `${base64urlJson({ alg: 'none', typ: 'JWT' })}.${base64urlJson(claims)}.`, key: '' };
    default:
      return { token: EXAMPLE_TOKEN, key: EXAMPLE_SECRET };
  }
}

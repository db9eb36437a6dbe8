import { describe, expect, it } from 'vitest';
import { base64url, codeChallengeFor, createCodeVerifier } from './samples/pkce.ts';

// RFC 7636, Appendix B: the 32 octets of the example verifier, and the resulting values.
const APPENDIX_B_OCTETS = [
  116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
];
const APPENDIX_B_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const APPENDIX_B_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('PKCE as in RFC 7636', () => {
  it('base64url-encodes the Appendix B octets to the Appendix B verifier', () => {
    expect(base64url(new Uint8Array(APPENDIX_B_OCTETS))).toBe(APPENDIX_B_VERIFIER);
  });

  it('derives the Appendix B S256 code_challenge from the Appendix B verifier', async () => {
    expect(await codeChallengeFor(APPENDIX_B_VERIFIER)).toBe(APPENDIX_B_CHALLENGE);
  });

  it('creates 43-character verifiers from the unreserved alphabet, different every time', () => {
    const verifiers = new Set(Array.from({ length: 50 }, createCodeVerifier));
    expect(verifiers.size).toBe(50);
    for (const v of verifiers) expect(v).toMatch(/^[A-Za-z0-9_-]{43}$/); // section 4.1: 43 to 128 of [A-Z a-z 0-9 - . _ ~]
  });

  it('base64url drops padding and uses the URL-safe alphabet (RFC 4648 section 5)', () => {
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(base64url(new Uint8Array([]))).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspHash, headersFile, inlineScriptHashes } from './securityHeaders.ts';

// The worked example of CSP Level 3 (§ "hash-source"): alert('Hello, world.'); hashes to this.
const SPEC_SOURCE = "alert('Hello, world.');";
const SPEC_HASH = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='";

describe('security headers', () => {
  it('hashes a script as the CSP specification does', () => {
    expect(cspHash(SPEC_SOURCE)).toBe(SPEC_HASH);
  });

  it('hashes executable inline scripts only, not external or data scripts', () => {
    const html = `<!doctype html><html><head>
      <script>${SPEC_SOURCE}</script>
      <script type="application/ld+json">{"a":1}</script>
      <script type="module" src="/_astro/x.js"></script>
    </head><body><script type="module">${SPEC_SOURCE}</script></body></html>`;
    expect(inlineScriptHashes(html)).toEqual([SPEC_HASH, SPEC_HASH]);
  });

  it('writes a policy with each hash once and no unsafe-inline for scripts', () => {
    const policy = contentSecurityPolicy([SPEC_HASH, SPEC_HASH]);
    const scriptSrc = policy.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(scriptSrc).toBe(`script-src 'self' 'wasm-unsafe-eval' ${SPEC_HASH}`);
    expect(policy).toContain("object-src 'none'");
    const file = headersFile([SPEC_HASH]);
    expect(file).toMatch(/^\/\*\n {2}Content-Security-Policy: /m);
    for (const name of ['X-Content-Type-Options: nosniff', 'Referrer-Policy: ', 'Permissions-Policy: ']) expect(file).toContain(`  ${name}`);
  });
});

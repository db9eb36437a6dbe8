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

describe('inline script discovery', () => {
  it('hashes script text as written: entities and markup inside a script are not decoded', () => {
    const source = 'if (a &amp;&amp; b < c) document.title = "<b>x</b>";';
    expect(inlineScriptHashes(`<p>x</p><script>${source}</script>`)).toEqual([cspHash(source)]);
  });

  it('ignores "<script>" inside comments, attribute values and other raw-text elements', () => {
    const html = `<!-- <script>${SPEC_SOURCE}</script> -->
      <a title="<script>${SPEC_SOURCE}</script>">link</a>
      <style>p::after { content: "<script>x()</script>"; }</style>
      <textarea><script>y()</script></textarea>
      <script>z()</script>`;
    expect(inlineScriptHashes(html)).toEqual([cspHash('z()')]);
  });

  it('ends a script at its first closing tag, whatever the case, as a browser does', () => {
    expect(inlineScriptHashes('<SCRIPT>a()</Script><script>b("</scrip")</script>')).toEqual([cspHash('a()'), cspHash('b("</scrip")')]);
  });

  it('treats a type with spaces or capitals like the browser: " Module " runs, "text/plain" does not', () => {
    expect(inlineScriptHashes('<script type=" Module ">m()</script><script type="text/plain">p()</script>')).toEqual([cspHash('m()')]);
  });
});

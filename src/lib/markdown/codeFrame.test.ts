import { describe, expect, it } from 'vitest';
import { codeToHtml } from 'shiki';
import { codeFrame, languageName } from './codeFrame.ts';

const highlight = (code: string, lang: string) => codeToHtml(code, { lang, theme: 'github-light-high-contrast', transformers: [codeFrame()] });

describe('code frame', () => {
  it('wraps the highlighted block in a frame whose header names the language', async () => {
    const html = await highlight('SELECT 1;', 'sql');
    expect(html).toMatch(
      /^<div class="code-block" style="--code-lines:1"><div class="code-header" data-pagefind-ignore(="")?><span class="code-lang">SQL<\/span><\/div><pre class="shiki[^"]*"[^>]*>/,
    );
    expect(html.endsWith('</pre></div>')).toBe(true);
  });

  it('carries its line count, so the page can reserve its height before drawing it', async () => {
    expect(await highlight('a\nb\nc', 'text')).toMatch(/^<div class="code-block" style="--code-lines:3">/);
    expect(await highlight('a\n\nb\nc', 'text')).toMatch(/^<div class="code-block" style="--code-lines:4">/);
  });

  it('keeps the header but names nothing for plain text, where a label would say nothing', async () => {
    expect(await highlight('just words', 'text')).toContain('<div class="code-header" data-pagefind-ignore=""></div>');
  });

  it("uses the names readers know, and the fence's own name for languages it does not list", () => {
    expect(['ts', 'bash', 'py', 'yaml', 'dockerfile', 'nginx', 'TOML'].map(languageName)).toEqual([
      'TypeScript',
      'Shell',
      'Python',
      'YAML',
      'Dockerfile',
      'nginx',
      'TOML',
    ]);
    expect(languageName('haskell')).toBe('haskell');
    expect(languageName('plaintext')).toBe('');
  });
});

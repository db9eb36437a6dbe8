/**
 * Security headers for static hosts, written as `_headers` (the Netlify / Cloudflare Pages format)
 * into the build output. The Content-Security-Policy allows scripts from the site itself and, for
 * the few inline scripts (the blocking theme script, Astro's island loader), exactly those scripts by
 * their SHA-256 hash, collected from the built pages, so the policy can never drift from the pages.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Parser } from 'htmlparser2';

/** Script types a browser executes, so CSP governs them (JSON-LD and other data blocks are not). */
const EXECUTABLE = new Set(['', 'module', 'text/javascript', 'application/javascript']);

export function cspHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

/**
 * The CSP hash of every executable inline script in an HTML document, in document order. A streaming
 * parser (no tree): this runs over every page of the build, where a full HTML tree per page cost
 * several times as much. htmlparser2 treats script content as raw
 * text, as browsers do, so markup and entities inside a script are hashed exactly as written.
 */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  let source: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name !== 'script') return;
        const type = (attributes.type ?? '').trim().toLowerCase();
        source = attributes.src === undefined && EXECUTABLE.has(type) ? '' : undefined;
      },
      ontext(text) {
        if (source !== undefined) source += text;
      },
      onclosetag(name) {
        if (name !== 'script' || source === undefined) return;
        hashes.push(cspHash(source));
        source = undefined;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return hashes;
}

export function contentSecurityPolicy(scriptHashes: Iterable<string>): string {
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval': Pagefind's search runs as WebAssembly; it allows compiling wasm, not eval().
    `script-src 'self' 'wasm-unsafe-eval' ${[...new Set(scriptHashes)].sort().join(' ')}`.trim(),
    // Inline style attributes come from code highlighting and simulation SVG; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function headersFile(scriptHashes: Iterable<string>): string {
  return [
    '# Written by the build (src/integrations/postBuild/securityHeaders.ts); edit that file, not this one.',
    '/*',
    `  Content-Security-Policy: ${contentSecurityPolicy(scriptHashes)}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
    '  X-Frame-Options: DENY',
    '/_astro/*',
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
  ].join('\n');
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/**
 * After the build: hashes the inline scripts of every page and writes `_headers`; returns how many
 * distinct hashes the policy allows. Files are read many at a time, since one at a time leaves the
 * CPU waiting on the disk for most of the step.
 */
export async function writeSecurityHeaders(out: string): Promise<number> {
  const hashes = new Set<string>();
  const files = await htmlFiles(out);
  for (let i = 0; i < files.length; i += READ_AHEAD) {
    const pages = await Promise.all(files.slice(i, i + READ_AHEAD).map((file) => readFile(file, 'utf8')));
    for (const html of pages) for (const h of inlineScriptHashes(html)) hashes.add(h);
  }
  await writeFile(join(out, '_headers'), headersFile(hashes));
  return hashes.size;
}

const READ_AHEAD = 32;

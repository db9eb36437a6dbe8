/**
 * Astro integration for what the build writes once the pages exist: the search index and the
 * `_headers` file. Both only read the finished HTML, and Pagefind indexes in a process of its own,
 * so the two run side by side.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeSearchIndex } from './searchIndex.ts';
import { writeSecurityHeaders } from './securityHeaders.ts';

export function postBuild(): AstroIntegration {
  return {
    name: 'post-build',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const [pages, hashes] = await Promise.all([writeSearchIndex(out), writeSecurityHeaders(out)]);
        logger.info(`search index: ${pages} pages read; _headers: ${hashes} inline script hash(es) in the Content-Security-Policy`);
      },
    },
  };
}

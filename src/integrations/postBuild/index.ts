/**
 * Astro integration for what the build writes once the pages exist: the social cards, the search
 * index and the `_headers` file. The last two only read the finished HTML, Pagefind indexes in a
 * process of its own and copying cards waits on the disk, so the three run side by side.
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { writeSearchIndex } from './searchIndex.ts';
import { writeSecurityHeaders } from './securityHeaders.ts';
import { writeSocialCards } from './socialCards.ts';

export function postBuild(): AstroIntegration {
  return {
    name: 'post-build',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const [cards, pages, hashes] = await Promise.all([writeSocialCards(out), writeSearchIndex(out), writeSecurityHeaders(out)]);
        logger.info(`${cards} social cards; search index: ${pages} pages read; _headers: ${hashes} inline script hash(es) in the Content-Security-Policy`);
      },
    },
  };
}

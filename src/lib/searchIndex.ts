/**
 * Astro integration: once the pages are written, Pagefind indexes them into `<outDir>/pagefind/`
 * through its Node API. The index is part of `astro build` itself, so the one build command makes
 * the whole site on any system (it used to be a second command in the npm script, with shell
 * syntax that only POSIX shells understand).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';

export function searchIndex(): AstroIntegration {
  return {
    name: 'pagefind-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        try {
          const { index, errors } = await createIndex();
          if (!index) throw new Error(`Pagefind did not start: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: out });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${out}: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
          logger.info(`${added.page_count} pages read; search index written to ${join(out, 'pagefind')}`);
        } finally {
          await close();
        }
      },
    },
  };
}

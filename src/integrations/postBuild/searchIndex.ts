/**
 * The Pagefind search index of the built pages, written into `<outDir>/pagefind/` through Pagefind's
 * Node API as part of `astro build` (see index.ts), so the one build command makes the whole site
 * on any system; it used to be a second command in the npm script, in POSIX shell syntax.
 */
import { join } from 'node:path';
import { close, createIndex } from 'pagefind';

/** Indexes every page under `out`; returns how many HTML files Pagefind read. */
export async function writeSearchIndex(out: string): Promise<number> {
  try {
    const { index, errors } = await createIndex();
    if (!index) throw new Error(`Pagefind did not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: out });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${out}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await close();
  }
}

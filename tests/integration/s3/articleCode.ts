/** The code fences of the article, read from its MDX so that the tests check what readers see. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ARTICLE = fileURLToPath(new URL('../../../src/content/posts/database-bloat-s3-pointer/index.mdx', import.meta.url));

export interface Fence {
  lang: string;
  meta: string;
  code: string;
  /** 1-based line of the opening fence, for messages. */
  line: number;
}

export function fences(lang: string, source = readFileSync(ARTICLE, 'utf8')): Fence[] {
  const found: Fence[] = [];
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i]!.match(/^```(\w+)\s*(.*)$/);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
    if (open[1] === lang) found.push({ lang, meta: open[2]!.trim(), code: body.join('\n'), line: start + 1 });
  }
  return found;
}

/** Splits SQL into statements on semicolons at line ends (the article's SQL has no procedures). */
export function statements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}

/**
 * `npm run words`: each post's word count and reading time as the site computes them, so an author
 * can aim for a length ("4 min read" is 640 to 852 words). Reads front matter-free bodies the same
 * way the content layer hands them to the site.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { countWords, readingMinutes } from '../src/lib/content/readingTime.ts';

const base = process.env.BLOG_CONTENT_DIR ?? 'src/content/posts';
const only = process.argv[2];
const rows: string[] = [];
for (const slug of readdirSync(base).sort()) {
  if (only && slug !== only) continue;
  const file = ['index.mdx', 'index.md'].map((f) => join(base, slug, f)).find((f) => existsSync(f));
  if (!file) continue;
  const body = readFileSync(file, 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n?/, '');
  const words = countWords(body);
  rows.push(`${String(words).padStart(6)} words  ${String(readingMinutes(words)).padStart(3)} min read  ${slug}`);
}
console.log(rows.length ? rows.join('\n') : `no posts under ${base}`);

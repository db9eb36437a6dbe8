/**
 * `npm run new -- "Post title"`: scaffolds src/content/posts/<slug>/index.mdx as a draft with valid
 * front matter, and refuses to overwrite an existing post.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { slugify } from '../src/lib/content/slugify.ts';
import { assertPostSlug } from '../src/lib/content/reservedSlugs.ts';
import { site } from '../site.config.ts';

export function scaffoldPost(title: string, base: string, today = new Date()): string {
  const clean = title.trim();
  if (!clean) throw new Error('Give the post a title: npm run new -- "My post title"');
  const slug = slugify(clean);
  assertPostSlug(slug);
  const folder = join(base, slug);
  if (existsSync(folder)) throw new Error(`${folder} already exists; choose another title or edit that post`);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'index.mdx');
  const front = [
    '---',
    `title: ${JSON.stringify(clean)}`,
    'description: "One sentence that tells a reader what they will learn."',
    `pubDate: ${today.toISOString().slice(0, 10)}`,
    `category: ${site.categories[0]}`,
    'tags: ["System Design"]',
    'draft: true',
    '---',
    '',
    'Open with the problem the reader has, in their words.',
    '',
    '## The mental model',
    '',
    'The everyday picture that makes the idea stick.',
    '',
  ];
  writeFileSync(file, front.join('\n'));
  return file;
}

if (import.meta.main) {
  try {
    const file = scaffoldPost(process.argv.slice(2).join(' '), process.env.BLOG_CONTENT_DIR ?? 'src/content/posts');
    console.log(`Created ${file} (a draft). Preview it with npm start; set draft: false to publish.`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

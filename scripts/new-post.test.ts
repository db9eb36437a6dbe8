import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { scaffoldPost } from './new-post.ts';
import { postSchema } from '../src/lib/content/postSchema.ts';

const base = mkdtempSync(join(tmpdir(), 'mm-new-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function frontMatter(text: string): Record<string, unknown> {
  const block = text.match(/^---\n([\s\S]*?)\n---/)![1]!;
  return Object.fromEntries(
    block.split('\n').map((line) => {
      const [key, ...rest] = line.split(': ');
      const raw = rest.join(': ');
      return [key, raw.startsWith('"') || raw.startsWith('[') || raw === 'true' ? JSON.parse(raw) : raw];
    }),
  );
}

describe('npm run new', () => {
  it('creates a draft whose front matter passes the schema', () => {
    const file = scaffoldPost('Queues: the "Coffee Shop" Model', base, new Date('2026-01-02T10:00:00Z'));
    expect(file).toBe(join(base, 'queues-the-coffee-shop-model', 'index.mdx'));
    const data = frontMatter(readFileSync(file, 'utf8'));
    expect(data.title).toBe('Queues: the "Coffee Shop" Model');
    const parsed = postSchema(() => z.string()).parse(data);
    expect(parsed.draft).toBe(true);
    expect(parsed.pubDate).toEqual(new Date('2026-01-02'));
  });

  it('refuses to overwrite an existing post, an empty title and a reserved slug', () => {
    scaffoldPost('Twice', base);
    expect(() => scaffoldPost('Twice', base)).toThrow(/already exists/);
    expect(() => scaffoldPost('   ', base)).toThrow(/Give the post a title/);
    expect(() => scaffoldPost('Tags', base)).toThrow(/reserved/);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { astroBuild, post, writePosts } from '../../support/buildSite.ts';

const root = mkdtempSync(join(tmpdir(), 'mm-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function build(name: string, posts: Record<string, string>) {
  const content = join(root, name, 'posts');
  writePosts(content, posts);
  return { ...astroBuild(content, join(root, name, 'dist')), content, out: join(root, name, 'dist') };
}

describe('the production build', () => {
  it('fails on an invalid field, naming the file and the field', () => {
    const result = build('bad-category', { good: post({}), 'bad-category': post({ category: 'Cooking' }) });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(join(result.content, 'bad-category', 'index.md'));
    expect(result.output).toContain('category: category must be one of: Tech, Notes');
  });

  it('fails on a missing field, naming the file and the field', () => {
    const result = build('no-date', { 'no-date': post({ pubDate: '' }) });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(join(result.content, 'no-date', 'index.md'));
    expect(result.output).toMatch(/pubDate: /);
  });

  it('fails on a date that does not exist, naming the file and the field, instead of rolling it over', () => {
    const result = build('bad-date', { good: post({}), 'bad-date': post({ pubDate: '2025-13-45' }) });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${join(result.content, 'bad-date', 'index.md')}: pubDate: 2025-13-45 is not a date that exists (there is no month 13)`);
    const updated = build('bad-update', { 'bad-update': post({ updatedDate: '2025-02-30' }) });
    expect(updated.status).not.toBe(0);
    expect(updated.output).toContain(
      `${join(updated.content, 'bad-update', 'index.md')}: updatedDate: 2025-02-30 is not a date that exists (February 2025 has no day 30)`,
    );
  });

  it('fails when two tag spellings would share a URL', () => {
    const result = build('tag-clash', { one: post({ tags: '["System Design"]' }), two: post({ tags: '["system design"]' }) });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/tag "system design" \(post "two"\) and tag "System Design" \(post "one"\) both have the URL slug "system-design"/);
  });

  it('leaves drafts out of the production build entirely', () => {
    const result = build('drafts', {
      published: post({ title: '"Published post"' }),
      'secret-draft': post({ title: '"Secret draft"', draft: 'true', tags: '["Unreleased"]' }),
    });
    expect(result.status).toBe(0);
    expect(existsSync(join(result.out, 'published', 'index.html'))).toBe(true);
    expect(existsSync(join(result.out, 'secret-draft'))).toBe(false);
    expect(existsSync(join(result.out, 'tags', 'unreleased'))).toBe(false);
    for (const page of ['index.html', 'archives/index.html', 'tags/index.html']) {
      expect(readFileSync(join(result.out, page), 'utf8')).not.toContain('Secret draft');
    }
  });

  it('shows an empty state, not an error, when there are no posts', () => {
    const result = build('empty', {});
    expect(result.status).toBe(0);
    expect(readFileSync(join(result.out, 'index.html'), 'utf8')).toContain('No articles have been published yet');
  });
});

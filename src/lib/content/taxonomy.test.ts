import { describe, expect, it } from 'vitest';
import { groupByTerm, sortedTerms } from './taxonomy.ts';
import { relatedPosts } from './related.ts';
import { groupByYear } from './archive.ts';
import { assertPostSlug } from './reservedSlugs.ts';

const post = (id: string, tags: string[], date = '2025-01-01') => ({ id, tags, date: new Date(date) });

describe('groupByTerm', () => {
  it('groups posts under each tag slug, keeping the display name and post order', () => {
    const posts = [post('a', ['System Design', 'S3']), post('b', ['System Design'])];
    const tags = groupByTerm(posts, (p) => p.tags, 'tag');
    expect(tags.get('system-design')?.name).toBe('System Design');
    expect(tags.get('system-design')?.posts.map((p) => p.id)).toEqual(['a', 'b']);
    expect(tags.get('s3')?.posts.map((p) => p.id)).toEqual(['a']);
  });

  it('fails naming both spellings when two tags slug the same', () => {
    const posts = [post('a', ['System Design']), post('b', ['system-design'])];
    expect(() => groupByTerm(posts, (p) => p.tags, 'tag')).toThrow(
      /tag "system-design" \(post "b"\) and tag "System Design" \(post "a"\) both have the URL slug "system-design"/,
    );
  });

  it('counts a tag repeated in one post once', () => {
    const tags = groupByTerm([post('a', ['S3', 'S3'])], (p) => p.tags, 'tag');
    expect(tags.get('s3')?.posts).toHaveLength(1);
  });

  it('sorts terms by name for index pages', () => {
    const tags = groupByTerm([post('a', ['Zeta', 'alpha', 'Mid'])], (p) => p.tags, 'tag');
    expect(sortedTerms(tags).map((t) => t.name)).toEqual(['alpha', 'Mid', 'Zeta']);
  });
});

describe('relatedPosts', () => {
  const posts = [post('p0', ['A', 'B', 'C']), post('p1', ['A']), post('p2', ['A', 'B']), post('p3', ['A', 'B', 'C']), post('p4', ['D']), post('p5', ['C'])];
  const index = groupByTerm(posts, (p) => p.tags, 'tag');
  const rank = new Map(posts.map((p, i) => [p.id, i]));
  const related = (p: (typeof posts)[number]) =>
    relatedPosts(
      p,
      p.tags.map((t) => t.toLowerCase()),
      index,
      rank,
    ).map((r) => r.id);

  it('ranks by the number of shared tags, then by listing order, at most three', () => {
    expect(related(posts[0]!)).toEqual(['p3', 'p2', 'p1']);
  });

  it('never lists the post itself, nor posts sharing no tag', () => {
    expect(related(posts[4]!)).toEqual([]);
    expect(related(posts[5]!)).toEqual(['p0', 'p3']);
  });
});

describe('groupByYear', () => {
  it('groups newest-first posts into years, newest year first', () => {
    const posts = [post('a', [], '2026-03-01'), post('b', [], '2026-01-05'), post('c', [], '2025-12-31')];
    const years = groupByYear(posts, (p) => p.date);
    expect(years.map((y) => [y.year, y.posts.map((p) => p.id)])).toEqual([
      [2026, ['a', 'b']],
      [2025, ['c']],
    ]);
  });
});

describe('assertPostSlug', () => {
  it('accepts lowercase hyphenated folder names', () => {
    expect(() => assertPostSlug('consistent-hashing')).not.toThrow();
  });
  it('rejects a slug that a site page already uses, or that is not URL-safe', () => {
    expect(() => assertPostSlug('tags')).toThrow(/reserved/);
    expect(() => assertPostSlug('My Post')).toThrow(/not a URL slug/);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { postSchema } from './postSchema.ts';

// Stands in for Astro's image() helper, which exists only inside the content layer.
const schema = postSchema(() => z.string());

const valid = {
  title: 'Consistent Hashing',
  description: 'Lockers and rings.',
  pubDate: '2025-11-03',
  category: 'Tech',
  tags: ['System Design'],
};

function issues(data: Record<string, unknown>): string[] {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('post front matter', () => {
  it('accepts a complete post and fills the defaults', () => {
    const post = schema.parse(valid);
    expect(post.draft).toBe(false);
    expect(post.pubDate).toEqual(new Date('2025-11-03'));
  });

  it('names the missing field', () => {
    const { title: _, ...noTitle } = valid;
    expect(issues(noTitle)).toEqual([expect.stringMatching(/^title: /)]);
  });

  it('explains a bad date', () => {
    expect(issues({ ...valid, pubDate: 'yesterday' })).toEqual(['pubDate: pubDate must be a date such as 2025-11-03']);
  });

  it('refuses a date that does not exist instead of rolling it over, for pubDate and updatedDate', () => {
    expect(issues({ ...valid, pubDate: '2025-13-45' })).toEqual(['pubDate: pubDate 2025-13-45 is not a date that exists (there is no month 13)']);
    expect(issues({ ...valid, updatedDate: '2026-02-30' })).toEqual([
      'updatedDate: updatedDate 2026-02-30 is not a date that exists (February 2026 has no day 30)',
    ]);
    expect(issues({ ...valid, pubDate: '2024-02-29' })).toEqual([]);
  });

  it('lists the allowed categories', () => {
    expect(issues({ ...valid, category: 'Cooking' })).toEqual(['category: category must be one of: Tech, Notes']);
  });

  it('requires 1 to 8 tags', () => {
    expect(issues({ ...valid, tags: [] })).toEqual(['tags: tags needs at least 1 tag']);
    expect(issues({ ...valid, tags: Array.from({ length: 9 }, (_, i) => `t${i}`) })).toEqual(['tags: tags allows at most 8 tags']);
  });

  it('rejects unknown fields, which are usually typos', () => {
    expect(issues({ ...valid, tilte: 'x' })).toEqual([expect.stringMatching(/tilte/)]);
  });

  it('requires alt text with a cover image', () => {
    expect(issues({ ...valid, cover: './cover.png' })).toEqual(['coverAlt: coverAlt is required when cover is set']);
  });

  it('rejects an update dated before publication', () => {
    expect(issues({ ...valid, updatedDate: '2025-01-01' })).toEqual(['updatedDate: updatedDate must not be before pubDate']);
  });
});

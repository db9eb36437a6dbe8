import { describe, expect, it } from 'vitest';
import { slugify } from './slugify.ts';

describe('slugify', () => {
  it('lowercases and hyphenates display names', () => {
    expect(slugify('System Design')).toBe('system-design');
    expect(slugify('Distributed Systems')).toBe('distributed-systems');
    expect(slugify('S3')).toBe('s3');
  });

  it('strips accents and punctuation, and collapses separators', () => {
    expect(slugify('Café  au—lait!')).toBe('cafe-au-lait');
    expect(slugify('  --Edge  Case-- ')).toBe('edge-case');
    expect(slugify('C++ & Rust')).toBe('c-and-rust');
  });

  it('is stable: a slug slugs to itself', () => {
    for (const name of ['System Design', 'Node.js', 'OAuth 2.0']) expect(slugify(slugify(name))).toBe(slugify(name));
  });

  it('refuses a name with nothing to slug', () => {
    expect(() => slugify('!!!')).toThrow(/no letters or digits/);
  });
});

import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from './readingTime.ts';

describe('countWords', () => {
  it('counts the words of plain prose', () => {
    expect(countWords('The quick brown fox jumps over the lazy dog.')).toBe(9);
  });

  it('counts code inside fences but not the fence or its language', () => {
    const body = ['Two words', '```python', 'print("hello world")', 'x = 1', '```'].join('\n');
    // "Two", "words", 'print("hello', 'world")', "x", "1" ("=" holds no letter or digit)
    expect(countWords(body)).toBe(6);
  });

  it('ignores MDX imports, component tags and JSX expressions', () => {
    const body = [
      "import Ring from '../../sims/ring/Ring.astro';",
      '',
      'Before the figure.',
      '<Ring servers={4} vnodes={100} />',
      '<Figure caption="ignored attribute">',
      'Inside a component.',
      '</Figure>',
      'A value {props.count} here.',
    ].join('\n');
    expect(countWords(body)).toBe(3 + 3 + 3);
  });

  it('keeps link text and drops URLs, images and footnote markers', () => {
    expect(countWords('See [the docs](https://example.com/a/b) now.')).toBe(4);
    expect(countWords('![a diagram of a ring](ring.png) Ring.')).toBe(1);
    expect(countWords('A claim[^1].\n\n[^1]: Source text.')).toBe(4);
  });

  it('does not count markup-only tokens such as heading marks, bullets and rules', () => {
    expect(countWords('## A heading\n\n- one\n- two\n\n---\n\n**bold** _em_')).toBe(6);
  });
});

describe('readingMinutes', () => {
  it('rounds up at 213 words per minute, as Hugo does', () => {
    expect(readingMinutes(1)).toBe(1);
    expect(readingMinutes(213)).toBe(1);
    expect(readingMinutes(214)).toBe(2);
    expect(readingMinutes(640)).toBe(4);
    expect(readingMinutes(852)).toBe(4);
    expect(readingMinutes(853)).toBe(5);
  });

  it('shows at least one minute for an empty post', () => {
    expect(readingMinutes(0)).toBe(1);
  });

  it('rejects a negative or non-finite count', () => {
    expect(() => readingMinutes(-1)).toThrow(RangeError);
    expect(() => readingMinutes(Number.NaN)).toThrow(RangeError);
  });
});

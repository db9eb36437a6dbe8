import { describe, expect, it } from 'vitest';
import { frontMatterText, impossibleDate } from './calendarDate.ts';

describe('dates that do not exist', () => {
  it('names the month or day that does not exist', () => {
    expect(impossibleDate('2025-13-45')).toBe('there is no month 13');
    expect(impossibleDate('2025-00-10')).toBe('there is no month 0');
    expect(impossibleDate('2025-02-29')).toBe('February 2025 has no day 29');
    expect(impossibleDate('2025-04-31T10:00:00Z')).toBe('April 2025 has no day 31');
  });

  it('accepts real days, leap days included, and leaves text that is not date-shaped to the schema', () => {
    for (const text of ['2024-02-29', '2000-02-29', '2025-12-31', '2025-1-5', '2025-11-03T09:30:00+01:00']) expect(impossibleDate(text), text).toBeUndefined();
    expect(impossibleDate('1900-02-29')).toBe('February 1900 has no day 29');
    expect(impossibleDate('yesterday')).toBeUndefined();
  });

  it("reads a field's raw text from front matter, unquoted and without a comment", () => {
    const source = '---\ntitle: "A"\npubDate: 2025-13-45 # typo\nupdatedDate: \'2026-01-02\'\n---\nbody pubDate: 2020-01-01\n';
    expect(frontMatterText(source, 'pubDate')).toBe('2025-13-45');
    expect(frontMatterText(source, 'updatedDate')).toBe('2026-01-02');
    expect(frontMatterText(source, 'draft')).toBeUndefined();
  });
});

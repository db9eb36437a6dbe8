import { describe, expect, it } from 'vitest';
import { pageUrl, paginate } from './paginate.ts';
import { pageWindow } from './pageWindow.ts';

describe('paginate', () => {
  it('splits 25 items into pages of 9, 9 and 7 in order', () => {
    const items = Array.from({ length: 25 }, (_, i) => i);
    const pages = paginate(items, 9);
    expect(pages.map((p) => p.items.length)).toEqual([9, 9, 7]);
    expect(pages.map((p) => p.current)).toEqual([1, 2, 3]);
    expect(pages.every((p) => p.total === 3)).toBe(true);
    expect(pages.flatMap((p) => p.items)).toEqual(items);
  });

  it('gives one empty page for no items, so the listing can show its empty state', () => {
    expect(paginate([], 9)).toEqual([{ items: [], current: 1, total: 1 }]);
  });

  it('rejects a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
    expect(() => paginate([1], 2.5)).toThrow(RangeError);
  });
});

describe('pageUrl', () => {
  it('puts page 1 at the listing root and later pages under page/N/', () => {
    expect(pageUrl('/', 1)).toBe('/');
    expect(pageUrl('/', 3)).toBe('/page/3/');
    expect(pageUrl('/tags/hashing', 2)).toBe('/tags/hashing/page/2/');
  });
});

describe('pageWindow', () => {
  it('shows every page when there are few', () => {
    expect(pageWindow(2, 3)).toEqual([1, 2, 3]);
  });

  it('elides long runs but keeps first, last and two neighbours of the current page', () => {
    expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pageWindow(1, 20)).toEqual([1, 2, 3, null, 20]);
  });

  it('shows a single hidden page instead of an ellipsis', () => {
    expect(pageWindow(5, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

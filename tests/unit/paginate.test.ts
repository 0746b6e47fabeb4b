import { describe, expect, it } from 'vitest';
import { pageAt, pageCount, pageNumbers, pagedTitle, pageWindow } from '../../src/lib/paginate.ts';
import { pagedUrl } from '../../src/lib/urls.ts';

describe('pagination', () => {
  const items = Array.from({ length: 45 }, (_, i) => i + 1);

  it('splits into full pages and a remainder', () => {
    expect(pageCount(45, 20)).toBe(3);
    expect(pageAt(items, 20, 1).items).toEqual(items.slice(0, 20));
    expect(pageAt(items, 20, 3).items).toEqual([41, 42, 43, 44, 45]);
    expect(pageAt(items, 20, 3)).toMatchObject({ number: 3, count: 3, total: 45 });
    expect(pageNumbers(40, 20)).toEqual([1, 2]);
  });

  it('gives an empty listing one empty page and refuses pages out of range', () => {
    expect(pageNumbers(0, 20)).toEqual([1]);
    expect(pageAt([], 20, 1)).toMatchObject({ items: [], count: 1, total: 0 });
    expect(() => pageAt(items, 20, 4)).toThrow(RangeError);
    expect(() => pageCount(10, 0)).toThrow(RangeError);
  });

  it('puts page 1 at the listing URL and page n under it', () => {
    expect(pagedUrl('/zwgk/fazhi/', 1)).toBe('/zwgk/fazhi/');
    expect(pagedUrl('/zwgk/fazhi/', 2)).toBe('/zwgk/fazhi/2/');
    expect(pagedTitle('法治政府建设', 1)).toBe('法治政府建设');
    expect(pagedTitle('法治政府建设', 3)).toBe('法治政府建设（第 3 页）');
  });

  it('shows the first, last and nearby pages with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 10)).toEqual([1, undefined, 3, 4, 5, 6, 7, undefined, 10]);
    expect(pageWindow(2, 10)).toEqual([1, 2, 3, 4, undefined, 10]);
    expect(pageWindow(10, 10)).toEqual([1, undefined, 8, 9, 10]);
  });
});

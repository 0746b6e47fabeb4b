import { describe, expect, it } from 'vitest';
import { editDistance, nearest } from '../../src/lib/suggest.ts';

describe('suggestions', () => {
  it('measures edits', () => {
    expect(editDistance('fazhi', 'fazhi')).toBe(0);
    expect(editDistance('fahzi', 'fazhi')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests the closest id or name for a plausible slip, nothing for nonsense', () => {
    const candidates = ['fazhi', 'guihua', 'gongzuo-baogao', '示例区民政局', 'mzj'];
    expect(nearest('fazi', candidates)).toBe('fazhi');
    expect(nearest('gongzuo-baogoa', candidates)).toBe('gongzuo-baogao');
    expect(nearest('民政局', candidates)).toBe('示例区民政局');
    expect(nearest('weather', candidates)).toBeUndefined();
  });
});

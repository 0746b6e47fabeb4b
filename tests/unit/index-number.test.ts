import { describe, expect, it } from 'vitest';
import { nextIndexNumber, parseIndexNumber } from '../../src/lib/index-number.ts';

describe('index numbers', () => {
  it('reads code, year and serial', () => {
    expect(parseIndexNumber('330803-035/2021-71062')).toEqual({ prefix: '330803-035', year: 2021, serial: 71062 });
    expect(parseIndexNumber('11440700MB2D15950M/2022-00012')).toEqual({ prefix: '11440700MB2D15950M', year: 2022, serial: 12 });
    expect(parseIndexNumber('旧系统编号123')).toBeUndefined();
  });

  it('finds the next free serial for an agency and year', () => {
    const existing = ['330803-035/2021-00007', '330803-035/2021-00012', '330803-035/2022-00099', '330803-036/2021-00500', 'legacy'];
    expect(nextIndexNumber('330803-035', 2021, existing)).toBe('330803-035/2021-00013');
    expect(nextIndexNumber('330803-035', 2023, existing)).toBe('330803-035/2023-00001');
  });
});

import { describe, expect, it } from 'vitest';
import { dateProblem, dateTimeProblem, formatChineseDate, normalizeDateTime, nowInBeijing, publishedDatetime, rfc822InBeijing, todayInBeijing } from '../../src/lib/dates.ts';

describe('dateProblem', () => {
  it('accepts real dates, including 29 February in leap years', () => {
    for (const date of ['2021-03-04', '2020-02-29', '2000-02-29', '1999-12-31']) expect(dateProblem(date), date).toBeUndefined();
  });

  it('rejects impossible dates that YAML 1.1 would roll over', () => {
    expect(dateProblem('2021-02-30')).toBe('2021年2月只有28天');
    expect(dateProblem('2021-02-29')).toBe('2021年2月只有28天');
    expect(dateProblem('1900-02-29')).toBe('1900年2月只有28天');
    expect(dateProblem('2021-04-31')).toBe('2021年4月只有30天');
    expect(dateProblem('2021-13-01')).toBe('没有 13 月');
    expect(dateProblem('2021-00-10')).toBe('没有 0 月');
    expect(dateProblem('2021-01-00')).toBe('2021年1月只有31天');
  });

  it('rejects other shapes', () => {
    for (const text of ['2021-3-4', '2021/03/04', '2021年3月4日', '20210304', '2021-03-04 10:00', '']) {
      expect(dateProblem(text), text).toBe('格式应为 YYYY-MM-DD');
    }
  });
});

describe('dateTimeProblem and normalizeDateTime', () => {
  it('accept a date with or without HH:mm', () => {
    expect(dateTimeProblem('2022-02-18')).toBeUndefined();
    expect(dateTimeProblem('2022-02-18 16:27')).toBeUndefined();
    expect(normalizeDateTime('2022-02-18')).toBe('2022-02-18 00:00');
    expect(normalizeDateTime('2022-02-18T16:27')).toBe('2022-02-18 16:27');
  });

  it('reject impossible times and dates', () => {
    expect(dateTimeProblem('2022-02-18 24:00')).toBe('时间 24:00 不存在');
    expect(dateTimeProblem('2022-02-18 12:60')).toBe('时间 12:60 不存在');
    expect(dateTimeProblem('2022-02-30 12:00')).toBe('2022年2月只有28天');
    expect(() => normalizeDateTime('2022-02-30')).toThrow();
  });
});

describe('formatChineseDate', () => {
  it('drops leading zeros and never shifts the day', () => {
    expect(formatChineseDate('2021-03-04')).toBe('2021年3月4日');
    expect(formatChineseDate('2021-01-01')).toBe('2021年1月1日');
    expect(formatChineseDate('2021-12-31 23:59')).toBe('2021年12月31日');
  });
});

describe('Beijing time', () => {
  it('writes RSS dates in Beijing time, so a date alone stays on its day', () => {
    expect(rfc822InBeijing('2021-03-04 08:00')).toBe('Thu, 04 Mar 2021 08:00:00 +0800');
    expect(rfc822InBeijing('2021-01-01')).toBe('Fri, 01 Jan 2021 00:00:00 +0800');
    expect(rfc822InBeijing('2024-02-29 23:59')).toBe('Thu, 29 Feb 2024 23:59:00 +0800');
    // The instant is the one meant: parsed back, it is midnight in Beijing.
    expect(new Date(rfc822InBeijing('2021-01-01')).toISOString()).toBe('2020-12-31T16:00:00.000Z');
  });

  it('gives <time datetime> a time and offset only when a time was given', () => {
    expect(publishedDatetime('2019-01-15 00:00', false)).toBe('2019-01-15');
    expect(publishedDatetime('2023-01-01 00:30', true)).toBe('2023-01-01T00:30+08:00');
  });

  it('knows it is already tomorrow in Beijing when it is evening in UTC', () => {
    const lateUtc = new Date('2021-12-31T17:30:00Z');
    expect(todayInBeijing(lateUtc)).toBe('2022-01-01');
    expect(nowInBeijing(lateUtc)).toBe('2022-01-01 01:30');
    expect(todayInBeijing(new Date('2021-12-31T15:59:00Z'))).toBe('2021-12-31');
  });
});

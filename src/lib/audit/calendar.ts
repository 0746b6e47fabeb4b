/**
 * Day arithmetic on `YYYY-MM-DD` strings (Beijing calendar days), for
 * deadlines and ages. Dates stay strings; only whole days are counted.
 */
import type { Period } from '../content/audit-schema.ts';
import { daysInMonth, parseDate } from '../dates.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

function dayNumber(date: string): number {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

function fromDayNumber(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The date a period after `date`; months and years keep the day of the
 * month, or the month's last day when it has no such day (08-31 + 6个月 = 02-28).
 */
export function addPeriod(date: string, period: Period): string {
  if (period.unit === '天' || period.unit === '周') return fromDayNumber(dayNumber(date) + period.count * (period.unit === '周' ? 7 : 1));
  const { year, month, day } = parseDate(date);
  const months = year * 12 + (month - 1) + period.count * (period.unit === '年' ? 12 : 1);
  const targetYear = Math.floor(months / 12);
  const targetMonth = (months % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}
